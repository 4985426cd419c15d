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

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
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
    For {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
    },
    While {
        cond: Expr,
        body: Vec<Stmt>,
    },
    /// `if`/`elif` branches in order, then the optional `else` body.
    If {
        branches: Vec<(Expr, Vec<Stmt>)>,
        orelse: Option<Vec<Stmt>>,
    },
    Pass,
    Break,
    Continue,
}

/// Something a value can be bound to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Name(String),
    /// `a, b = ...` and `[a, b] = ...`; a `Starred` element is not supported.
    Tuple(Vec<Target>),
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
    Dict(Vec<(Expr, Expr)>),
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
        params: Vec<String>,
        body: Box<Expr>,
    },
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
        match self {
            Stmt::Expr(e) => write!(f, "{e}"),
            Stmt::Assign { targets, value } => {
                for t in targets {
                    write!(f, "{t} = ")?;
                }
                write!(f, "{value}")
            }
            Stmt::AugAssign { target, op, value } => write!(f, "{target} {}= {value}", op.symbol()),
            Stmt::Del(ts) => write!(f, "del {}", join(ts, ", ")),
            Stmt::Import { module, alias } => {
                write!(f, "import {}", module.join("."))?;
                if let Some(a) = alias {
                    write!(f, " as {a}")?;
                }
                Ok(())
            }
            Stmt::FromImport { module, names } => {
                let names: Vec<String> = names
                    .iter()
                    .map(|(n, a)| match a {
                        Some(a) => format!("{n} as {a}"),
                        None => n.clone(),
                    })
                    .collect();
                write!(f, "from {} import {}", module.join("."), names.join(", "))
            }
            Stmt::For { target, iter, body } => {
                write!(f, "for {target} in {iter}: {}", block(body))
            }
            Stmt::While { cond, body } => write!(f, "while {cond}: {}", block(body)),
            Stmt::If { branches, orelse } => {
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
            Stmt::Pass => f.write_str("pass"),
            Stmt::Break => f.write_str("break"),
            Stmt::Continue => f.write_str("continue"),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Name(n) => f.write_str(n),
            Target::Tuple(ts) => write!(f, "({})", join(ts, ", ")),
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
                let items: Vec<String> = kv.iter().map(|(k, v)| format!("{k}: {v}")).collect();
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
            Expr::Lambda { params, body } => write!(f, "(lambda {}: {body})", params.join(", ")),
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
