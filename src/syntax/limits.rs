//! CPython's compile-time depth limits, as a cell run through IPython (here: the oracle, CPython
//! 3.11) meets them. Measured on the oracle: with `d` nested operators under `x = `,
//! `d >= 994` fails in the symbol table ("while traversing 'expr' node"), `d >= 2983` while
//! converting the AST ("during ast construction"), and a run of `d >= 5968` unary operators or
//! `not`s overflows the parser's stack (an empty `MemoryError`).

use super::ast::{Arg, Comprehension, Expr, FPart, Stmt, StmtKind};
use crate::error::{PyError, PyResult};

/// Expression depth (leaf included) at which the AST conversion gives up.
pub const AST_CONSTRUCTION_DEPTH: usize = 2984;
/// Parser frames that overflow CPython's parser stack: a run of unary operators (or `not`s)
/// takes one each, `**` two (measured: 2984 `**` in a row, 1990 `**-`, 5968 `-`).
pub const PARSER_STACK_RUN: usize = 5968;
/// Depth, counted from an expression statement, at which the symbol table gives up; other
/// statements add one level.
const TRAVERSAL_DEPTH: usize = 996;

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;
/// `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`: the smallest limit `sys.set_int_max_str_digits` takes
/// (besides 0, no limit), and the length below which nothing is checked.
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    /// The session's `sys.get_int_max_str_digits()` (each session runs on its own thread and
    /// sets it when it starts); 0 is no limit.
    static INT_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(INT_MAX_STR_DIGITS) };
}

/// The limit on decimal digits converted between int and str (`None`: no limit).
pub fn int_max_str_digits() -> Option<usize> {
    match INT_DIGITS.with(std::cell::Cell::get) {
        0 => None,
        n => Some(n),
    }
}

/// `sys.set_int_max_str_digits(n)` (validated by the caller), and a new session's default.
pub fn set_int_max_str_digits(n: usize) {
    INT_DIGITS.with(|c| c.set(n));
}

/// Refuses statements whose expressions are too deep for CPython's symbol table.
pub fn check(stmts: &[Stmt]) -> PyResult<()> {
    for s in stmts {
        let (depth, offset) = match &s.kind {
            StmtKind::Expr(e) => (depth(e), 0),
            StmtKind::Assign { targets, value } => {
                let t = targets.iter().map(target_depth).max().unwrap_or(0);
                (depth(value).max(t), 1)
            }
            StmtKind::AugAssign { value, .. } => (depth(value), 1),
            StmtKind::AnnAssign {
                value, annotation, ..
            } => (value.as_ref().map_or(0, depth).max(depth(annotation)), 1),
            StmtKind::Return(Some(e)) => (depth(e), 1),
            StmtKind::Raise { exc, cause } => (
                exc.as_ref()
                    .map_or(0, depth)
                    .max(cause.as_ref().map_or(0, depth)),
                1,
            ),
            StmtKind::Assert { test, msg } => (depth(test).max(msg.as_ref().map_or(0, depth)), 1),
            StmtKind::For {
                iter, body, orelse, ..
            } => {
                check(body)?;
                check(orelse)?;
                (depth(iter), 1)
            }
            StmtKind::While { cond, body, orelse } => {
                check(body)?;
                check(orelse)?;
                (depth(cond), 1)
            }
            StmtKind::If { branches, orelse } => {
                for (_, b) in branches {
                    check(b)?;
                }
                if let Some(b) = orelse {
                    check(b)?;
                }
                (branches.iter().map(|(c, _)| depth(c)).max().unwrap_or(0), 1)
            }
            StmtKind::FunctionDef(d) => {
                check(&d.body)?;
                (max_of(&d.decorators), 1)
            }
            StmtKind::ClassDef(c) => {
                check(&c.body)?;
                (max_of(&c.decorators), 1)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                check(body)?;
                for h in handlers {
                    check(&h.body)?;
                }
                check(orelse)?;
                check(finalbody)?;
                (0, 0)
            }
            StmtKind::With { items, body } => {
                check(body)?;
                (max_of(items.iter().map(|(e, _)| e)), 1)
            }
            StmtKind::Match { subject, cases } => {
                for c in cases {
                    check(&c.body)?;
                }
                let guards = max_of(cases.iter().filter_map(|c| c.guard.as_ref()));
                (depth(subject).max(guards), 1)
            }
            _ => (0, 0),
        };
        if depth + offset >= TRAVERSAL_DEPTH {
            return Err(PyError::recursion_traversing_expr());
        }
    }
    Ok(())
}

fn target_depth(t: &super::ast::Target) -> usize {
    use super::ast::Target;
    match t {
        Target::Name(_) => 1,
        Target::Tuple(ts) => 1 + ts.iter().map(target_depth).max().unwrap_or(0),
        Target::Starred(t) => 1 + target_depth(t),
        Target::Subscript { obj, index } => 1 + depth(obj).max(depth(index)),
        Target::Attribute { obj, .. } => 1 + depth(obj),
    }
}

fn max_of<'a>(xs: impl IntoIterator<Item = &'a Expr>) -> usize {
    xs.into_iter().map(depth).max().unwrap_or(0)
}

fn comp_depth(gens: &[Comprehension]) -> usize {
    gens.iter()
        .map(|g| {
            depth(&g.iter)
                .max(max_of(&g.conds))
                .max(target_depth(&g.target))
        })
        .max()
        .unwrap_or(0)
}

/// Nodes on the deepest path from `e` down to a leaf, `e` and the leaf included. The builder
/// refuses trees deeper than `AST_CONSTRUCTION_DEPTH`, so this recursion is bounded.
pub fn depth(e: &Expr) -> usize {
    1 + match e {
        Expr::Name(_)
        | Expr::Int(_)
        | Expr::Float(_)
        | Expr::Imag(_)
        | Expr::Str(_)
        | Expr::Bytes(_) => 0,
        Expr::True | Expr::False | Expr::None | Expr::Ellipsis => 0,
        Expr::FString(parts) => parts
            .iter()
            .map(|p| match p {
                FPart::Lit(_) => 0,
                FPart::Expr { expr, .. } => depth(expr),
            })
            .max()
            .unwrap_or(0),
        Expr::Tuple(xs) | Expr::List(xs) | Expr::Set(xs) => max_of(xs),
        Expr::Dict(kv) => kv
            .iter()
            .map(|(k, v)| k.as_ref().map_or(0, depth).max(depth(v)))
            .max()
            .unwrap_or(0),
        Expr::Comp { elt, gens, .. } => depth(elt).max(comp_depth(gens)),
        Expr::DictComp { key, value, gens } => depth(key).max(depth(value)).max(comp_depth(gens)),
        Expr::BinOp(a, _, b) => depth(a).max(depth(b)),
        Expr::Unary(_, a)
        | Expr::Not(a)
        | Expr::Starred(a)
        | Expr::Attribute(a, _)
        | Expr::YieldFrom(a)
        | Expr::NamedExpr(_, a) => depth(a),
        Expr::Yield(a) => a.as_deref().map_or(0, depth),
        Expr::Compare(first, rest) => depth(first).max(max_of(rest.iter().map(|(_, e)| e))),
        Expr::BoolOp(_, xs) => max_of(xs),
        Expr::IfExp { cond, then, orelse } => depth(cond).max(depth(then)).max(depth(orelse)),
        Expr::Lambda { body, .. } => depth(body),
        Expr::Call { func, args } => depth(func).max(
            args.iter()
                .map(|a| match a {
                    Arg::Pos(e) | Arg::Kw(_, e) | Arg::Star(e) | Arg::StarStar(e) => depth(e),
                })
                .max()
                .unwrap_or(0),
        ),
        Expr::Subscript(a, i) => depth(a).max(depth(i)),
        Expr::Slice { lower, upper, step } => [lower, upper, step]
            .iter()
            .filter_map(|x| x.as_deref())
            .map(depth)
            .max()
            .unwrap_or(0),
    }
}
