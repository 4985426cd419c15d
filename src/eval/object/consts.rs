//! The constants of one compiled statement. CPython compiles each top-level statement of a cell
//! on its own (IPython and the oracle both do), folds constant expressions (`1000 + 1`, `-5`,
//! `(1, 2)`) and merges equal constants of that code object into one object. So
//! `a, b = 1000, 1000` binds one object, `a = 1000; b = 1000` binds two, and a literal inside a
//! loop is the same object on every pass. The constants die with the code object, at the end
//! of the statement.

use num_bigint::BigInt;

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::fxmap::FxHashMap;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::Value;
use crate::eval::vm::code::ConstPool;
use crate::syntax::ast::{BinOp, Expr};

/// CPython 3.11's `ast_opt.c` limits: folded ints stay under 128 bits, folded strings and bytes
/// under 4096 items, folded tuples under 256 items.
const MAX_INT_BITS: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;

/// What makes two constants "equal" for merging (`_PyCode_ConstantKey`): the type and the exact
/// value, so `1` and `1.0` (and `0.0` and `-0.0`) stay apart.
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(Int),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    /// Singletons need no merging but can sit inside a constant tuple.
    Singleton(u8),
}

/// The constants made so far while running the current statement.
#[derive(Default)]
pub struct Consts {
    /// Expression node (by address; the syntax tree outlives the statement) → its constant.
    by_node: FxHashMap<usize, Value>,
    by_key: FxHashMap<ConstKey, Value>,
}

impl Consts {
    /// The statement ended: its code object, and with it the constants, are freed.
    pub fn clear(&mut self) {
        self.by_node.clear();
        self.by_key.clear();
    }
}

/// Whether CPython's AST optimiser turns `e` into a constant.
pub fn is_const(e: &Expr) -> bool {
    match e {
        Expr::Int(_)
        | Expr::Float(_)
        | Expr::Imag(_)
        | Expr::Str(_)
        | Expr::Bytes(_)
        | Expr::True
        | Expr::False
        | Expr::None
        | Expr::Ellipsis => true,
        Expr::Tuple(xs) => xs.iter().all(is_const),
        Expr::Unary(_, x) => is_const(x),
        Expr::BinOp(a, op, b) => *op != BinOp::MatMul && is_const(a) && is_const(b),
        _ => false,
    }
}

fn key_of(v: &Value) -> Option<ConstKey> {
    Some(match v {
        Value::Int(i) => ConstKey::Int(i.v.clone()),
        Value::Float(f) => ConstKey::Float(f.v.to_bits()),
        Value::Complex(c) => ConstKey::Complex(c.re.to_bits(), c.im.to_bits()),
        Value::Str(s) => ConstKey::Str(s.v.clone()),
        Value::Bytes(b) => ConstKey::Bytes(b.v.clone()),
        Value::Tuple(t) => ConstKey::Tuple(t.items.iter().map(key_of).collect::<Option<_>>()?),
        Value::None => ConstKey::Singleton(0),
        Value::Bool(b) => ConstKey::Singleton(1 + *b as u8),
        Value::Ellipsis => ConstKey::Singleton(3),
        _ => return None,
    })
}

/// Whether a folded result stays within CPython's limits (`safe_multiply`, `safe_power`,
/// `safe_lshift`; `str % x` is never folded).
fn foldable(op: BinOp, a: &Value, b: &Value, result: &Value) -> bool {
    let bits = |v: &Value| match v {
        Value::Int(i) => Some(i.v.bits()),
        _ => None,
    };
    let int_of = |v: &Value| match v {
        Value::Int(i) => Some(i.v.clone()),
        _ => None,
    };
    match op {
        BinOp::Mul => match (bits(a), bits(b)) {
            (Some(x), Some(y)) => x == 0 || y == 0 || x + y <= MAX_INT_BITS,
            _ => match result {
                Value::Str(s) => s.v.chars().count() <= MAX_STR_SIZE,
                Value::Bytes(s) => s.v.len() <= MAX_STR_SIZE,
                Value::Tuple(t) => t.items.len() <= MAX_COLLECTION_SIZE,
                _ => true,
            },
        },
        BinOp::Pow => match (bits(a), int_of(b)) {
            (Some(vbits), Some(w)) if !w.is_negative() && !w.is_zero() && vbits > 0 => {
                w.to_i64().is_some_and(|w| vbits <= MAX_INT_BITS / w as u64)
            }
            _ => true,
        },
        BinOp::LShift => match (bits(a), int_of(b)) {
            (Some(vbits), Some(w)) if vbits > 0 => w
                .to_i64()
                .is_some_and(|w| w as u64 <= MAX_INT_BITS && vbits <= MAX_INT_BITS - w as u64),
            _ => true,
        },
        BinOp::Mod => !matches!(a, Value::Str(_) | Value::Bytes(_)),
        _ => true,
    }
}

impl Interp {
    /// The value of a constant expression (`is_const(e)`), made once per compiled statement:
    /// `pool` is the statement's, and `e` lives in its code (so its address is a stable key).
    pub(crate) fn pool_constant(&mut self, pool: &ConstPool, e: &Expr) -> PyResult<Value> {
        let node = e as *const Expr as usize;
        if let Some(v) = pool.consts.borrow().by_node.get(&node) {
            return Ok(v.clone());
        }
        // literals: look the value up before making an object for it
        let literal_key = match e {
            Expr::Int(i) => Some(ConstKey::Int(Int::from_big(i.clone()))),
            Expr::Float(f) => Some(ConstKey::Float(f.to_bits())),
            Expr::Imag(f) => Some(ConstKey::Complex(0f64.to_bits(), f.to_bits())),
            Expr::Str(s) => Some(ConstKey::Str(s.clone())),
            Expr::Bytes(b) => Some(ConstKey::Bytes(b.clone())),
            _ => None,
        };
        if let Some(k) = &literal_key {
            let mut c = pool.consts.borrow_mut();
            if let Some(v) = c.by_key.get(k).cloned() {
                c.by_node.insert(node, v.clone());
                return Ok(v);
            }
        }
        let (v, cache) = match e {
            Expr::Int(i) => (self.new_int(Int::from_big(BigInt::clone(i))), true),
            Expr::Float(f) => (self.new_float(*f), true),
            Expr::Imag(f) => (self.new_complex(0.0, *f), true),
            Expr::Str(s) => (self.new_const_str(s), true),
            Expr::Bytes(b) => (self.new_bytes(b.clone()), true),
            Expr::True => (Value::Bool(true), false),
            Expr::False => (Value::Bool(false), false),
            Expr::None => (Value::None, false),
            Expr::Ellipsis => (Value::Ellipsis, false),
            Expr::Tuple(xs) => {
                let mut items = Vec::with_capacity(xs.len());
                for x in xs {
                    items.push(self.pool_constant(pool, x)?);
                }
                (self.new_tuple(items), true)
            }
            Expr::Unary(op, x) => {
                let x = self.pool_constant(pool, x)?;
                (self.unary_op(*op, &x)?, true)
            }
            Expr::BinOp(a, op, b) => {
                let x = self.pool_constant(pool, a)?;
                let y = self.pool_constant(pool, b)?;
                let r = self.binary_op(&x, *op, &y)?;
                let ok = foldable(*op, &x, &y, &r);
                (r, ok)
            }
            _ => unreachable!("the compiler makes constants only of is_const expressions"),
        };
        if !cache {
            return Ok(v);
        }
        let Some(key) = literal_key.or_else(|| key_of(&v)) else {
            return Ok(v);
        };
        let mut c = pool.consts.borrow_mut();
        let v = c.by_key.entry(key).or_insert(v).clone();
        c.by_node.insert(node, v.clone());
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::UnaryOp;

    #[test]
    fn what_the_optimiser_folds() {
        let int = |i: i64| Box::new(Expr::Int(BigInt::from(i)));
        let name = || Box::new(Expr::Name("x".into()));
        let cases: [(Expr, bool, &str); 5] = [
            (Expr::BinOp(int(1000), BinOp::Add, int(1)), true, "1000 + 1"),
            (
                Expr::BinOp(int(1000), BinOp::Add, name()),
                false,
                "a name is not constant",
            ),
            (Expr::Unary(UnaryOp::Neg, int(5)), true, "-5"),
            (
                Expr::Tuple(vec![Expr::Int(BigInt::from(1)), Expr::None]),
                true,
                "(1, None)",
            ),
            (
                Expr::Tuple(vec![Expr::Int(BigInt::from(1)), *name()]),
                false,
                "(1, x)",
            ),
        ];
        for (e, want, why) in cases {
            assert_eq!(is_const(&e), want, "{why}");
        }
    }

    #[test]
    fn size_limits_of_folding() {
        use crate::runtime::Heap;
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let mut it = Interp::new(Heap::new(false, 1 << 30), Arc::new(AtomicBool::new(false)));
        let _ = &mut it;
        let two = it.new_i64(2);
        let e60 = it.new_i64(60);
        let e100 = it.new_i64(100);
        let r60 = it.binary_op(&two, BinOp::Pow, &e60).expect("2**60");
        let r100 = it.binary_op(&two, BinOp::Pow, &e100).expect("2**100");
        assert!(
            foldable(BinOp::Pow, &two, &e60, &r60),
            "2**60 fits 128 bits"
        );
        assert!(
            !foldable(BinOp::Pow, &two, &e100, &r100),
            "2**100: 2 bits x 100 > 128"
        );
    }
}
