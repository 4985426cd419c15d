//! What instructions build and take apart: `*xs` in displays, `a, *b = v`, `f(**d)` and its
//! keyword merging, f-string fields.

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;

impl Interp {
    /// An f-string field: conversion (`!r`, `!s`, `!a`), then the format spec.
    pub(super) fn format_field(&mut self, v: Value, conv: u8, spec: &str) -> PyResult<String> {
        let v = match conv {
            b'r' => {
                let r = self.repr(&v)?;
                self.new_str(r)
            }
            b's' => {
                let r = self.str(&v)?;
                self.new_str(r)
            }
            b'a' => {
                let r = self.repr(&v)?;
                let r = crate::eval::text::format::ascii_escape(&r);
                self.new_str(r)
            }
            _ => v,
        };
        self.format_value(&v, spec)
    }

    /// Display items with `*xs` expanded.
    pub(super) fn expand_stars(
        &mut self,
        items: Vec<Value>,
        flags: &[bool],
    ) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for (v, star) in items.into_iter().zip(flags) {
            if *star {
                let mut it = self.iterate(&v)?;
                while let Some(x) = it.next(self)? {
                    out.push(x);
                }
            } else {
                out.push(v);
            }
        }
        Ok(out)
    }

    /// `a, *b, c = v`: `before` items, a list of the middle, `after` items.
    pub(super) fn unpack_ex(
        &mut self,
        v: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let items = match self.collect(v) {
            Ok(items) => items,
            Err(e) if e.kind == ErrorKind::TypeError => {
                return Err(PyError::cannot_unpack_non_iterable(&v.type_name()));
            }
            Err(e) => return Err(e),
        };
        if items.len() < before + after {
            return Err(PyError::value(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut items = items;
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        let mut out = items;
        let l = self.new_list(middle);
        out.push(l);
        out.extend(tail);
        Ok(out)
    }

    /// The keyword arguments of `f(**d)`: a dict with str keys.
    pub(super) fn kwargs_of(&mut self, d: &Value) -> PyResult<Vec<(String, Value)>> {
        match d {
            Value::None => Ok(Vec::new()),
            Value::Dict(d) => {
                let mut out = Vec::new();
                for (k, v) in d.items.borrow().iter() {
                    let Value::Str(s) = k else {
                        return Err(PyError::type_error("keywords must be strings"));
                    };
                    out.push((s.v.clone(), v.clone()));
                }
                Ok(out)
            }
            _ => Ok(Vec::new()),
        }
    }

    /// `**m` merged into the keyword dict of a call.
    pub(super) fn merge_kwargs(&mut self, d: &Value, m: &Value) -> PyResult<()> {
        let Value::Dict(d) = d else {
            unreachable!("DictMerge merges into a dict")
        };
        let Value::Dict(src) = m else {
            return Err(PyError::type_error(format!(
                "argument after ** must be a mapping, not {}",
                m.type_name()
            )));
        };
        let pairs = src.items.borrow().clone();
        for (k, v) in pairs {
            let Value::Str(s) = &k else {
                return Err(PyError::type_error("keywords must be strings"));
            };
            let exists = d.items.borrow().iter().any(|(x, _)| match x {
                Value::Str(t) => t.v == s.v,
                _ => false,
            });
            if exists {
                return Err(PyError::type_error(format!(
                    "got multiple values for keyword argument '{}'",
                    s.v
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }
}
