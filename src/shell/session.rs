//! A session: the interpreter, the execution counter and IPython's output history (`_`, `__`,
//! `___`, `_N`, `Out`). `run_cell` turns one cell's text into a `CellResult`; no I/O here.

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::error::PyError;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::runtime::{Heap, NdArray};

/// How a session models memory.
#[derive(Clone, Debug)]
pub struct SessionOptions {
    /// Show this process's real addresses instead of the deterministic model.
    pub real_addresses: bool,
    /// Bytes of array data allowed at once before `MemoryError`.
    pub memory_budget: u64,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            real_addresses: false,
            memory_budget: 8 << 30,
        }
    }
}

/// The memory facts of an array result, for the annotation line.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayFacts {
    pub dtype: String,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub id: u64,
    pub buffer_address: u64,
    /// Signed: an empty view may point before its buffer, as NumPy's data pointer does.
    pub offset_bytes: isize,
    pub nbytes: usize,
    pub owns_data: bool,
    pub writeable: bool,
    pub c_contiguous: bool,
    pub f_contiguous: bool,
    /// For a view: what owns the memory.
    pub owner: Option<OwnerFacts>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OwnerFacts {
    pub id: u64,
    /// The memory belongs to a bytes object (`np.frombuffer`), not an array.
    pub is_bytes: bool,
    /// User variables bound to the owner, sorted.
    pub names: Vec<String>,
    /// `Out[k]` entries that are the owner.
    pub out_numbers: Vec<usize>,
    pub nbytes: usize,
}

/// What the annotation line says about a displayed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Facts {
    Array(ArrayFacts),
    /// A NumPy scalar: a new object, not a view.
    Scalar {
        type_name: String,
        id: u64,
    },
}

/// The outcome of one cell.
#[derive(Clone, Debug)]
pub struct CellResult {
    pub n: usize,
    pub input: String,
    /// What `print` wrote (ends with a newline when not empty).
    pub stdout: String,
    /// IPython's text for `Out[n]`, when there is one.
    pub out: Option<String>,
    pub facts: Option<Facts>,
    pub error: Option<PyError>,
}

pub struct Session {
    interp: Interp,
    count: usize,
    out_cache: Value,
    /// IPython's `_`, `__`, `___` as last displayed (to notice a user's own `_`).
    hist: [Value; 3],
}

impl Session {
    pub fn new(opts: &SessionOptions, interrupt: Arc<AtomicBool>) -> Session {
        let heap = Heap::new(opts.real_addresses, opts.memory_budget);
        let mut interp = Interp::new(heap, interrupt);
        let out_cache = interp.new_dict(vec![]).unwrap_or(Value::None);
        let empty = interp.new_str(String::new());
        interp.globals.insert("Out".into(), out_cache.clone());
        for name in ["_", "__", "___"] {
            interp.globals.insert(name.into(), empty.clone());
        }
        Session {
            interp,
            count: 1,
            out_cache,
            hist: [empty.clone(), empty.clone(), empty],
        }
    }

    /// The number the next cell will get.
    pub fn execution_count(&self) -> usize {
        self.count
    }

    pub fn interp(&self) -> &Interp {
        &self.interp
    }

    /// Runs one cell. Blank (or comment-only) input returns `None` and does not advance the
    /// counter, as in IPython; everything else advances it, error or not.
    pub fn run_cell(&mut self, src: &str) -> Option<CellResult> {
        if src
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return None;
        }
        let n = self.count;
        self.count += 1;
        let mut result = CellResult {
            n,
            input: src.to_string(),
            stdout: String::new(),
            out: None,
            facts: None,
            error: None,
        };
        match crate::syntax::parse(src) {
            Err(e) => result.error = Some(e),
            Ok(cell) => match self.interp.run_cell(&cell) {
                Ok(Some(v)) if !v.is_none() && !cell.quiet => match self.display(n, &v) {
                    Ok((text, facts)) => {
                        result.out = Some(text);
                        result.facts = facts;
                    }
                    Err(e) => result.error = Some(e),
                },
                Ok(_) => {}
                Err(e) => result.error = Some(e),
            },
        }
        // a pending Ctrl-C that arrived after the last check must not leak into the next cell
        let _ = self.interp.ctx.check_interrupt();
        let mut out = self.interp.take_output();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        result.stdout = out;
        Some(result)
    }

    /// IPython's displayhook: the text, and the history update (`_`, `__`, `___`, `_n`, `Out`).
    fn display(&mut self, n: usize, v: &Value) -> Result<(String, Option<Facts>), PyError> {
        let text = self.interp.pretty(v)?;
        if self.interp.is_same(v, &self.out_cache) {
            return Ok((text, None));
        }
        let facts = self.facts(v);
        let names = ["_", "__", "___"];
        let keep =
            names
                .iter()
                .zip(&self.hist)
                .all(|(name, h)| match self.interp.globals.get(name) {
                    Some(cur) => self.interp.is_same(cur, h),
                    None => true,
                });
        self.hist = [v.clone(), self.hist[0].clone(), self.hist[1].clone()];
        if keep {
            for (name, h) in names.iter().zip(self.hist.clone()) {
                self.interp.globals.insert((*name).into(), h);
            }
        }
        self.interp.globals.insert(format!("_{n}"), v.clone());
        if let Value::Dict(d) = &self.out_cache {
            let key = self.interp.new_i64(n as i64);
            self.interp.dict_set(d, key, v.clone())?;
        }
        Ok((text, facts))
    }

    fn facts(&self, v: &Value) -> Option<Facts> {
        match v {
            Value::Array(a) => Some(Facts::Array(self.array_facts(a))),
            Value::Scalar(s) => Some(Facts::Scalar {
                type_name: format!("numpy.{}", s.dtype.scalar_type_name()),
                id: self.interp.id_of(v),
            }),
            _ => None,
        }
    }

    fn array_facts(&self, a: &Rc<NdArray>) -> ArrayFacts {
        let owner = (!a.owns_data()).then(|| {
            let owner_value = match self.interp.memory_owner(a) {
                Some(b) => Value::Array(b),
                None => self.interp.base_value(a),
            };
            let mut names: Vec<String> = self
                .interp
                .globals
                .iter()
                .filter(|(k, v)| !k.starts_with('_') && self.interp.is_same(v, &owner_value))
                .map(|(k, _)| k.clone())
                .collect();
            names.sort();
            let mut out_numbers = Vec::new();
            if let Value::Dict(d) = &self.out_cache {
                for (k, v) in d.items.borrow().iter() {
                    if let Value::Int(k) = k
                        && self.interp.is_same(v, &owner_value)
                    {
                        out_numbers.push(k.v.to_i64().unwrap_or(0) as usize);
                    }
                }
            }
            OwnerFacts {
                id: self.interp.id_of(&owner_value),
                is_bytes: matches!(owner_value, Value::Bytes(_)),
                names,
                out_numbers,
                nbytes: a.buffer().nbytes(),
            }
        });
        ArrayFacts {
            dtype: a.dtype().str_form(),
            shape: a.shape().to_vec(),
            strides: a.strides().to_vec(),
            id: a.id(),
            buffer_address: a.buffer().address(),
            offset_bytes: a.offset_bytes(),
            nbytes: a.nbytes(),
            owns_data: a.owns_data(),
            writeable: a.is_writeable(),
            c_contiguous: a.is_c_contiguous(),
            f_contiguous: a.is_f_contiguous(),
            owner,
        }
    }

    /// Names for completion: user variables and builtins.
    pub fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.interp.globals.keys().cloned().collect();
        v.sort();
        v
    }
}
