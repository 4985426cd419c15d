//! A session: the interpreter, the execution counter, IPython's output history (`_`, `__`,
//! `___`, `_N`, `Out`) and input history (`In`, `_i`, `_ii`, `_iii`, `_iN`). `run_cell` turns
//! one cell's text into a `CellResult`, after IPython's input transforms (magics, `?`, `exit`);
//! no terminal I/O here.

use std::cell::{Cell as StdCell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::transform::{self, Request};
use super::{help, magics};
use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::{PyList, PyStr, Value};
pub use crate::eval::warnings::Warning;
use crate::runtime::{Heap, ObjId};
use crate::syntax::ast::Cell;

use super::facts::{self as facts_mod, Derivation};
pub use super::facts::{ArrayFacts, Facts, Note, OwnerFacts, Picture};
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
    /// NumPy's printing at the start: `None` is NumPy 2.4's own (`np.int64(1)`), `Some(125)`
    /// is `np.set_printoptions(legacy='1.25')` (`1`, as the seed documents print). A cell may
    /// change it with `np.set_printoptions(legacy=...)`.
    pub legacy: Option<u32>,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            real_addresses: false,
            memory_budget: 8 << 30,
            legacy: None,
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
    /// The warnings the cell raised, once per message and line (shown after `stdout`).
    pub warnings: Vec<Warning>,
    /// IPython's text for `Out[n]`, when there is one.
    pub out: Option<String>,
    pub facts: Option<Facts>,
    pub error: Option<PyError>,
    /// "Why" notes: plain facts the renderer words (empty when memory facts are off).
    pub notes: Vec<Note>,
    /// Pictures a magic asked for (`%mem`, `%buffers`), drawn after the printed text.
    pub pictures: Vec<Picture>,
    /// Help text (`obj?`) meant for a pager: the REPL pages it when it is longer than the
    /// screen; everywhere else it is printed after `stdout`.
    pub page: Option<String>,
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
    /// Pictures the running cell asked for (a magic's `%mem`), handed to its result.
    pictures: Vec<Picture>,
    /// The input history as typed: `inputs[0]` is `''`, `inputs[n]` is cell n.
    inputs: Vec<String>,
    /// `In`: the same history as a Python list.
    in_list: Value,
    /// IPython's `_i00`, `_i`, `_ii`, `_iii`: the inputs of this cell and the three before it.
    recent_inputs: [Value; 4],
    /// Cells `%run` queued, run next by the driver as if typed.
    queued: VecDeque<String>,
    exit_requested: bool,
    /// The help page of the running cell.
    page: Option<String>,
    /// Address of the next shell-owned object (see `shell_str`).
    next_shell_id: u64,
}

/// The shell's own objects (the input history) get ids from this range instead of the heap
/// model: the model mirrors the user's program as the oracle (plain Python, no `In` list) runs
/// it, and IPython's bookkeeping must not move the ids the user sees.
const SHELL_IDS: u64 = 0x7f3c_4000_0000;

impl Session {
    pub fn new(opts: &SessionOptions, interrupt: Arc<AtomicBool>) -> Session {
        let heap = Heap::new(opts.real_addresses, opts.memory_budget);
        let mut interp = Interp::new(heap, interrupt);
        interp.print_opts.legacy = opts.legacy;
        let out_cache = interp.new_dict(vec![]).unwrap_or(Value::None);
        let empty = interp.new_str(String::new());
        interp.globals.insert("Out".into(), out_cache.clone());
        for name in ["_", "__", "___"] {
            interp.globals.insert(name.into(), empty.clone());
        }
        let mut session = Session {
            interp,
            count: 1,
            out_cache,
            hist: [empty.clone(), empty.clone(), empty],
            memory_facts: true,
            derivations: Vec::new(),
            explained: Explained::default(),
            pictures: Vec::new(),
            inputs: vec![String::new()],
            in_list: Value::None,
            recent_inputs: [Value::None, Value::None, Value::None, Value::None],
            queued: VecDeque::new(),
            exit_requested: false,
            page: None,
            next_shell_id: SHELL_IDS,
        };
        session.interp.help_page = Some(|it, v| help::page(it, v, 1));
        let blank = session.shell_str("");
        session.recent_inputs = [blank.clone(), blank.clone(), blank.clone(), blank.clone()];
        session.in_list = Value::List(Rc::new(PyList {
            id: session.shell_id(),
            items: RefCell::new(vec![blank]),
            capacity: StdCell::new(1),
            buffer: StdCell::new(true),
        }));
        session.publish_inputs();
        session
    }

    fn shell_id(&mut self) -> ObjId {
        let id = ObjId::fixed(self.next_shell_id);
        self.next_shell_id += 64;
        id
    }

    /// A string owned by the shell (an id outside the heap model).
    fn shell_str(&mut self, s: &str) -> Value {
        Value::Str(Rc::new(PyStr {
            id: self.shell_id(),
            v: s.to_string(),
        }))
    }

    /// Binds `In`, `_i`, `_ii`, `_iii` (IPython pushes them before every cell).
    fn publish_inputs(&mut self) {
        let g = &mut self.interp.globals;
        g.insert("In".into(), self.in_list.clone());
        g.insert("_i".into(), self.recent_inputs[1].clone());
        g.insert("_ii".into(), self.recent_inputs[2].clone());
        g.insert("_iii".into(), self.recent_inputs[3].clone());
    }

    /// IPython's `store_inputs`: `In[n]`, `_iN`, and `_i`/`_ii`/`_iii` moved along.
    fn record_input(&mut self, n: usize, src: &str) {
        let s = self.shell_str(src);
        self.inputs.truncate(n);
        while self.inputs.len() < n {
            self.inputs.push(String::new());
        }
        self.inputs.push(src.to_string());
        if let Value::List(l) = self.in_list.clone() {
            // the shell's own list (a fixed id, not charged): a refusal would only cost In[n]
            let _ = self.interp.list_append(&l, s.clone());
        }
        let [i00, i, ii, _] = self.recent_inputs.clone();
        self.recent_inputs = [s.clone(), i00, i, ii];
        self.publish_inputs();
        self.interp.globals.insert(format!("_i{n}"), s);
    }

    /// Adds a picture to the running cell's result (for magics such as `%mem`).
    pub fn show(&mut self, p: Picture) {
        self.pictures.push(p);
    }

    /// `%mem`'s pictures of the buffers behind `names` (see `mapfacts::mem_pictures`).
    pub fn memory_pictures(&self, names: &[String]) -> Result<Vec<Picture>, PyError> {
        super::mapfacts::mem_pictures(&self.interp, names)
    }

    /// `%buffers`' picture: every buffer a variable uses.
    pub fn buffers_picture(&self) -> Picture {
        Picture::Buffers(super::mapfacts::buffers(&self.interp))
    }

    /// `%whos`' memory facts for one value.
    pub fn holding(&self, v: &Value) -> super::buffers::Holding {
        super::mapfacts::holding(&self.interp, v)
    }

    /// Whether memory facts are on (off in `--plain`, where `%whos` is IPython's table).
    pub fn memory_facts(&self) -> bool {
        self.memory_facts
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

    pub fn interp_mut(&mut self) -> &mut Interp {
        &mut self.interp
    }

    /// Whether a cell asked to leave (`exit`, `quit`).
    pub fn exit_requested(&self) -> bool {
        self.exit_requested
    }

    /// Forgets an `exit`: the shell `--step` opened has ended and the lesson goes on.
    pub fn resume(&mut self) {
        self.exit_requested = false;
    }

    /// The next cell `%run` queued, if any: drivers run these before reading more input.
    pub fn next_queued(&mut self) -> Option<String> {
        self.queued.pop_front()
    }

    pub(crate) fn queue_cells(&mut self, cells: Vec<String>) {
        self.queued.extend(cells);
    }

    /// The input history as typed; index 0 is the empty entry, as in IPython's `In`.
    pub fn inputs(&self) -> Vec<String> {
        self.inputs.clone()
    }

    /// The cell's help page (see `CellResult::page`).
    pub(crate) fn set_page(&mut self, text: String) {
        self.page = Some(text);
    }

    /// The memory facts of a value (what the memory line says), for the help page.
    pub(crate) fn facts_of(&self, v: &Value) -> Option<Facts> {
        match v {
            Value::Array(a) => Some(Facts::Array(Box::new(facts_mod::array_facts(
                &self.interp,
                &self.out_cache,
                a,
            )))),
            Value::Scalar(s) => Some(Facts::Scalar {
                type_name: format!("numpy.{}", s.dtype.scalar_type_name()),
                id: self.interp.id_of(v),
                views_element: s.base.is_some(),
            }),
            _ => None,
        }
    }

    /// Text a magic or the help writes into the cell's output.
    pub(crate) fn write(&mut self, text: &str) {
        self.interp.write_out(text);
    }

    /// Parses code as a cell would be (after IPython's cleanup transforms).
    pub(crate) fn parse(&self, code: &str) -> PyResult<Cell> {
        crate::syntax::parse(&transform::cleanup(code))
    }

    /// Runs a parsed cell; the value to display, if any (none after a trailing `;`).
    pub(crate) fn run_parsed(&mut self, cell: &Cell) -> PyResult<Option<Value>> {
        let v = self.interp.run_cell(cell)?;
        Ok(v.filter(|v| !v.is_none() && !cell.quiet))
    }

    /// The user's variables, sorted (IPython's `who_ls`): no leading `_`, and not the shell's
    /// own `In`/`Out` while those names still hold them.
    pub fn user_variables(&self) -> Vec<(String, Value)> {
        let mut out: Vec<(String, Value)> = self
            .interp
            .globals
            .iter()
            .filter(|(k, v)| {
                let shells_own = match k.as_str() {
                    "In" => self.interp.is_same(v, &self.in_list),
                    "Out" => self.interp.is_same(v, &self.out_cache),
                    _ => false,
                };
                !k.starts_with('_') && !shells_own
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// `%reset -f`: every name goes; `In`, `Out` (emptied), `_`... are bound afresh.
    pub(crate) fn reset_namespace(&mut self) {
        self.flush_outputs();
        self.interp.globals.clear();
        let empty = self.interp.new_str(String::new());
        self.interp
            .globals
            .insert("Out".into(), self.out_cache.clone());
        for name in ["_", "__", "___"] {
            self.interp.globals.insert(name.into(), empty.clone());
        }
        self.hist = [empty.clone(), empty.clone(), empty];
        self.publish_inputs();
    }

    /// Empties `Out` and forgets `_N`, `_`, `__`, `___`; returns how many entries `Out` had.
    pub(crate) fn flush_outputs(&mut self) -> usize {
        let n = match &self.out_cache {
            Value::Dict(d) => {
                let n = d.items.borrow().len();
                let d = d.clone();
                self.interp.dict_clear(&d);
                n
            }
            _ => 0,
        };
        let numbered: Vec<String> = self
            .interp
            .globals
            .keys()
            .filter(|k| {
                k.len() > 1 && k.starts_with('_') && k[1..].bytes().all(|b| b.is_ascii_digit())
            })
            .cloned()
            .collect();
        for k in numbered {
            self.interp.globals.remove(&k);
        }
        let empty = self.interp.new_str(String::new());
        for name in ["_", "__", "___"] {
            self.interp.globals.insert(name.into(), empty.clone());
        }
        self.hist = [empty.clone(), empty.clone(), empty];
        n
    }

    /// `%reset -f in`: the input history becomes empty entries, `_iN` names go.
    pub(crate) fn flush_inputs(&mut self) {
        for s in self.inputs.iter_mut() {
            s.clear();
        }
        let blank = self.shell_str("");
        if let Value::List(l) = &self.in_list {
            for item in l.items.borrow_mut().iter_mut() {
                *item = blank.clone();
            }
        }
        let named: Vec<String> = self
            .interp
            .globals
            .keys()
            .filter(|k| {
                k.len() > 2 && k.starts_with("_i") && k[2..].bytes().all(|b| b.is_ascii_digit())
            })
            .cloned()
            .collect();
        for k in named {
            self.interp.globals.remove(&k);
        }
        self.recent_inputs = [blank.clone(), blank.clone(), blank.clone(), blank];
        self.publish_inputs();
    }

    /// `%xdel`: every name bound to `obj`, its `Out` entries and `_`/`__`/`___` let go of it.
    pub(crate) fn forget_object(&mut self, obj: &Value) {
        let names: Vec<String> = self
            .interp
            .globals
            .iter()
            .filter(|(_, v)| self.interp.is_same(v, obj))
            .map(|(k, _)| k.clone())
            .collect();
        for k in names {
            self.interp.globals.remove(&k);
        }
        if let Value::Dict(d) = &self.out_cache {
            d.items
                .borrow_mut()
                .retain(|(_, v)| !self.interp.is_same(v, obj));
        }
        for h in self.hist.iter_mut() {
            if self.interp.is_same(h, obj) {
                *h = Value::None;
            }
        }
    }

    /// Runs one cell. Blank input returns `None` and does not advance the counter, as in
    /// IPython; everything else (a comment-only cell too) advances it, error or not.
    pub fn run_cell(&mut self, src: &str) -> Option<CellResult> {
        if src.trim().is_empty() {
            return None;
        }
        // bytes that were not UTF-8 (see `cells::decode`): CPython's SyntaxError, or nothing
        // when they are only in comments; the cell is shown with U+FFFD in their place
        let undecodable = super::cells::undecodable(src);
        let shown = super::cells::shown(src);
        let src: &str = &shown;
        let n = self.count;
        self.count += 1;
        self.record_input(n, src);
        let mut result = CellResult {
            n,
            input: src.to_string(),
            stdout: String::new(),
            warnings: Vec::new(),
            out: None,
            facts: None,
            error: None,
            notes: Vec::new(),
            pictures: Vec::new(),
            page: None,
        };
        // A panic is a bug in arrsh: it costs this cell, never the session (STYLE §17).
        let outcome = match undecodable {
            Some(msg) => {
                result.error = Some(PyError::new(crate::error::ErrorKind::SyntaxError, msg));
                Ok(())
            }
            None => super::contain::contain(|| self.run_request(src, n, &mut result)),
        };
        if let Err(what) = outcome {
            self.interp.recover_after_panic();
            result.out = None;
            result.facts = None;
            result.notes.clear();
            self.pictures.clear();
            result.error = Some(PyError::internal(&what));
        }
        // a pending Ctrl-C that arrived after the last check must not leak into the next cell
        let _ = self.interp.ctx.check_interrupt();
        let mut out = self.interp.take_output();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        result.stdout = out;
        result.warnings = self.interp.take_warnings();
        result.pictures = std::mem::take(&mut self.pictures);
        result.page = self.page.take();
        Some(result)
    }

    /// Does what the cell asks for (IPython's input transforms): code is parsed and run,
    /// magics, help and `exit` are the shell's own.
    fn run_request(&mut self, src: &str, n: usize, result: &mut CellResult) {
        let outcome = match transform::classify(src) {
            Request::Code(code) => return self.run_code(&code, n, result),
            Request::Exit => {
                self.exit_requested = true;
                Ok(None)
            }
            Request::LineMagic { name, args } => magics::run(self, &name, &args, None),
            Request::CellMagic { name, args, body } => magics::run(self, &name, &args, Some(&body)),
            Request::Help { target, detail } => help::show(self, &target, detail),
        };
        match outcome {
            Ok(Some(v)) => match self.display(n, &v) {
                Ok(text) => result.out = Some(text),
                Err(e) => result.error = Some(e),
            },
            Ok(None) => {}
            Err(e) => result.error = Some(e),
        }
    }

    /// Parses and runs one cell of code, then displays its value: the text, the memory facts
    /// and notes, or the error, written into `result`.
    fn run_code(&mut self, src: &str, n: usize, result: &mut CellResult) {
        let cell = match crate::syntax::parse(src) {
            Ok(cell) => cell,
            Err(e) => {
                result.error = Some(e);
                return;
            }
        };
        let ran = self.interp.run_cell(&cell);
        if self.memory_facts {
            // before the value is described: `d = a[2:8:2]` then `d` in one cell says "via"
            self.record_derivations(src, &cell);
        }
        match ran {
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
            self.after_cell(result, &cell);
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
                    views_element: s.base.is_some(),
                });
                result
                    .notes
                    .extend(why::scalar_note(&self.interp, v, shown, &self.derivations));
            }
            _ => {}
        }
    }

    /// After a cell: notes about its error or its loop.
    fn after_cell(&mut self, result: &mut CellResult, cell: &Cell) {
        if let Some(e) = &result.error {
            result.notes.extend(why::error_note(&self.interp, e, cell));
        }
        result.notes.extend(why::loop_note(&self.interp, cell));
    }

    /// The derivations a cell bound (`name = expression`), for later memory lines.
    fn record_derivations(&mut self, src: &str, cell: &Cell) {
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
