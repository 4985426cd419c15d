//! Python's warnings as data: what a cell raised (`RuntimeWarning: overflow encountered in
//! scalar add`), each shown once per message and location, as Python's default filter does
//! (IPython resets the registry per cell). A warning is raised unplaced; the VM places it at
//! the line of the instruction that raised it (the innermost Python frame, as `stacklevel=1`).

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::vm::code::{Code, CodeKind};

/// One warning a cell shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// `RuntimeWarning`, `ComplexWarning`...; empty for NumPy's `'print'` error mode, which
    /// writes its own line (`Warning: divide by zero encountered in divide`).
    pub category: &'static str,
    pub message: String,
}

impl Warning {
    /// The line the transcript shows: `<Category>: <message>` (the message alone when printed).
    pub fn text(&self) -> String {
        if self.category.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.category, self.message)
        }
    }
}

/// Where a warning was raised: the key of Python's "once per location" (module, line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Location {
    /// A line of the cell (any top-level statement of it).
    Cell(u32),
    /// A line of a function or class body (by its code object).
    Code(usize, u32),
    /// Inside a NumPy function written in Python (`np.mean`): NumPy's own source.
    Library(&'static str),
}

/// The warnings of the running cell.
#[derive(Default)]
pub struct Warnings {
    shown: Vec<Warning>,
    seen: Vec<(&'static str, String, Location)>,
    unplaced: Vec<Warning>,
    /// The NumPy function written in Python that is running, if any (its warnings are located
    /// in NumPy, so one cell shows them once whatever line called it).
    pub(crate) library: Option<&'static str>,
}

impl Warnings {
    fn place(&mut self, w: Warning, at: Location) {
        if w.category.is_empty() {
            // printed by NumPy's C code, not the warnings module: every time
            self.shown.push(w);
            return;
        }
        let key = (w.category, w.message.clone(), at);
        if !self.seen.contains(&key) {
            self.seen.push(key);
            self.shown.push(w);
        }
    }
}

impl Interp {
    /// Raises a warning (shown once per message and location in this cell).
    pub(crate) fn warn(&mut self, category: &'static str, message: String) {
        let w = Warning { category, message };
        match self.warnings.library {
            Some(lib) => self.warnings.place(w, Location::Library(lib)),
            None => self.warnings.unplaced.push(w),
        }
    }

    /// Runs `f` as NumPy code at `line` of its Python source (`"_function_base_impl.py:3064"`):
    /// its warnings are located there, so two such lines of one call each warn once.
    pub(crate) fn at_library_line<R>(
        &mut self,
        line: &'static str,
        f: impl FnOnce(&mut Interp) -> PyResult<R>,
    ) -> PyResult<R> {
        let outer = self.warnings.library.replace(line);
        let r = f(self);
        self.warnings.library = outer;
        r
    }

    /// A `SyntaxWarning` compiling a statement of the cell gave, at `line` of the cell.
    pub(crate) fn warn_compiling(&mut self, line: u32, message: String) {
        let w = Warning {
            category: "SyntaxWarning",
            message,
        };
        self.warnings.place(w, Location::Cell(line));
    }

    /// A line NumPy's `'print'` error mode writes (shown every time, not filtered).
    pub(crate) fn warnings_print(&mut self, line: String) {
        self.warnings.shown.push(Warning {
            category: "",
            message: line,
        });
    }

    /// Whether warnings or floating-point flags wait for a location (checked by the VM after
    /// each instruction).
    #[inline(always)]
    pub(crate) fn warnings_pending(&self) -> bool {
        !self.warnings.unplaced.is_empty() || self.ctx.has_fp()
    }

    /// Places what is pending at `line` of `code`: flags no operation claimed come from casts
    /// (`a[0] = 1e300` into float32; NumPy names them `cast`), which may raise under
    /// `np.seterr(over='raise')`.
    pub(crate) fn place_warnings(&mut self, code: &Code, line: u32) -> PyResult<()> {
        let stray = self.ctx.take_fp();
        let reported = if stray.is_empty() {
            Ok(())
        } else {
            self.fp_report(false, "cast", stray)
        };
        let at = match code.kind {
            CodeKind::Module => Location::Cell(line),
            _ => Location::Code(code as *const Code as usize, line),
        };
        for w in std::mem::take(&mut self.warnings.unplaced) {
            self.warnings.place(w, at);
        }
        reported
    }

    /// The warnings the cell showed, in order; the next cell starts afresh.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        let stray = self.ctx.take_fp();
        if !stray.is_empty() {
            // a raise can no longer stop anything here: it shows as the warning would
            let _ = self.fp_report(false, "cast", stray);
        }
        for w in std::mem::take(&mut self.warnings.unplaced) {
            self.warnings.place(w, Location::Cell(0));
        }
        self.warnings.seen.clear();
        self.warnings.library = None;
        std::mem::take(&mut self.warnings.shown)
    }
}
