//! A session: the interpreter, the execution counter and IPython's output history (`_`, `__`,
//! `___`, `_N`, `Out`). `run_cell` turns one cell's text into a `CellResult`; no I/O here.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::error::PyError;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::runtime::Heap;
use crate::syntax::ast::Cell;

use super::facts::{self as facts_mod, Derivation};
pub use super::facts::{ArrayFacts, Facts, Note, OwnerFacts};
use super::why::{self, Explained};

/// Derivations remembered at most (dead ones are dropped first).
const MAX_DERIVATIONS: usize = 256;

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
    /// "Why" notes: plain facts the renderer words (empty when memory facts are off).
    pub notes: Vec<Note>,
}

pub struct Session {
    interp: Interp,
    count: usize,
    out_cache: Value,
    /// IPython's `_`, `__`, `___` as last displayed (to notice a user's own `_`).
    hist: [Value; 3],
    /// Whether to work out memory facts and notes (off for `--plain`: nobody would see them).
    memory_facts: bool,
    /// How named arrays and scalars were made (`v = a[2:8:2].T`), for the memory line.
    derivations: Vec<Derivation>,
    explained: Explained,
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
            memory_facts: true,
            derivations: Vec::new(),
            explained: Explained::default(),
        }
    }

    /// Turns the memory facts and notes on or off (a `--plain` session never shows them).
    pub fn set_memory_facts(&mut self, on: bool) {
        self.memory_facts = on;
    }

    /// The number the next cell will get.
    pub fn execution_count(&self) -> usize {
        self.count
    }

    pub fn interp(&self) -> &Interp {
        &self.interp
    }

    /// Runs one cell. Blank input returns `None` and does not advance the counter, as in
    /// IPython; everything else (a comment-only cell too) advances it, error or not.
    pub fn run_cell(&mut self, src: &str) -> Option<CellResult> {
        if src.trim().is_empty() {
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
            notes: Vec::new(),
        };
        // A panic is a bug in arrsh: it costs this cell, never the session (STYLE §17).
        let outcome = super::contain::contain(|| self.run_parsed(src, n, &mut result));
        if let Err(what) = outcome {
            self.interp.recover_after_panic();
            result.out = None;
            result.facts = None;
            result.notes.clear();
            result.error = Some(PyError::internal(&what));
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

    /// Parses and runs one cell, then displays its value: the text, the memory facts and
    /// notes, or the error, written into `result`.
    fn run_parsed(&mut self, src: &str, n: usize, result: &mut CellResult) {
        let cell = match crate::syntax::parse(src) {
            Ok(cell) => cell,
            Err(e) => {
                result.error = Some(e);
                return;
            }
        };
        match self.interp.run_cell(&cell) {
            Ok(Some(v)) if !v.is_none() && !cell.quiet => match self.display(n, &v) {
                Ok(text) => {
                    result.out = Some(text);
                    if self.memory_facts {
                        self.describe(result, &cell, &v);
                    }
                }
                Err(e) => result.error = Some(e),
            },
            Ok(_) => {}
            Err(e) => result.error = Some(e),
        }
        if self.memory_facts {
            self.after_cell(result, src, &cell);
        }
    }

    /// IPython's displayhook: the text, and the history update (`_`, `__`, `___`, `_n`, `Out`).
    fn display(&mut self, n: usize, v: &Value) -> Result<String, PyError> {
        let text = self.interp.pretty(v)?;
        if self.interp.is_same(v, &self.out_cache) {
            return Ok(text);
        }
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
        Ok(text)
    }

    /// The memory facts and notes of a displayed value (computed only for what is shown).
    fn describe(&mut self, result: &mut CellResult, cell: &Cell, v: &Value) {
        if self.interp.is_same(v, &self.out_cache) {
            return;
        }
        let shown = why::shown_expression(cell);
        match v {
            Value::Array(a) => {
                let mut f = facts_mod::array_facts(&self.interp, &self.out_cache, a);
                if why::is_name(shown) {
                    f.derivation = self
                        .derivations
                        .iter()
                        .find(|d| d.object.is(v))
                        .map(|d| d.text.clone());
                }
                result.facts = Some(Facts::Array(Box::new(f)));
                result.notes.extend(why::array_notes(
                    &self.interp,
                    a,
                    shown,
                    &mut self.explained,
                ));
            }
            Value::Scalar(s) => {
                result.facts = Some(Facts::Scalar {
                    type_name: format!("numpy.{}", s.dtype.scalar_type_name()),
                    id: self.interp.id_of(v),
                });
                result
                    .notes
                    .extend(why::scalar_note(&self.interp, v, shown, &self.derivations));
            }
            _ => {}
        }
    }

    /// After a cell: notes about its error or its loop, and the derivations it bound.
    fn after_cell(&mut self, result: &mut CellResult, src: &str, cell: &Cell) {
        if let Some(e) = &result.error {
            result.notes.extend(why::error_note(&self.interp, e, cell));
        }
        result.notes.extend(why::loop_note(&self.interp, cell));
        let new = why::derivations(&self.interp, src, cell);
        if new.is_empty() {
            return;
        }
        for d in new {
            self.derivations
                .retain(|old| old.object.is_alive() && !old.same_object(&d));
            self.derivations.push(d);
        }
        if self.derivations.len() > MAX_DERIVATIONS {
            let extra = self.derivations.len() - MAX_DERIVATIONS;
            self.derivations.drain(..extra);
        }
    }

    /// Names for completion: user variables and builtins.
    pub fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.interp.globals.keys().cloned().collect();
        v.sort();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn session() -> Session {
        Session::new(&SessionOptions::default(), Arc::new(AtomicBool::new(false)))
    }

    /// Runs a cell; its error line, or its output.
    fn run(s: &mut Session, src: &str) -> String {
        let r = s.run_cell(src).expect("not blank");
        match r.error {
            Some(e) => e.to_string(),
            None => format!("{}{}", r.stdout, r.out.unwrap_or_default()),
        }
    }

    #[test]
    fn a_panicking_cell_costs_that_cell_only() {
        let mut s = session();
        run(&mut s, "import numpy as np");
        run(&mut s, "x = [1, 2]");
        run(&mut s, "a = np.arange(4)");
        // the panic happens mid-statement, after a side effect and inside a call
        let r = s.run_cell("x.append(3); y = _arrsh_test_panic(x)").unwrap();
        assert_eq!(r.n, 4, "the crashing cell has its number");
        let e = r.error.expect("an error");
        assert_eq!(e.kind, ErrorKind::SystemError);
        assert!(
            e.msg
                .starts_with("arrsh internal error: a deliberate panic (1 arguments)"),
            "{e}"
        );
        assert!(e.msg.ends_with("— please report this cell"), "{e}");
        assert_eq!(s.execution_count(), 5, "the counter moved on");
        assert_eq!(run(&mut s, "x"), "[1, 2, 3]", "variables survive");
        assert_eq!(run(&mut s, "int(a.sum())"), "6");
        assert_eq!(run(&mut s, "y"), "NameError: name 'y' is not defined");
        assert_eq!(run(&mut s, "Out[5]"), "[1, 2, 3]", "Out is still kept");
    }

    #[test]
    fn a_panic_deep_in_scopes_leaves_no_scope_behind() {
        let mut s = session();
        run(&mut s, "v = 'global'");
        let cells = [
            "[_arrsh_test_panic() for v in range(3)]",
            "sorted([3, 1], key=lambda v: _arrsh_test_panic())",
            "{v: [w for w in (_arrsh_test_panic(),)] for v in 'ab'}",
            "repr([[[_arrsh_test_panic()]]])",
        ];
        for c in cells {
            assert!(
                run(&mut s, c).starts_with("SystemError: arrsh internal error"),
                "{c}"
            );
            assert_eq!(
                run(&mut s, "v"),
                "'global'",
                "after {c}: the global, not a loop name"
            );
            assert_eq!(run(&mut s, "[v for v in range(2)]"), "[0, 1]", "after {c}");
        }
        // control: the same cells without the bug run normally
        assert_eq!(run(&mut s, "sorted([3, 1], key=lambda v: -v)"), "[3, 1]");
    }

    #[test]
    fn replay_goes_on_after_a_panicking_cell() {
        let script = "x = 1\n_arrsh_test_panic()\nx + 1\n";
        let (text, failed) = super::super::replay::run_script(
            script,
            &SessionOptions::default(),
            crate::shell::Style::plain(),
        );
        assert!(failed);
        assert!(
            text.contains("In [2]: _arrsh_test_panic()\nSystemError: arrsh internal error"),
            "{text}"
        );
        assert!(text.contains("In [3]: x + 1\nOut[3]: 2"), "{text}");
    }
}
