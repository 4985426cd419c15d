//! Binding call arguments to parameters by position or keyword, with Python's TypeError texts.

use super::value::Value;
use crate::error::{PyError, PyResult};

/// The arguments of one call, consumed parameter by parameter.
pub struct Args {
    func: String,
    pos: Vec<Option<Value>>,
    kw: Vec<(String, Value)>,
    max_pos: usize,
}

impl Args {
    pub fn new(func: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> Args {
        Args {
            func: func.to_string(),
            pos: pos.into_iter().map(Some).collect(),
            kw,
            max_pos: 0,
        }
    }

    /// Parameter `i` (positional) or `name` (keyword).
    pub fn opt(&mut self, i: usize, name: &str) -> PyResult<Option<Value>> {
        self.max_pos = self.max_pos.max(i + 1);
        let from_kw = self
            .kw
            .iter()
            .position(|(k, _)| k == name)
            .map(|p| self.kw.remove(p).1);
        match (self.pos.get_mut(i).and_then(Option::take), from_kw) {
            (Some(_), Some(_)) => Err(PyError::type_error(format!(
                "argument for {}() given by name ('{name}') and position ({})",
                self.func,
                i + 1
            ))),
            (Some(v), None) | (None, Some(v)) => Ok(Some(v)),
            (None, None) => Ok(None),
        }
    }

    /// A keyword-only parameter.
    pub fn kw_only(&mut self, name: &str) -> Option<Value> {
        self.kw
            .iter()
            .position(|(k, _)| k == name)
            .map(|p| self.kw.remove(p).1)
    }

    pub fn req(&mut self, i: usize, name: &str) -> PyResult<Value> {
        self.opt(i, name)?.ok_or_else(|| {
            PyError::type_error(format!(
                "{}() missing required argument '{name}' (pos {})",
                self.func,
                i + 1
            ))
        })
    }

    /// All remaining positional arguments from `i` on (`*args`).
    pub fn rest(&mut self, i: usize) -> Vec<Value> {
        self.max_pos = usize::MAX;
        self.pos
            .iter_mut()
            .skip(i)
            .filter_map(Option::take)
            .collect()
    }

    pub fn take_kw(&mut self) -> Vec<(String, Value)> {
        std::mem::take(&mut self.kw)
    }

    pub fn pos_count(&self) -> usize {
        self.pos.len()
    }

    /// Refuses arguments no parameter took.
    pub fn finish(self) -> PyResult<()> {
        if let Some((k, _)) = self.kw.first() {
            return Err(PyError::unexpected_keyword(&self.func, k));
        }
        if self.max_pos != usize::MAX && self.pos.len() > self.max_pos {
            return Err(PyError::type_error(format!(
                "{}() takes at most {} positional argument{} ({} given)",
                self.func,
                self.max_pos,
                if self.max_pos == 1 { "" } else { "s" },
                self.pos.len()
            )));
        }
        Ok(())
    }
}
