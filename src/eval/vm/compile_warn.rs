//! CPython 3.11's compile-time `SyntaxWarning`s: `"is" with a literal`, and the "perhaps you
//! missed a comma?" family (calling a literal, subscripting one that is not subscriptable,
//! indexing a display with a non-integer). They look at operands as CPython's AST optimizer
//! leaves them, so `1000 + 1` and `-1` are constants here (`folded`), as `'abc'['x']` is not.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::eval::vm::compile::Compiler;
use crate::syntax::ast::{BinOp, CmpOp, CompKind, Expr, UnaryOp};

/// Compile-time warnings with the line of the cell each was raised at.
pub type SyntaxWarnings = Vec<(u32, String)>;

/// A constant the AST optimizer would make of an expression (only what the checks need).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Folded {
    None,
    Bool,
    Ellipsis,
    Int(BigInt),
    Float,
    Complex,
    /// A `str` of this many characters.
    Str(usize),
    /// A `bytes` of this many bytes.
    Bytes(usize),
    /// A tuple of this many constants.
    Tuple(usize),
}

/// CPython's limits on folding (`Python/ast_opt.c`): no folded int wider than 128 bits, no
/// folded str/bytes longer than 4096, no folded tuple longer than 256.
const MAX_INT_BITS: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;

impl Folded {
    fn type_name(&self) -> &'static str {
        match self {
            Folded::None => "NoneType",
            Folded::Bool => "bool",
            Folded::Ellipsis => "ellipsis",
            Folded::Int(_) => "int",
            Folded::Float => "float",
            Folded::Complex => "complex",
            Folded::Str(_) => "str",
            Folded::Bytes(_) => "bytes",
            Folded::Tuple(_) => "tuple",
        }
    }

    /// The numeric tower rank of a number (bool < int < float < complex), `None` otherwise.
    fn rank(&self) -> Option<u8> {
        match self {
            Folded::Bool | Folded::Int(_) => Some(1),
            Folded::Float => Some(2),
            Folded::Complex => Some(3),
            _ => None,
        }
    }

    fn int(&self) -> Option<BigInt> {
        match self {
            Folded::Int(i) => Some(i.clone()),
            Folded::Bool => Some(BigInt::zero()), // its value never decides a limit below
            _ => None,
        }
    }

    fn is_zero(&self) -> bool {
        matches!(self, Folded::Int(i) if i.is_zero())
    }
}

/// What `e` is after CPython's AST optimizer: the constant it folds to, or `None` when it stays
/// an expression (a name, a call, an operation that would raise or grow past the limits...).
pub(super) fn folded(e: &Expr) -> Option<Folded> {
    Some(match e {
        Expr::Int(i) => Folded::Int(i.clone()),
        Expr::Float(_) => Folded::Float,
        Expr::Imag(_) => Folded::Complex,
        Expr::Str(s) => Folded::Str(s.chars().count()),
        Expr::Bytes(b) => Folded::Bytes(b.len()),
        Expr::True | Expr::False => Folded::Bool,
        Expr::None => Folded::None,
        Expr::Ellipsis => Folded::Ellipsis,
        Expr::Name(n) if n == "__debug__" => Folded::Bool,
        Expr::Tuple(xs) => {
            for x in xs {
                folded(x)?;
            }
            Folded::Tuple(xs.len())
        }
        Expr::Not(a) => {
            folded(a)?;
            Folded::Bool
        }
        Expr::Unary(op, a) => match (op, folded(a)?) {
            (UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, Folded::Int(i)) => {
                Folded::Int(match op {
                    UnaryOp::Neg => -i,
                    UnaryOp::Pos => i,
                    UnaryOp::Invert => -i - 1,
                })
            }
            (_, Folded::Bool) => Folded::Int(BigInt::zero()),
            (UnaryOp::Neg | UnaryOp::Pos, x @ (Folded::Float | Folded::Complex)) => x,
            _ => return None,
        },
        Expr::BinOp(a, op, b) => binop(folded(a)?, *op, folded(b)?)?,
        Expr::Subscript(a, i) => match (folded(a)?, folded(i)?) {
            (Folded::Str(n), Folded::Int(k)) if in_range(&k, n) => Folded::Str(1),
            (Folded::Bytes(n), Folded::Int(k)) if in_range(&k, n) => Folded::Int(BigInt::zero()),
            // an item of a constant tuple: a constant of a kind these checks do not track
            _ => return None,
        },
        _ => return None,
    })
}

fn in_range(k: &BigInt, n: usize) -> bool {
    let n = BigInt::from(n);
    k < &n && k >= &-n
}

/// `a op b` on two constants, as `fold_binop` does it (safe_multiply/safe_power/safe_lshift
/// refuse results past the limits; an operation that raises is not folded).
fn binop(a: Folded, op: BinOp, b: Folded) -> Option<Folded> {
    use Folded as F;
    if let (Some(ra), Some(rb)) = (a.rank(), b.rank()) {
        let rank = ra.max(rb);
        if rank > 1 {
            let division = matches!(op, BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow);
            return match (rank, op) {
                (_, BinOp::MatMul) => None,
                (
                    _,
                    BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor,
                ) => None,
                (3, BinOp::FloorDiv | BinOp::Mod) => None,
                _ if division && b.is_zero() && op != BinOp::Pow => None,
                (2, _) => Some(F::Float),
                _ => Some(F::Complex),
            };
        }
        let (x, y) = (a.int()?, b.int()?);
        let bits = |v: &BigInt| v.bits();
        return Some(match op {
            BinOp::Add => F::Int(x + y),
            BinOp::Sub => F::Int(x - y),
            BinOp::Mul => {
                if !x.is_zero() && !y.is_zero() && bits(&x) + bits(&y) > MAX_INT_BITS {
                    return None;
                }
                F::Int(x * y)
            }
            BinOp::Div if y.is_zero() => return None,
            BinOp::Div => F::Float,
            BinOp::FloorDiv | BinOp::Mod if y.is_zero() => return None,
            BinOp::FloorDiv => F::Int(x / y), // size and sign are all a limit below needs
            BinOp::Mod => F::Int(x % y),
            BinOp::Pow if y.is_negative() => {
                if x.is_zero() {
                    return None;
                }
                F::Float
            }
            BinOp::Pow => {
                let w = u64::try_from(&y).ok()?;
                if !x.is_zero() && w > 0 && bits(&x) > MAX_INT_BITS / w {
                    return None;
                }
                F::Int(num_traits::pow::pow(x, usize::try_from(w).ok()?))
            }
            BinOp::LShift => {
                let w = u64::try_from(&y).ok()?;
                if !x.is_zero() && (w > MAX_INT_BITS || bits(&x) > MAX_INT_BITS - w) {
                    return None;
                }
                F::Int(x << w)
            }
            BinOp::RShift => F::Int(x >> u64::try_from(&y).ok()?),
            BinOp::BitAnd => F::Int(x & y),
            BinOp::BitOr => F::Int(x | y),
            BinOp::BitXor => F::Int(x ^ y),
            BinOp::MatMul => return None,
        });
    }
    let times = |n: usize, k: &Folded, max: usize| -> Option<usize> {
        let k = usize::try_from(&k.int()?).unwrap_or(0);
        (n == 0 || k <= max / n).then_some(n * k)
    };
    Some(match (a, op, b) {
        (F::Str(n), BinOp::Add, F::Str(m)) => F::Str(n + m),
        (F::Bytes(n), BinOp::Add, F::Bytes(m)) => F::Bytes(n + m),
        (F::Tuple(n), BinOp::Add, F::Tuple(m)) => F::Tuple(n + m),
        (F::Str(n), BinOp::Mul, k) | (k, BinOp::Mul, F::Str(n)) => {
            F::Str(times(n, &k, MAX_STR_SIZE)?)
        }
        (F::Bytes(n), BinOp::Mul, k) | (k, BinOp::Mul, F::Bytes(n)) => {
            F::Bytes(times(n, &k, MAX_STR_SIZE)?)
        }
        (F::Tuple(n), BinOp::Mul, k) | (k, BinOp::Mul, F::Tuple(n)) => {
            F::Tuple(times(n, &k, MAX_COLLECTION_SIZE)?)
        }
        // `'%s' % x` is never folded (safe_mod); anything else raises
        _ => return None,
    })
}

/// The type `infer_type` gives an expression, when it can tell.
fn infer_type(e: &Expr) -> Option<&'static str> {
    if let Some(f) = folded(e) {
        return Some(f.type_name());
    }
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_)
        | Expr::Comp {
            kind: CompKind::List,
            ..
        } => "list",
        Expr::Dict(_) | Expr::DictComp { .. } => "dict",
        Expr::Set(_)
        | Expr::Comp {
            kind: CompKind::Set,
            ..
        } => "set",
        Expr::Comp { .. } => "generator",
        Expr::Lambda { .. } => "function",
        Expr::FString(_) => "str",
        _ => return None,
    })
}

/// `check_is_arg`: an operand of `is` that is a constant other than None, True, False, `...`.
fn is_literal(e: &Expr) -> bool {
    !matches!(
        folded(e),
        None | Some(Folded::None | Folded::Bool | Folded::Ellipsis)
    )
}

/// The warning for `first op0 x0 op1 x1 ...` (`check_compare`): the first `is`/`is not` with a
/// literal on either side.
pub(super) fn compare_warning(first: &Expr, rest: &[(CmpOp, Expr)]) -> Option<String> {
    let mut left = is_literal(first);
    for (op, x) in rest {
        let right = is_literal(x);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && (left || right) {
            return Some(
                if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                }
                .into(),
            );
        }
        left = right;
    }
    None
}

/// `check_caller`: calling a literal or a display.
pub(super) fn caller_warning(func: &Expr) -> Option<String> {
    let callable_kind = matches!(
        func,
        Expr::Tuple(_)
            | Expr::List(_)
            | Expr::Dict(_)
            | Expr::DictComp { .. }
            | Expr::Set(_)
            | Expr::Comp { .. }
            | Expr::FString(_)
    ) || folded(func).is_some();
    callable_kind.then(|| {
        format!(
            "'{}' object is not callable; perhaps you missed a comma?",
            infer_type(func).unwrap_or("object")
        )
    })
}

/// `check_subscripter` then `check_index` for `obj[index]` (a load).
pub(super) fn subscript_warning(obj: &Expr, index: &Expr) -> Option<String> {
    let not_subscriptable = match folded(obj) {
        Some(Folded::Str(_) | Folded::Bytes(_) | Folded::Tuple(_)) => false,
        Some(_) => true,
        None => matches!(
            obj,
            Expr::Set(_)
                | Expr::Comp {
                    kind: CompKind::Set | CompKind::Generator,
                    ..
                }
                | Expr::Lambda { .. }
        ),
    };
    if not_subscriptable {
        return Some(format!(
            "'{}' object is not subscriptable; perhaps you missed a comma?",
            infer_type(obj).unwrap_or("object")
        ));
    }
    let index_type = match infer_type(index) {
        None | Some("int" | "bool") => return None,
        Some(t) => t,
    };
    let sequence = match folded(obj) {
        Some(Folded::Str(_) | Folded::Bytes(_) | Folded::Tuple(_)) => true,
        Some(_) => false,
        None => matches!(
            obj,
            Expr::Tuple(_)
                | Expr::List(_)
                | Expr::Comp {
                    kind: CompKind::List,
                    ..
                }
                | Expr::FString(_)
        ),
    };
    sequence.then(|| {
        format!(
            "{} indices must be integers or slices, not {index_type}; perhaps you missed a comma?",
            infer_type(obj).unwrap_or("object")
        )
    })
}

/// `compiler_assert`'s warning: `assert (x, 'message')` tests a non-empty tuple.
pub(super) fn assert_warning(test: &Expr) -> Option<String> {
    matches!(test, Expr::Tuple(xs) if !xs.is_empty())
        .then(|| "assertion is always true, perhaps remove parentheses?".into())
}

impl Compiler<'_, '_> {
    /// Records a compile-time `SyntaxWarning` at the line being compiled.
    pub(super) fn syntax_warning(&mut self, message: Option<String>) {
        if let Some(m) = message {
            let line = self.unit().line;
            self.warnings.push((line, m));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn expr(src: &str) -> Expr {
        let cell = parse(src).expect("parses");
        match &cell.stmts[0].kind {
            crate::syntax::ast::StmtKind::Expr(e) => e.clone(),
            other => panic!("not an expression: {other:?}"),
        }
    }

    /// Each expression and the warning CPython 3.11 gives when compiling it (python3 -W error).
    #[test]
    fn warnings_as_cpython_gives_them() {
        let is = Some("\"is\" with a literal. Did you mean \"==\"?");
        let cases: &[(&str, Option<&str>)] = &[
            ("x is 1", is),
            ("x is -1", is),
            ("1000 + 1 is 1001", is),
            ("x is ()", is),
            ("x is (1, 'a')", is),
            ("x is 'a' * 3", is),
            (
                "x is not 1.5",
                Some("\"is not\" with a literal. Did you mean \"!=\"?"),
            ),
            ("x is None", None),
            ("x is True", None),
            ("x is ...", None),
            ("x is (1, y)", None),
            ("[] is []", None),
            ("x is 2 ** 100", None),
            ("x == 1", None),
            (
                "5[0]",
                Some("'int' object is not subscriptable; perhaps you missed a comma?"),
            ),
            (
                "None[0]",
                Some("'NoneType' object is not subscriptable; perhaps you missed a comma?"),
            ),
            (
                "{1, 2}[0]",
                Some("'set' object is not subscriptable; perhaps you missed a comma?"),
            ),
            ("'abc'[0]", None),
            (
                "'abc'['x']",
                Some(
                    "str indices must be integers or slices, not str; perhaps you missed a comma?",
                ),
            ),
            (
                "[1, 2][1.0]",
                Some(
                    "list indices must be integers or slices, not float; perhaps you missed a comma?",
                ),
            ),
            ("[1, 2][x]", None),
            ("[1, 2][1:2]", None),
            ("{'a': 1}['a']", None),
            (
                "(1, 2)(3)",
                Some("'tuple' object is not callable; perhaps you missed a comma?"),
            ),
            (
                "'abc'(3)",
                Some("'str' object is not callable; perhaps you missed a comma?"),
            ),
            (
                "[1](3)",
                Some("'list' object is not callable; perhaps you missed a comma?"),
            ),
            ("f(3)", None),
            ("x is b'a'[0]", is),
            (
                "(1, 2)[0.5]",
                Some(
                    "tuple indices must be integers or slices, not float; perhaps you missed a comma?",
                ),
            ),
        ];
        for (src, want) in cases {
            let e = expr(src);
            let got = match &e {
                Expr::Compare(a, rest) => compare_warning(a, rest),
                Expr::Subscript(a, i) => subscript_warning(a, i),
                Expr::Call { func, .. } => caller_warning(func),
                _ => None,
            };
            assert_eq!(got.as_deref(), *want, "{src}");
        }
    }
}
