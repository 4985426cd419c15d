//! The abstract syntax of a cell: plain data, no behaviour, and a `Display` that prints canonical,
//! fully parenthesised source so parser tests read as "this text means that text".

use std::fmt;

use num_bigint::BigInt;

/// One cell: what the user submitted at one `In [n]:` prompt.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub stmts: Vec<Stmt>,
    /// A trailing `;` hides `Out[n]` (IPython).
    pub quiet: bool,
}

/// A statement and the 1-based line of the cell it starts on (for tracebacks).
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub line: u32,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: targets left to right.
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    /// `a += 1`: in place when the object supports it (arrays keep `id(a)`).
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    /// `x: int = 5` (the annotation is evaluated at module level and otherwise unused).
    AnnAssign {
        target: Target,
        annotation: Expr,
        value: Option<Expr>,
    },
    Del(Vec<Target>),
    /// `import numpy as np`, `import numpy.lib.stride_tricks`, `import sys`.
    Import {
        module: Vec<String>,
        alias: Option<String>,
    },
    /// `from sys import getsizeof`, `from numpy.lib.stride_tricks import as_strided as s`.
    FromImport {
        module: Vec<String>,
        names: Vec<(String, Option<String>)>,
    },
    /// `for target in iter: body` and the `else` run when the loop was not broken.
    For {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        cond: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `if`/`elif` branches in order, then the optional `else` body.
    If {
        branches: Vec<(Expr, Vec<Stmt>)>,
        orelse: Option<Vec<Stmt>>,
    },
    /// `def name(params): body`, with its decorators (outermost first).
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases): body`, with its decorators (outermost first).
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    /// `try:` with its handlers, `else` and `finally` bodies (each may be empty).
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `with a as x, b: body`.
    With {
        items: Vec<(Expr, Option<Target>)>,
        body: Vec<Stmt>,
    },
    /// `match subject:` and its `case` blocks, tried in order (PEP 634).
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Pass,
    Break,
    Continue,
}

/// A function's parameters, in CPython's groups.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    /// Before `/`.
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    /// `*args`
    pub vararg: Option<String>,
    /// After `*` or `*args`.
    pub kwonly: Vec<Param>,
    /// `**kwargs`
    pub kwarg: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Arg>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// `except E as name: body`; a bare `except:` has no type.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub line: u32,
    /// `except*`: handles the matching part of an exception group.
    pub star: bool,
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
}

/// `case pattern if guard: body`
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The cell line the pattern starts on (the compiler's line for the pattern and guard).
    pub line: u32,
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

/// A pattern of a `case` and the cell offset where it starts (CPython's compile-time errors
/// point at a pattern).
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub col: usize,
}

/// The kinds of pattern (CPython's `pattern` AST nodes).
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal or a dotted name (`1`, `-2.5`, `1+2j`, `'s'`, `Color.RED`): matched with `==`.
    Value(Expr),
    /// `None`, `True`, `False`: matched with `is`.
    Singleton(Expr),
    /// `[a, *rest]`, `(a, b)`, `a, b`.
    Sequence(Vec<Pattern>),
    /// `*rest` (or `*_`, no name) inside a sequence pattern.
    Star(Option<String>),
    /// `{'k': v, **rest}`: keys are literals or dotted names.
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    /// `Point(x, y=0)`: positional sub-patterns, then keyword ones.
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `p as name`; a capture `name` has no pattern; the wildcard `_` has neither.
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    /// `p | q | r`
    Or(Vec<Pattern>),
}

/// Something a value can be bound to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Name(String),
    /// `a, b = ...` and `[a, b] = ...`.
    Tuple(Vec<Target>),
    /// `*rest` inside a tuple target.
    Starred(Box<Target>),
    Subscript {
        obj: Box<Expr>,
        index: Box<Expr>,
    },
    Attribute {
        obj: Box<Expr>,
        name: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// A call argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Pos(Expr),
    Kw(String, Expr),
    /// `*args`
    Star(Expr),
    /// `**kwargs`
    StarStar(Expr),
}

/// `for target in iter if cond1 if cond2` inside a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Target,
    pub iter: Expr,
    pub conds: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    /// `(x for x in y)` and a bare generator argument `sum(x for x in y)`.
    Generator,
    Set,
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    Lit(String),
    /// `{expr!r:>10}`: expression, optional conversion (`r`, `s`, `a`), format spec text,
    /// and whether it was written `{expr=}` (the expression's source is echoed then).
    Expr {
        expr: Box<Expr>,
        conversion: Option<char>,
        spec: Option<Vec<FPart>>,
        echo: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Name(String),
    Int(BigInt),
    Float(f64),
    /// `2j`
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    FString(Vec<FPart>),
    True,
    False,
    None,
    /// `...`
    Ellipsis,
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: as in CPython's `ast.Dict`, a `None` key is a `**mapping` item.
    Dict(Vec<(Option<Expr>, Expr)>),
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        gens: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        gens: Vec<Comprehension>,
    },
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Not(Box<Expr>),
    /// `a < b <= c`: the first operand and each (op, operand) after it.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `a and b and c`
    BoolOp(BoolOp, Vec<Expr>),
    /// `then if cond else orelse`
    IfExp {
        cond: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `yield` and `yield x`.
    Yield(Option<Box<Expr>>),
    /// `yield from it`.
    YieldFrom(Box<Expr>),
    /// `name := value`.
    NamedExpr(String, Box<Expr>),
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    Attribute(Box<Expr>, String),
    /// `obj[index]`; a multi-item index is an `Expr::Tuple`, slices are `Expr::Slice`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `*xs` inside a tuple/list display.
    Starred(Box<Expr>),
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
        }
    }
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

fn join<T: fmt::Display>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}",
            join(&self.stmts, "; "),
            if self.quiet { ";" } else { "" }
        )
    }
}

fn block(body: &[Stmt]) -> String {
    format!("{{ {} }}", join(body, "; "))
}

impl fmt::Display for Stmt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)
    }
}

fn else_block(f: &mut fmt::Formatter<'_>, orelse: &[Stmt]) -> fmt::Result {
    if orelse.is_empty() {
        return Ok(());
    }
    write!(f, " else: {}", block(orelse))
}

fn decorators(f: &mut fmt::Formatter<'_>, ds: &[Expr]) -> fmt::Result {
    for d in ds {
        write!(f, "@{d} ")?;
    }
    Ok(())
}

impl fmt::Display for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        let param = |p: &Param| match &p.default {
            Some(d) => format!("{}={d}", p.name),
            None => p.name.clone(),
        };
        parts.extend(self.posonly.iter().map(param));
        if !self.posonly.is_empty() {
            parts.push("/".into());
        }
        parts.extend(self.args.iter().map(param));
        match &self.vararg {
            Some(v) => parts.push(format!("*{v}")),
            None if !self.kwonly.is_empty() => parts.push("*".into()),
            None => {}
        }
        parts.extend(self.kwonly.iter().map(param));
        if let Some(k) = &self.kwarg {
            parts.push(format!("**{k}"));
        }
        f.write_str(&parts.join(", "))
    }
}

impl fmt::Display for StmtKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StmtKind::Expr(e) => write!(f, "{e}"),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    write!(f, "{t} = ")?;
                }
                write!(f, "{value}")
            }
            StmtKind::AugAssign { target, op, value } => {
                write!(f, "{target} {}= {value}", op.symbol())
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                write!(f, "{target}: {annotation}")?;
                if let Some(v) = value {
                    write!(f, " = {v}")?;
                }
                Ok(())
            }
            StmtKind::Del(ts) => write!(f, "del {}", join(ts, ", ")),
            StmtKind::Import { module, alias } => {
                write!(f, "import {}", module.join("."))?;
                if let Some(a) = alias {
                    write!(f, " as {a}")?;
                }
                Ok(())
            }
            StmtKind::FromImport { module, names } => {
                let names: Vec<String> = names
                    .iter()
                    .map(|(n, a)| match a {
                        Some(a) => format!("{n} as {a}"),
                        None => n.clone(),
                    })
                    .collect();
                write!(f, "from {} import {}", module.join("."), names.join(", "))
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                write!(f, "for {target} in {iter}: {}", block(body))?;
                else_block(f, orelse)
            }
            StmtKind::While { cond, body, orelse } => {
                write!(f, "while {cond}: {}", block(body))?;
                else_block(f, orelse)
            }
            StmtKind::If { branches, orelse } => {
                for (i, (c, b)) in branches.iter().enumerate() {
                    write!(
                        f,
                        "{}{c}: {}",
                        if i == 0 { "if " } else { " elif " },
                        block(b)
                    )?;
                }
                if let Some(b) = orelse {
                    write!(f, " else: {}", block(b))?;
                }
                Ok(())
            }
            StmtKind::FunctionDef(d) => {
                decorators(f, &d.decorators)?;
                write!(f, "def {}({}): {}", d.name, d.params, block(&d.body))
            }
            StmtKind::ClassDef(c) => {
                decorators(f, &c.decorators)?;
                write!(f, "class {}", c.name)?;
                if !c.bases.is_empty() {
                    write!(f, "({})", join(&c.bases, ", "))?;
                }
                write!(f, ": {}", block(&c.body))
            }
            StmtKind::Return(None) => f.write_str("return"),
            StmtKind::Return(Some(e)) => write!(f, "return {e}"),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                write!(f, "try: {}", block(body))?;
                for h in handlers {
                    f.write_str(if h.star { " except*" } else { " except" })?;
                    if let Some(t) = &h.typ {
                        write!(f, " {t}")?;
                    }
                    if let Some(n) = &h.name {
                        write!(f, " as {n}")?;
                    }
                    write!(f, ": {}", block(&h.body))?;
                }
                else_block(f, orelse)?;
                if !finalbody.is_empty() {
                    write!(f, " finally: {}", block(finalbody))?;
                }
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                f.write_str("raise")?;
                if let Some(e) = exc {
                    write!(f, " {e}")?;
                }
                if let Some(c) = cause {
                    write!(f, " from {c}")?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                write!(f, "assert {test}")?;
                if let Some(m) = msg {
                    write!(f, ", {m}")?;
                }
                Ok(())
            }
            StmtKind::With { items, body } => {
                let items: Vec<String> = items
                    .iter()
                    .map(|(e, t)| match t {
                        Some(t) => format!("{e} as {t}"),
                        None => e.to_string(),
                    })
                    .collect();
                write!(f, "with {}: {}", items.join(", "), block(body))
            }
            StmtKind::Match { subject, cases } => {
                write!(f, "match {subject}: {{")?;
                for c in cases {
                    write!(f, " case {}", c.pattern)?;
                    if let Some(g) = &c.guard {
                        write!(f, " if {g}")?;
                    }
                    write!(f, ": {}", block(&c.body))?;
                }
                f.write_str(" }")
            }
            StmtKind::Global(ns) => write!(f, "global {}", ns.join(", ")),
            StmtKind::Nonlocal(ns) => write!(f, "nonlocal {}", ns.join(", ")),
            StmtKind::Pass => f.write_str("pass"),
            StmtKind::Break => f.write_str("break"),
            StmtKind::Continue => f.write_str("continue"),
        }
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            PatternKind::Value(e) | PatternKind::Singleton(e) => write!(f, "{e}"),
            PatternKind::Sequence(ps) => write!(f, "[{}]", join(ps, ", ")),
            PatternKind::Star(n) => write!(f, "*{}", n.as_deref().unwrap_or("_")),
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                let mut items: Vec<String> = keys
                    .iter()
                    .zip(patterns)
                    .map(|(k, p)| format!("{k}: {p}"))
                    .collect();
                if let Some(r) = rest {
                    items.push(format!("**{r}"));
                }
                write!(f, "{{{}}}", items.join(", "))
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut items: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
                items.extend(
                    kwd_attrs
                        .iter()
                        .zip(kwd_patterns)
                        .map(|(a, p)| format!("{a}={p}")),
                );
                write!(f, "{cls}({})", items.join(", "))
            }
            PatternKind::As {
                pattern: Some(p),
                name,
            } => write!(f, "({p} as {})", name.as_deref().unwrap_or("_")),
            PatternKind::As {
                pattern: None,
                name,
            } => f.write_str(name.as_deref().unwrap_or("_")),
            PatternKind::Or(ps) => write!(f, "({})", join(ps, " | ")),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Name(n) => f.write_str(n),
            Target::Tuple(ts) => write!(f, "({})", join(ts, ", ")),
            Target::Starred(t) => write!(f, "*{t}"),
            Target::Subscript { obj, index } => write!(f, "{obj}[{index}]"),
            Target::Attribute { obj, name } => write!(f, "{obj}.{name}"),
        }
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Pos(e) => write!(f, "{e}"),
            Arg::Kw(k, e) => write!(f, "{k}={e}"),
            Arg::Star(e) => write!(f, "*{e}"),
            Arg::StarStar(e) => write!(f, "**{e}"),
        }
    }
}

impl fmt::Display for Comprehension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "for {} in {}", self.target, self.iter)?;
        for c in &self.conds {
            write!(f, " if {c}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Name(n) => f.write_str(n),
            Expr::Int(i) => write!(f, "{i}"),
            Expr::Float(x) => write!(f, "{x:?}"),
            Expr::Imag(x) => write!(f, "{x:?}j"),
            Expr::Str(s) => write!(f, "{s:?}"),
            Expr::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Expr::FString(parts) => write!(f, "f{:?}", parts),
            Expr::True => f.write_str("True"),
            Expr::False => f.write_str("False"),
            Expr::None => f.write_str("None"),
            Expr::Ellipsis => f.write_str("..."),
            Expr::Tuple(xs) if xs.len() == 1 => write!(f, "({},)", xs[0]),
            Expr::Tuple(xs) => write!(f, "({})", join(xs, ", ")),
            Expr::List(xs) => write!(f, "[{}]", join(xs, ", ")),
            Expr::Set(xs) => write!(f, "{{{}}}", join(xs, ", ")),
            Expr::Dict(kv) => {
                let items: Vec<String> = kv
                    .iter()
                    .map(|(k, v)| match k {
                        Some(k) => format!("{k}: {v}"),
                        None => format!("**{v}"),
                    })
                    .collect();
                write!(f, "{{{}}}", items.join(", "))
            }
            Expr::Comp { kind, elt, gens } => {
                let (open, close) = match kind {
                    CompKind::List => ("[", "]"),
                    CompKind::Generator => ("(", ")"),
                    CompKind::Set => ("{", "}"),
                };
                write!(f, "{open}{elt} {}{close}", join(gens, " "))
            }
            Expr::DictComp { key, value, gens } => {
                write!(f, "{{{key}: {value} {}}}", join(gens, " "))
            }
            Expr::BinOp(a, op, b) => write!(f, "({a} {} {b})", op.symbol()),
            Expr::Unary(op, a) => write!(f, "({}{a})", op.symbol()),
            Expr::Not(a) => write!(f, "(not {a})"),
            Expr::Compare(first, rest) => {
                write!(f, "({first}")?;
                for (op, e) in rest {
                    write!(f, " {} {e}", op.symbol())?;
                }
                f.write_str(")")
            }
            Expr::BoolOp(op, xs) => {
                let sep = match op {
                    BoolOp::And => " and ",
                    BoolOp::Or => " or ",
                };
                write!(f, "({})", join(xs, sep))
            }
            Expr::IfExp { cond, then, orelse } => write!(f, "({then} if {cond} else {orelse})"),
            Expr::Lambda { params, body } => write!(f, "(lambda {params}: {body})"),
            Expr::Yield(None) => f.write_str("(yield)"),
            Expr::Yield(Some(e)) => write!(f, "(yield {e})"),
            Expr::YieldFrom(e) => write!(f, "(yield from {e})"),
            Expr::NamedExpr(n, e) => write!(f, "({n} := {e})"),
            Expr::Call { func, args } => write!(f, "{func}({})", join(args, ", ")),
            Expr::Attribute(obj, name) => write!(f, "{obj}.{name}"),
            Expr::Subscript(obj, idx) => match &**idx {
                Expr::Tuple(items) if !items.is_empty() => {
                    write!(f, "{obj}[{}]", join(items, ", "))
                }
                other => write!(f, "{obj}[{other}]"),
            },
            Expr::Slice { lower, upper, step } => {
                let part =
                    |e: &Option<Box<Expr>>| e.as_ref().map(|e| e.to_string()).unwrap_or_default();
                write!(f, "{}:{}", part(lower), part(upper))?;
                if step.is_some() {
                    write!(f, ":{}", part(step))?;
                }
                Ok(())
            }
            Expr::Starred(e) => write!(f, "*{e}"),
        }
    }
}
