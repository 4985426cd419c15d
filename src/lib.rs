//! arrsh: an interactive NumPy shell that shows where array data lives.
//!
//! Knowledge flows one way: the grammar knows syntax, the runtime knows bytes, the evaluator
//! joins them, and the shell owns the terminal.
//!
//! Module map:
//! - `error` — `PyError`: Python exception kinds with NumPy's and CPython's exact messages.
//!   `error::kind` is the one table of exception classes (name, base); the constructors live
//!   in one room per kind of situation (`syntax`, `magics`, `names`, `arithmetic`, `memory`,
//!   `views`, `indexing`, `shapes`, `casting`, `calls`, `exceptions`, `text` (str methods), `limits`, `codecs`, and the breadth
//!   areas `dtypes`, `einsum`, `linalg`, `random`, `records`, `sorting`, `stdlib`); `format` prints shapes and sizes.
//! - `syntax` — cell text → AST (`parse`); pest and `grammar/arrsh.pest` live only here.
//!   - `syntax::ast` — the AST, with a canonical fully parenthesised `Display`.
//!   - `syntax::parser` — the pest grammar driver; `lexer` (CPython's tokenizer pre-pass),
//!     `expr` (the Pratt table), `displays`, `targets`, `patterns` (`match` and its `case`
//!     patterns), `strings`, `fstrings`, `numbers`,
//!     `unicode_names` (`\N{...}`); `diagnose` and `messages` (CPython's syntax-error wording),
//!     `limits` (CPython's compile-time depth limits).
//! - `runtime` — NumPy's ndarray in Rust, no Python and no terminal:
//!   - `dtype` (dtypes, spellings, byte order, NEP 50 promotion), `casting` (`can_cast` by
//!     rule), `layout` (shape/strides/offset arithmetic, contiguity), `index` (basic indexing),
//!     `fancy` (advanced indexing, copies: `prepare` checks the index in NumPy's order, `plan`
//!     finds where each element comes from, `nonzero` turns masks into index arrays), `buffer` (aligned buffers, huge pages, the byte
//!     budget), `heap` (the id/address model), `pymalloc` (the process allocator: CPython's pools
//!     for small blocks; the crate's only `unsafe` code), `scalar` (one element's value and casts), `datetime` (datetime64/timedelta64 units with their counts, `[15m]`, ISO
//!     strings, calendar casts), `array`
//!     (`NdArray`: views, its class (`ndarray` or `recarray`), `view(dtype)`, `as_strided`, transpose), `reshape` (reshape, ravel,
//!     squeeze, copies in a memory order), `resize` (`a.resize` in place: a renewed buffer), `join` (concatenate and stack), `print`
//!     (NumPy-identical printing), `origin` (why a buffer holds a copy NumPy made unasked),
//!     `coverage` (which bytes a layout's elements cover, how many share a byte), `fpe`
//!     (NumPy's floating-point error flags as data: what kernels raised, what is watched).
//!   - `random` — NumPy's random streams bit for bit: `mt19937` (legacy seeding), `pcg64` and
//!     `seedseq` (`SeedSequence`), `bounded` (masked and Lemire bounded integers), `ziggurat`
//!     (+ `ziggurat_tables`, NumPy's numbers), `distributions` (uniform, polar and ziggurat
//!     normals), `shuffle` (Fisher–Yates, Floyd), `state` (`RandomState`, `Generator`).
//!   - `einsum` — `np.einsum` as `c_einsum` plans it: subscripts to labels, the single-operand
//!     view, diagonal views (`mod`); `iter` replays `NpyIter`'s axis order, coalescing and
//!     output layout, so the loops (`kernels::einsum`) add in NumPy's order.
//!   - `sorting` — sort/argsort/partition in NumPy's order: `order` (NaN placement, radix
//!     keys), `radix`, `introsort` and `select` (NumPy's own tie orders), `search`
//!     (`searchsorted`), `unique`, `counting` (`bincount`, `histogram`, `digitize`).
//!   - `lapack` — `numpy.linalg`'s numbers in f64, in the operation order of NumPy's
//!     OpenBLAS: `lu` (getrf, getrs, det), `qr`, `svd` (Jacobi singular values and vectors),
//!     `eigh` (dsytd2 + dsteqr + dormtr, dsyevd's path for small n), `eig` (dgeev: gebal,
//!     gehd2, gebak; `schur`: lahqr; `trevc`: trevc3), `ddot`.
//!   - `kernels` — typed loops over ndarray views, the only user of ndarray: copy, cast, assign
//!     (`mod`), `elem` (element types incl. float16, complex and byte-swapped access; dtype
//!     dispatch), `arith` (NumPy's per-type arithmetic), `ops` (element-wise ufuncs with
//!     broadcasting), `reduce`, `strings` (S/U comparisons), `linalg` (`dot`, `@`), `mathfns` (float
//!     ufuncs, `isnan`..., `where`'s selection), `cmath` (complex `exp`, `log`, trig and hyperbolic
//!     functions as glibc computes them), `einsum` (NumPy's sum-of-products loops and their
//!     SIMD addition order), `floatparts` (`modf`, `frexp`, `ldexp`), `correlate`
//!     (`correlate`/`convolve` as `_pyarray_correlate` slides), `fpcheck` (the floating-point flags of a
//!     result block, checked after the fact).
//! - `eval` — the evaluator (`mod`: runs a cell statement by statement), in rooms by the
//!   question each answers:
//!   - `eval::vm` — compiling and running code: `symtable` (scopes: locals to slots, cells,
//!     globals), `compile`/`compile_flow`/`compile_match`/`compile_def`/`compile_expr` (AST →
//!     `code`, CPython 3.11's bytecode shapes: statements; loops, `try`, `with`; `match` and its
//!     patterns; functions and classes; expressions), `globals` (the session's global slots),
//!     `frame` (frames and the dispatch loop), `matching` (what `match` asks of a subject:
//!     sequence, mapping, keys, class attributes), `unpack` (star expansion, `**kwargs`,
//!     f-string fields), `call` (argument binding,
//!     closures, the recursion limit), `generator` (lazy generators).
//!   - `eval::object` — Python's object model: `Value`s with identity (`value`, `objects`,
//!     `consts`: constants per compiled statement), Python ints (`pyint`), CPython's containers
//!     as it sizes them (`listobj`, `dictobj` (`table`: the keys-table size model and hash index;
//!     `store`: lookup, insert, merge, displays), `setobj` with `hashing`), operators (`ops`:
//!     which semantics answers; `ops::numpy` NEP 50 operands and ufunc kernels, `ops::python`
//!     CPython's numbers and sequences, `ops::compare` comparisons and `in`),
//!     subscripts (`subscript`, `sequences`), conversions (`convert`), iteration (`iter`),
//!     sorting (`sort`), non-recursive teardown (`teardown`), a fast hasher for internal maps
//!     (`fxmap`), the memory budget Python objects ask first (`budget`), recursion guards for
//!     container walks (`nesting`), user classes and instances (`classobj`), their operators (`dunder`), the methods they
//!     inherit from `object` and `BaseException` as rows (`basemethods`, what `super()` reaches), the
//!     bases and MRO of builtin and NumPy types (`typebases`),
//!     exception objects (`excobj`; `excgroup`: exception groups' split/subgroup/derive and
//!     what `except*` runs), the buffer protocol and `memoryview` (`buffer`),
//!     `bytearray` (its bytes in an exported buffer; `methods`: its rows).
//!   - `eval::builtins` — builtin functions (`functions`; `pyfuncs`: `print`, `len`, `sorted`...
//!     as rows; `language`: `super`, `property`,
//!     calling classes and methods; `introspect`: `dir`, `vars`, `globals`), methods of Python values (`methods`,
//!     `strmethods`; `valuemethods`: numbers', bytes', range's and slice's rows), `getsizeof` (`sysmods`), calling Python's types as rows (`typecalls`:
//!     `int`, `str`, `list`, `range`, `type`...), CPython's messages (`errors`).
//!   - `eval::numpy` — the numpy module object: types, constants, removed aliases (`module`);
//!     making arrays (`creation`: `array`, `zeros`, `arange`, `linspace`...); datetime64 and
//!     timedelta64 scalars and arithmetic (`datetimes`); ufuncs, `dot`
//!     (`ufuncs`; `outpairs`: `divmod`, `modf`, `frexp` with their two outputs, and `ldexp`); `where`/`round`/`clip` (`mathfuncs`); shape functions (`shapes`);
//!     `stride_tricks` and memory overlap (`stride_tricks`); `np.broadcast` objects (`broadcast`); questions about arrays and dtypes
//!     (`info`: `nonzero`, `result_type`, `iinfo`...); print options (`printoptions`); text and
//!     file I/O (`npyio`: `savetxt`, `loadtxt` with its field reader `fields`,
//!     `genfromtxt` with `_iotools`' splitter, converters and name validator in `iotools`;
//!     `raw`: `fromstring`, `tofile`/`fromfile`; `npy`: `save`/`load` of `.npy` files; `npz`:
//!     `savez`, `savez_compressed` and `NpzFile`, over the zip format in `zip`);
//!     reductions (`reductions`, `variance`: `std`/`var`); sampled sequences (`series`: `convolve`,
//!     `correlate`, `cov`, `corrcoef`, `gradient`); polynomials as coefficient arrays
//!     (`polynomials`: `vander`, `polyval`, `polyfit`, `roots`; `poly1d`: the `np.poly1d` class;
//!     `polyarith`: `polyadd`, `polysub`, `polymul`, `polydiv`, `polyder`, `polyint`, `poly`); Python functions over an
//!     array's pieces (`applying`: `apply_along_axis`, `apply_over_axes`; `vectorize`: `np.vectorize`, `vectorize_loop`: its element loop,
//!     `vectorize_sig`: its `signature=`); joining (`joining`;
//!     `blocks`: `np.block`); sorting and
//!     counting (`sorting`); set routines from `unique` and sorting (`setops`); writing into arrays
//!     (`editing`: `copyto`, `select`, `nan_to_num`; `insert_delete`); `logspace` and
//!     `geomspace`, `linspace` with array endpoints (`spacing`); rearranging whole arrays (`arrange`: `flips`, `repeats`, `stacks`,
//!     `diagonals`, `takes`, `pad`); `numpy.random` (`random`); `numpy.linalg` (`linalg`; `spectral`: eig, eigvals, eigh, eigvalsh, pinv, lstsq); calling types (`constructors`: the scalar types', `dtype`'s and `ndarray`'s rows); array
//!     and scalar methods as spec'd rows (`arraymethods`), properties (`arrayattrs`); dtype objects, byte order and
//!     `iinfo`/`finfo` (`dtypes`); `einsum` (`einsum`); advanced indexing (`fancy`); NumPy's unasked copies
//!     (`origins`); structured dtypes and `np.void` (`records`; `==`/`!=` field by field in `record_compare`); `np.recarray`, `np.record`
//!     and `np.rec` (`recarrays`: a recarray is an array whose `ArrayClass` says so; `recbuilders`:
//!     `np.rec.array`, `fromarrays`, `fromrecords`);
//!     `byte_bounds`, `ndarray.ctypes` and `ndarray.resize` (`memory`); `np.emath` (`scimath`);
//!     `real`/`imag`/`isreal`/`iscomplexobj`... (`typecheck`); `packbits`/`unpackbits` (`bits`);
//!     the floating-point error
//!     state and what flags become (`errstate`: `seterr`, `errstate`, warnings, raise).
//!   - `eval::modules` — the standard modules lessons import, one room each with its registry
//!     rows: `math`, `sys`, `time`, `itertools` (native lazy iterators), `functools`,
//!     `operator`, `collections` (`flavors`: Counter/defaultdict/OrderedDict, `deque`,
//!     `namedtuple`), `random` (CPython's Mersenne Twister seeding), `io` (`StringIO`/
//!     `BytesIO` over a `stream`; `file`: `open()`'s file objects); `import` accepts the
//!     registry's module rows (`Row::module`).
//!   - `eval::warnings` — Python's warnings as data (`RuntimeWarning: ...`), once per message
//!     and line of a cell, placed by the VM.
//!   - `eval::registry` — the registry of callables: every name a user can type is one row
//!     (name, kind, parameter spec, `fn`) in its room's `ROWS` table — functions, methods,
//!     types, modules (`Row::module` with its `Origin`; `import` accepts exactly these), the
//!     singletons `Ellipsis`/`NotImplemented`, bare names (`np`, `as_strided`); the exception
//!     classes' rows are made from `error::kind`'s table; `spec` (signatures),
//!     `bind` (argument binding with CPython's and NumPy's messages, `messages`), `call` (the
//!     evaluator's side: calling rows, attributes, reprs), `names` (NumPy 2.4's and CPython's
//!     public names, `names.tsv` made by `gen_names.py`).
//!   - `eval::text` — repr/str (`pyrepr`), format specs (`format`), `str.format` and `%`
//!     (`strformat`), IPython's pretty printer (`pretty`; signatures come from the registry's
//!     rows), CPython's standard codecs (`codecs`), interruptible substring search (`search`).
//! - `shell` — sessions (`session`: the counter, `_`/`Out`, `In`/`_i`), memory facts and "why"
//!   notes as plain data (`facts`, found by `why`), IPython's input transforms (`transform`:
//!   `%magic`, `obj?`, `exit`, pasted prompts), the magics table (`magics`: one row per magic;
//!   `timing`, `namespace`, `history`), help pages (`help`, with NumPy's and CPython's
//!   docstrings in `docs`), text (`render`; the memory line's and notes' words in `memline`;
//!   styled, width-packed spans in `paint`), the pictures magics ask for (`mapfacts` gathers
//!   them; `bytemap` draws `%mem`'s byte map, `buffers` `%buffers` and the rest), the one cell
//!   cutter for files, pipes, `-c`, pastes
//!   and the REPL's completeness check (`cells`: plain scripts, `# %%` files, `>>>`/`In [n]:`
//!   sessions, narration; `tokenize` ports CPython 3.11's line continuation rules), script
//!   replay (`replay`), transcript comparison, `--check` and `--bless` (`check`), handouts
//!   (`export`: `--export md|html`, the HTML coloured by reading the terminal's escape codes),
//!   presenting a lesson with `--step` (`step`; narration read into blocks by
//!   `cells::narration`), the REPL (`repl`: the loop, type-ahead, paste, pager; `editor`:
//!   rustyline's keys and helper; `names`: completion; `highlight`: colours as you type;
//!   `histfile`). The binary (`main.rs`) parses flags and picks a driver.

// `unsafe` only in `runtime::pymalloc`, which says why and keeps its invariants beside the code
#![deny(unsafe_code)]

/// Small objects come from pymalloc's pools, as CPython's do (see `runtime::pymalloc`).
#[global_allocator]
static ALLOCATOR: runtime::pymalloc::Pymalloc = runtime::pymalloc::Pymalloc;

pub mod error;
pub mod eval;
pub mod runtime;
pub mod shell;
pub mod syntax;

pub use error::{ErrorKind, PyError, PyResult};
pub use shell::{Session, SessionOptions, Style};
