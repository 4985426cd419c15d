//! Compiled code: the instruction set and code objects. A cell's statements, each function,
//! lambda, comprehension and class body become a `Code` — CPython 3.11's bytecode reduced to what
//! arrsh runs, keeping its stack discipline so objects are made and freed in CPython's order.

use std::cell::RefCell;
use std::rc::Rc;

use crate::eval::object::consts::Consts;
use crate::eval::object::value::Value;
use crate::syntax::ast::{BinOp, CmpOp, Expr, UnaryOp};

/// One instruction. Operands index the code's tables (`consts`, `names`, `codes`), the frame's
/// locals or cells, the session's global slots, or are jump targets (instruction indices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    /// Pushes constant `k` (made the first time it is needed, see `ConstPool`).
    LoadConst(u32),
    LoadNone,
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: this code's cell variables, then its free variables.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes cell `i` itself (to build a closure).
    LoadClosure(u32),
    /// A class body reading a free variable: its namespace first, then the cell.
    LoadClassDeref(u32, u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: the namespace, then the global slot (`name`, `slot`).
    LoadName(u32, u32),
    StoreName(u32),
    DeleteName(u32, u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// `obj.name` about to be called: pushes the function and `obj`, or the attribute and a
    /// marker, so no bound-method object is made (CPython's LOAD_METHOD).
    LoadMethod(u32),
    /// Calls what `LoadMethod` left with `n` more positional arguments.
    CallMethod(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Not,
    Compare(CmpOp),
    Pop,
    Dup,
    /// Swaps the top with the item `n - 1` below it (`SWAP n`).
    Swap(u32),
    /// Pushes a copy of the item `n - 1` below the top (`COPY n`).
    Copy(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    /// `a:b` (2) or `a:b:c` (3).
    BuildSlice(u32),
    /// A display with starred items: `n` values, flags in `display_flags[k]` say which are
    /// starred (tuple, list, set).
    BuildTupleUnpack(u32, u32),
    BuildListDisplay(u32, u32),
    BuildSetDisplay(u32, u32),
    /// A dict display of `n` pairs, built as CPython 3.11 builds it.
    BuildDictDisplay(u32),
    /// `f(**m, k=v)`: merges the keyword mapping on top into the dict below it (a repeated
    /// keyword is an error).
    DictMerge,
    /// `{**a, k: v}`: updates the dict below with the mapping on top (later keys win).
    DictUpdate,
    /// Comprehensions: append/add/set into the container `n` below the top.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// Moves the iterable on top to the frame's iterator stack, as an iterator.
    GetIter,
    /// Drops the innermost iterator (`break` out of a `for`).
    PopIter,
    /// Runs comprehension `codes[i]` over the innermost iterator (which it takes); pushes the
    /// list/set/dict it builds, or the generator object (closure tuple below if flag set).
    Comprehension(u32, u32),
    /// Next item of the iterator on top, or pop it and jump to the target.
    ForIter(u32),
    /// `for a, b in zip(x, y)`: binds straight from the zipped iterators (no tuple per step).
    ForIterUnpack(u32, u32),
    /// `f(n positional args)`.
    Call(u32),
    /// `f(n args)` whose last `k` are keywords named by constant tuple... names table entry.
    CallKw(u32, u32),
    /// `f(*args, **kw)`: a tuple of positionals and a dict (or None) of keywords on the stack.
    CallEx,
    /// Makes a function from code `codes[i]`; flags: 1 defaults tuple, 2 kw-defaults dict,
    /// 8 closure tuple (CPython's MAKE_FUNCTION).
    MakeFunction(u32, u32),
    /// Builds a class from the function on top, its name and `n` bases below it.
    BuildClass(u32),
    Return,
    Yield,
    /// `yield from`: sends to the iterator below the top; jumps when it is done.
    Send(u32),
    GetYieldFromIter,
    /// Pushes a handler: an exception raised before the matching `PopBlock` unwinds the stack
    /// to its depth, pushes the exception and jumps to the target.
    SetupFinally(u32),
    PopBlock,
    /// Marks the exception on top as being handled (`sys.exc_info()`), keeping it on the stack.
    PushExcInfo,
    /// The handler is done with it.
    PopExcept,
    /// Raises the exception on top again.
    Reraise,
    /// `raise` (0), `raise e` (1), `raise e from c` (2).
    Raise(u32),
    /// Pushes whether the exception below the top matches the type(s) on top (pops the type).
    CheckExcMatch,
    /// `except* T`: pops the type; the exception (or group rest) below becomes `rest, match`
    /// when part of it matches (the match is then the exception being handled), else stays
    /// with `None` pushed.
    CheckEgMatch,
    /// The end of a `try`/`except*`: pops the list of what the handlers raised (and the rest)
    /// and the original exception; pushes what to raise, or `None`.
    PrepReraiseStar,
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    /// `assert`: raises AssertionError with the message on top (1) or none (0).
    RaiseAssert(u32),
    /// `with`: replaces the manager with its bound `__exit__` and pushes `__enter__()`.
    BeforeWith,
    /// Normal exit of a `with`: calls `__exit__(None, None, None)` below the top.
    WithExit,
    /// Exceptional exit: calls `__exit__(type, exc, tb)` with the exception on top; pushes
    /// the result.
    WithExceptStart,
    /// `match`: pushes whether the subject on top is a sequence (CPython's MATCH_SEQUENCE:
    /// list, tuple, range and their kin; not str, bytes or bytearray).
    MatchSequence,
    /// Pushes whether the subject on top is a mapping (MATCH_MAPPING).
    MatchMapping,
    /// Pushes `len()` of the top, keeping it (GET_LEN).
    GetLen,
    /// With a tuple of keys on top of a mapping: pushes the tuple of their values, or `None`
    /// when a key is missing (MATCH_KEYS).
    MatchKeys,
    /// `cls(*n positional sub-patterns, **names)`: pops the names tuple and the class, and
    /// replaces the subject with the tuple of its attributes, or `None` (MATCH_CLASS).
    MatchClass(u32),
    /// `a, b = v` (`n` targets).
    UnpackSequence(u32),
    /// `a, *b, c = v`: (before, after).
    UnpackEx(u32, u32),
    /// `import a.b` (names[i]); `import a.b as c` (flag 1).
    ImportName(u32, u32),
    /// `from m import x` with the module on top.
    ImportFrom(u32),
    ImportStar,
    /// f-strings: a new text buffer; a literal; a formatted field (conversion, has spec); the
    /// finished str.
    FStart,
    FLit(u32),
    FField(u8, bool),
    FEnd,
}

/// What a code object is the body of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// One top-level statement of a cell.
    Module,
    Function,
    Lambda,
    /// A list/set/dict comprehension or generator expression.
    Comprehension,
    Class,
}

/// The constants of one compiled statement: its code objects share them, so equal constants
/// are one object (CPython merges them across a compilation unit). Each is made the first time
/// an instruction needs it and lives as long as the statement's code (or a function made from
/// it).
#[derive(Default)]
pub struct ConstPool {
    pub consts: RefCell<Consts>,
}

/// A compiled body.
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    /// The cell line of each instruction.
    pub lines: Vec<u32>,
    /// Constant expressions (literals and what CPython folds), indexed by `LoadConst`.
    pub consts: Vec<Expr>,
    /// The constants made so far (dropped before the pool, which decides when they die).
    pub cache: RefCell<Vec<Option<Value>>>,
    pub pool: Rc<ConstPool>,
    /// Attribute, import and class-namespace names.
    pub names: Vec<Rc<str>>,
    /// Literal text of f-strings.
    pub texts: Vec<Rc<str>>,
    /// Which items of a starred display are starred.
    pub display_flags: Vec<Vec<bool>>,
    /// Keyword names of calls.
    pub kwnames: Vec<Vec<Rc<str>>>,
    /// Nested code objects (functions, lambdas, comprehensions, class bodies).
    pub codes: Vec<Rc<Code>>,
    /// Fast locals; parameters first.
    pub varnames: Vec<Rc<str>>,
    /// Locals that inner functions capture (cells), then free variables from outside.
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// Parameters that are cells: (cell index, parameter index), copied in at entry.
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlycount: u32,
    pub kwonlycount: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    /// A function's parameters as written (`a, b=2, *args`), and its canonical source text
    /// (for `?` and `??`).
    pub signature: Rc<str>,
    pub source: Rc<str>,
    /// The docstring (a function body's first statement, when it is a string literal).
    pub doc: Option<Rc<str>>,
    /// The deepest the value stack gets (CPython's `co_stacksize`, for `getsizeof` of
    /// generators).
    pub stacksize: u32,
}

impl Code {
    /// How many parameters there are (positional, keyword-only, `*args`, `**kwargs`).
    pub fn nparams(&self) -> usize {
        (self.argcount + self.kwonlycount + self.varargs as u32 + self.varkw as u32) as usize
    }
}
