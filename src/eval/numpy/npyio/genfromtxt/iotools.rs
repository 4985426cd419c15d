//! `numpy.lib._iotools` for `genfromtxt`: `LineSplitter` (`Splitter`), `StringConverter`
//! (`Converter`: the type ladder, missing values, strict and loose calls) and `NameValidator`
//! (`validate_names`).

use crate::error::{ErrorKind, PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::runtime::{DType, Kind};

/// How `LineSplitter` cuts a line.
pub(super) enum Splitter {
    /// `None`: whitespace (`str.split()`).
    Delimited(Option<String>),
    Fixed(usize),
    Widths(Vec<usize>),
}

impl Splitter {
    pub(super) fn split(&self, line: &str, comments: Option<&str>, autostrip: bool) -> Vec<String> {
        let line = match comments {
            Some(c) if !c.is_empty() => line.split(c).next().unwrap_or(""),
            _ => line,
        };
        let fields: Vec<String> = match self {
            Splitter::Delimited(d) => {
                let line = line.trim_matches([' ', '\r', '\n']);
                if line.is_empty() {
                    return vec![];
                }
                match d {
                    None => line.split_whitespace().map(String::from).collect(),
                    Some(d) => line.split(d.as_str()).map(String::from).collect(),
                }
            }
            Splitter::Fixed(w) => {
                let cs: Vec<char> = line.trim_matches(['\r', '\n']).chars().collect();
                cs.chunks((*w).max(1)).map(|c| c.iter().collect()).collect()
            }
            Splitter::Widths(ws) => {
                if line.is_empty() {
                    return vec![];
                }
                let cs: Vec<char> = line.chars().collect();
                let mut start = 0;
                ws.iter()
                    .map(|w| {
                        let (a, b) = (start.min(cs.len()), (start + w).min(cs.len()));
                        start += w;
                        cs[a..b].iter().collect()
                    })
                    .collect()
            }
        };
        if autostrip {
            fields.into_iter().map(|f| f.trim().to_string()).collect()
        } else {
            fields
        }
    }
}

/// The types a `StringConverter` moves through (`_mapper`, without longdouble and bytes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Ty {
    Bool,
    Int,
    Float,
    Complex,
    Str,
}

impl Ty {
    fn next(self) -> Ty {
        match self {
            Ty::Bool => Ty::Int,
            Ty::Int => Ty::Float,
            Ty::Float => Ty::Complex,
            _ => Ty::Str,
        }
    }

    pub(super) fn of(dt: DType) -> Ty {
        match dt.kind {
            Kind::Bool => Ty::Bool,
            Kind::Int | Kind::UInt => Ty::Int,
            Kind::Complex => Ty::Complex,
            Kind::Str | Kind::Bytes | Kind::Void => Ty::Str,
            _ => Ty::Float,
        }
    }

    pub(super) fn dtype(self) -> DType {
        match self {
            Ty::Bool => DType::BOOL,
            Ty::Int => DType::INT64,
            Ty::Float => DType::FLOAT64,
            Ty::Complex => DType::COMPLEX128,
            Ty::Str => DType::unicode(0),
        }
    }
}

/// One column's converter: its type, missing-value strings and default.
pub(super) struct Converter {
    pub ty: Ty,
    /// The dtype it was made for (`None`: inferred).
    pub dtype: Option<DType>,
    pub missing: Vec<String>,
    pub fill: Option<Value>,
    pub checked: bool,
}

impl Converter {
    fn default(&self, it: &Interp) -> Value {
        if let Some(f) = &self.fill {
            return f.clone();
        }
        match self.ty {
            Ty::Bool => Value::Bool(false),
            Ty::Int => it.new_i64(-1),
            Ty::Float => it.new_float(f64::NAN),
            Ty::Complex => it.new_complex(f64::NAN, 0.0),
            Ty::Str => it.new_str("???".into()),
        }
    }

    /// The converter's function (`str2bool`, `int`, `float`, `complex`, `asunicode`).
    fn func(&self, it: &mut Interp, text: &str) -> PyResult<Value> {
        let s = it.new_str(text.to_string());
        match self.ty {
            Ty::Bool => match text.to_uppercase().as_str() {
                "TRUE" => Ok(Value::Bool(true)),
                "FALSE" => Ok(Value::Bool(false)),
                _ => Err(PyError::value("Invalid boolean")),
            },
            Ty::Int => it.int_from(&s, None),
            Ty::Float => {
                let f = it.to_float(&s)?;
                Ok(it.new_float(f))
            }
            Ty::Complex => {
                let (r, i) = crate::runtime::scalar::parse_complex(text)
                    .ok_or_else(PyError::complex_malformed)?;
                Ok(it.new_complex(r, i))
            }
            Ty::Str => Ok(s),
        }
    }

    /// `_strict_call`: the value, the default for a missing value, or a ValueError.
    fn strict(&mut self, it: &mut Interp, text: &str) -> PyResult<Value> {
        let got = self.func(it, text).and_then(|v| {
            // `int` must also fit the type (`np.array(value, dtype=self.type)`)
            let dt = self.dtype.unwrap_or(DType::INT64);
            if self.ty == Ty::Int && it.value_to_element(&v, dt).is_err() {
                return Err(PyError::value("overflow"));
            }
            Ok(v)
        });
        match got {
            Ok(v) => Ok(v),
            Err(e) if e.kind == ErrorKind::ValueError => {
                if self.missing.iter().any(|m| m == text.trim()) {
                    if self.ty == Ty::Bool {
                        self.checked = false;
                    }
                    return Ok(self.default(it));
                }
                Err(PyError::value(format!("Cannot convert string '{text}'")))
            }
            Err(e) => Err(e),
        }
    }

    /// `_loose_call`: the value, or the default when the function refuses it.
    pub(super) fn loose(&self, it: &mut Interp, text: &str) -> PyResult<Value> {
        match self.func(it, text) {
            Ok(v) => Ok(v),
            Err(e) if e.kind == ErrorKind::ValueError => Ok(self.default(it)),
            Err(e) => Err(e),
        }
    }

    /// `iterupgrade`: the narrowest type that reads the whole column.
    pub(super) fn upgrade(&mut self, it: &mut Interp, column: &[&str]) -> PyResult<()> {
        self.checked = true;
        loop {
            let mut ok = true;
            for text in column {
                if self.strict(it, text).is_err() {
                    ok = false;
                    break;
                }
            }
            if ok || self.ty == Ty::Str {
                return Ok(());
            }
            self.ty = self.ty.next();
        }
    }
}

/// `NameValidator.validate` with its defaults: spaces become `_`, NumPy's delete characters
/// go, `return`/`file`/`print` get a `_`, empty names become `f0`..., repeats get `_1`...
pub(super) fn validate_names(names: &[String], defaultfmt: &str) -> Vec<String> {
    const DELETE: &str = " !#$%&'()*+,-./:;<=>?@[\\]^{|}~";
    let fmt = |n: usize| defaultfmt.replacen("%i", &n.to_string(), 1);
    let mut out = Vec::with_capacity(names.len());
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut nbempty = 0;
    for item in names {
        let item = item.trim().replace(' ', "_");
        let mut item: String = item.chars().filter(|c| !DELETE.contains(*c)).collect();
        if item.is_empty() {
            item = fmt(nbempty);
            while names.contains(&item) {
                nbempty += 1;
                item = fmt(nbempty);
            }
            nbempty += 1;
        } else if ["return", "file", "print"].contains(&item.as_str()) {
            item.push('_');
        }
        match seen.iter_mut().find(|(n, _)| *n == item) {
            Some((_, cnt)) => {
                out.push(format!("{item}_{cnt}"));
                *cnt += 1;
            }
            None => {
                out.push(item.clone());
                seen.push((item, 1));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: names as read, NumPy 2.4's `NameValidator()(names)`.
    #[test]
    fn names_are_cleaned_as_numpy_cleans_them() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["a", "b"], &["a", "b"]),
            (&["first name", "age"], &["first_name", "age"]), // spaces become _
            (&["x(cm)", "y%"], &["xcm", "y"]),                // delete characters go
            (&["print", "return"], &["print_", "return_"]),   // the exclude list
            (&["", "", "f0"], &["f1", "f2", "f0"]),           // empty names skip taken ones
            (&["a", "a", "a"], &["a", "a_1", "a_2"]),         // repeats are numbered
        ];
        for (names, want) in cases {
            let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
            assert_eq!(validate_names(&names, "f%i"), *want, "{names:?}");
        }
    }

    /// Each row: line, splitter, fields (`LineSplitter`, comments `#`, no autostrip).
    #[test]
    fn lines_split_as_linesplitter_splits_them() {
        let cases: &[(&str, Splitter, &[&str])] = &[
            (" 1  2 # c", Splitter::Delimited(None), &["1", "2"]),
            (
                " a , b ",
                Splitter::Delimited(Some(",".into())),
                &["a ", " b"],
            ),
            ("   ", Splitter::Delimited(Some(",".into())), &[]),
            ("12345", Splitter::Fixed(2), &["12", "34", "5"]),
            ("12345", Splitter::Widths(vec![1, 3]), &["1", "234"]),
        ];
        for (line, sp, want) in cases {
            assert_eq!(sp.split(line, Some("#"), false), *want, "{line:?}");
        }
    }
}
