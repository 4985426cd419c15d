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
use crate::runtime::{Heap, NdArray, ObjId};
use crate::syntax::ast::Cell;

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
            self.interp.list_append(&l, s.clone());
        }
        let [i00, i, ii, _] = self.recent_inputs.clone();
        self.recent_inputs = [s.clone(), i00, i, ii];
        self.publish_inputs();
        self.interp.globals.insert(format!("_i{n}"), s);
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

    /// The memory facts of a value (what the annotation line says).
    pub(crate) fn facts_of(&self, v: &Value) -> Option<Facts> {
        self.facts(v)
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
        let n = self.count;
        self.count += 1;
        self.record_input(n, src);
        let mut result = CellResult {
            n,
            input: src.to_string(),
            stdout: String::new(),
            out: None,
            facts: None,
            error: None,
            page: None,
        };
        // A panic is a bug in arrsh: it costs this cell, never the session (STYLE §17).
        let outcome = super::contain::contain(|| self.run_request(src, n));
        match outcome {
            Ok((out, facts, error)) => {
                result.out = out;
                result.facts = facts;
                result.error = error;
            }
            Err(what) => {
                self.interp.recover_after_panic();
                result.error = Some(PyError::internal(&what));
            }
        }
        // a pending Ctrl-C that arrived after the last check must not leak into the next cell
        let _ = self.interp.ctx.check_interrupt();
        let mut out = self.interp.take_output();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        result.stdout = out;
        result.page = self.page.take();
        Some(result)
    }

    /// What the cell asks for (IPython's input transforms), done; the value to display.
    fn dispatch(&mut self, src: &str) -> PyResult<Option<Value>> {
        match transform::classify(src) {
            Request::Code(code) => {
                let cell = crate::syntax::parse(&code)?;
                self.run_parsed(&cell)
            }
            Request::Exit => {
                self.exit_requested = true;
                Ok(None)
            }
            Request::LineMagic { name, args } => magics::run(self, &name, &args, None),
            Request::CellMagic { name, args, body } => magics::run(self, &name, &args, Some(&body)),
            Request::Help { target, detail } => help::show(self, &target, detail),
        }
    }

    /// Does what one cell asks for, then displays its value: the text, the memory facts, or the
    /// error.
    fn run_request(
        &mut self,
        src: &str,
        n: usize,
    ) -> (Option<String>, Option<Facts>, Option<PyError>) {
        match self.dispatch(src) {
            Ok(Some(v)) => match self.display(n, &v) {
                Ok((text, facts)) => (Some(text), facts, None),
                Err(e) => (None, None, Some(e)),
            },
            Ok(None) => (None, None, None),
            Err(e) => (None, None, Some(e)),
        }
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
                .all(|(name, h)| match self.interp.globals.get(*name) {
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
            crate::shell::Style {
                color: false,
                annotate: false,
            },
        );
        assert!(failed);
        assert!(
            text.contains("In [2]: _arrsh_test_panic()\nSystemError: arrsh internal error"),
            "{text}"
        );
        assert!(text.contains("In [3]: x + 1\nOut[3]: 2"), "{text}");
    }
}
