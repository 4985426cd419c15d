//! Binding call arguments to parameters by position or keyword, with Python's TypeError texts.

use crate::error::{PyError, PyResult};
use crate::eval::object::value::Value;

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

    /// The arguments back, untouched (to hand a call on to another function).
    pub fn into_parts(self) -> (Vec<Value>, Vec<(String, Value)>) {
        (self.pos.into_iter().flatten().collect(), self.kw)
    }

    pub(crate) fn take_all(self) -> Vec<Value> {
        self.pos.into_iter().flatten().collect()
    }

    /// A `METH_O` function or method (`len`, `list.append`): exactly one positional argument.
    pub fn meth_o(self) -> PyResult<Value> {
        if !self.kw.is_empty() {
            return Err(PyError::takes_no_keyword_arguments(&self.func));
        }
        if self.pos.len() != 1 {
            return Err(PyError::takes_exactly_one_argument(
                &self.func,
                self.pos.len(),
            ));
        }
        Ok(self.take_all().remove(0))
    }

    /// A `METH_NOARGS` method (`list.copy`).
    pub fn meth_noargs(self) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(PyError::takes_no_keyword_arguments(&self.func));
        }
        if !self.pos.is_empty() {
            return Err(PyError::takes_no_arguments(&self.func, self.pos.len()));
        }
        Ok(())
    }

    /// Positional-only parameters checked by `_PyArg_CheckPositional(name, n, min, max)`
    /// (`insert expected 2 arguments, got 1`); keywords are refused with the qualified name.
    pub fn positional(self, name: &str, min: usize, max: usize) -> PyResult<Vec<Value>> {
        if !self.kw.is_empty() {
            return Err(PyError::takes_no_keyword_arguments(&self.func));
        }
        let n = self.pos.len();
        if n < min || n > max {
            return Err(PyError::positional_count(name, min, max, n));
        }
        Ok(self.take_all())
    }

    /// `sort(*, key=None, reverse=False)` (also `sorted`'s keywords).
    pub fn sort_keywords(mut self, name: &str) -> PyResult<(Option<Value>, Option<Value>)> {
        if !self.pos.is_empty() {
            return Err(PyError::takes_no_positional_arguments(name));
        }
        let key = self.kw_only("key");
        let reverse = self.kw_only("reverse");
        if let Some((k, _)) = self.kw.first() {
            return Err(PyError::invalid_keyword_argument(k, name));
        }
        Ok((key, reverse))
    }

    /// Keyword arguments other than `allowed` are refused Argument-Clinic style
    /// (`'foo' is an invalid keyword argument for print()`).
    pub fn only_keywords(&self, name: &str, allowed: &[&str]) -> PyResult<()> {
        match self.kw.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            Some((k, _)) => Err(PyError::invalid_keyword_argument(k, name)),
            None => Ok(()),
        }
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
