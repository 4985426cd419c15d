//! NumPy's ufuncs as rows of the registry: arithmetic, comparison and bitwise ufuncs of two
//! inputs, the unary ones (`negative`, `sqrt`, `exp`, `isnan`...), `matmul`, and the
//! attributes every ufunc has (`nin`, `nout`, `nargs`, `identity`, `__name__`); `dot`, which
//! is not a ufunc but `matmul`'s neighbour.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::*;
use crate::eval::registry::{Bound, Identity, Row};
use crate::runtime::kernels::BinaryOp;

/// The ufuncs arrsh has, their aliases, and the attributes of ufunc objects.
pub const ROWS: &[Row] = &[
    Row::ufunc("numpy.absolute", 1, 1, Identity::None, unary),
    Row::alias("numpy.abs", "numpy.absolute"),
    Row::ufunc("numpy.negative", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.positive", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.invert", 1, 1, Identity::None, unary),
    Row::alias("numpy.bitwise_not", "numpy.invert"),
    Row::ufunc("numpy.square", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.reciprocal", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.conjugate", 1, 1, Identity::None, unary),
    Row::alias("numpy.conj", "numpy.conjugate"),
    Row::ufunc("numpy.sqrt", 1, 1, Identity::None, unary),
    Row::ufunc("numpy.exp", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log2", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.log10", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.sin", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.cos", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.tan", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.floor", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.ceil", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.trunc", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.rint", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.isnan", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.isinf", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.isfinite", 1, 1, Identity::None, float_unary),
    Row::ufunc("numpy.add", 2, 1, Identity::Int(0), binary),
    Row::ufunc("numpy.subtract", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.multiply", 2, 1, Identity::Int(1), binary),
    Row::ufunc("numpy.divide", 2, 1, Identity::None, binary),
    Row::alias("numpy.true_divide", "numpy.divide"),
    Row::ufunc("numpy.floor_divide", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.remainder", 2, 1, Identity::None, binary),
    Row::alias("numpy.mod", "numpy.remainder"),
    Row::ufunc("numpy.power", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.maximum", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.minimum", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.not_equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.less", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.less_equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.greater", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.greater_equal", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.bitwise_and", 2, 1, Identity::Int(-1), binary),
    Row::ufunc("numpy.bitwise_or", 2, 1, Identity::Int(0), binary),
    Row::ufunc("numpy.bitwise_xor", 2, 1, Identity::Int(0), binary),
    Row::ufunc("numpy.left_shift", 2, 1, Identity::None, binary),
    Row::ufunc("numpy.right_shift", 2, 1, Identity::None, binary),
    // a gufunc: no where=, but axes=/axis=/keepdims=
    Row::ufunc("numpy.matmul", 2, 1, Identity::None, matmul).with_sig(
        "(x1, x2, /, out=None, *, axes=<no value>, axis=<no value>, keepdims=False, casting='same_kind', order='K', dtype=None, subok=True, signature=None)",
    ),
    Row::np_py("numpy.dot", "(a, b, out=None)", dot),
    Row::attr("numpy.ufunc", ufunc_type),
    Row::attr("ufunc.nin", ufunc_attr),
    Row::attr("ufunc.nout", ufunc_attr),
    Row::attr("ufunc.nargs", ufunc_attr),
    Row::attr("ufunc.identity", ufunc_attr),
];

/// The options every ufunc takes that arrsh does not honour yet: refused unless left at their
/// defaults (outputs by position too).
fn refuse_options(it: &mut Interp, a: &mut Bound) -> PyResult<()> {
    if a.star.iter().any(|v| !v.is_none()) {
        return Err(PyError::not_implemented(format!(
            "arrsh's {} does not support out=",
            a.func
        )));
    }
    it.refuse_unsupported(
        a,
        &[
            "out",
            "where",
            "casting",
            "order",
            "dtype",
            "subok",
            "signature",
        ],
    )
}

/// `np.negative(x)`, `np.sqrt(x)`... (the kernels' unary operations).
fn unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    refuse_options(it, &mut a)?;
    let x = a.req("x")?;
    let arr = it.to_array(&x, None)?;
    it.numpy_unary(a.func, &arr)
}

/// `np.exp(x)` and the other float ufuncs and predicates of one input.
fn float_unary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    refuse_options(it, &mut a)?;
    let x = a.req("x")?;
    let arr = it.to_array(&x, None)?;
    let r = it.fp_scope(false, a.func, |it| it.float_ufunc(a.func, &arr))?;
    it.wrap_result(r)
}

/// The kernel operation of a binary ufunc, and the operator its messages name.
fn binary_op(name: &str) -> (BinaryOp, &'static str) {
    match name {
        "add" => (BinaryOp::Add, "+"),
        "subtract" => (BinaryOp::Sub, "-"),
        "multiply" => (BinaryOp::Mul, "*"),
        "divide" => (BinaryOp::TrueDiv, "/"),
        "floor_divide" => (BinaryOp::FloorDiv, "//"),
        "remainder" => (BinaryOp::Rem, "%"),
        "power" => (BinaryOp::Pow, "**"),
        "maximum" => (BinaryOp::Maximum, "max"),
        "minimum" => (BinaryOp::Minimum, "min"),
        "equal" => (BinaryOp::Eq, "=="),
        "not_equal" => (BinaryOp::Ne, "!="),
        "less" => (BinaryOp::Lt, "<"),
        "less_equal" => (BinaryOp::Le, "<="),
        "greater" => (BinaryOp::Gt, ">"),
        "greater_equal" => (BinaryOp::Ge, ">="),
        "bitwise_and" => (BinaryOp::BitAnd, "&"),
        "bitwise_or" => (BinaryOp::BitOr, "|"),
        "bitwise_xor" => (BinaryOp::BitXor, "^"),
        "left_shift" => (BinaryOp::LShift, "<<"),
        _ => (BinaryOp::RShift, ">>"),
    }
}

/// `np.add(x1, x2)` and the other ufuncs of two inputs.
fn binary(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    refuse_options(it, &mut a)?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    let (op, sym) = binary_op(a.func);
    let x1 = if matches!(x1, Value::Array(_) | Value::Scalar(_)) {
        x1
    } else {
        Value::Array(it.to_array(&x1, None)?)
    };
    it.numpy_binary(&x1, op, &x2, sym)
}

fn matmul(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    refuse_options(it, &mut a)?;
    it.refuse_unsupported(&mut a, &["axes", "axis", "keepdims"])?;
    let x1 = a.req("x1")?;
    let x2 = a.req("x2")?;
    it.matmul(&x1, &x2)
}

fn dot(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    it.refuse_unsupported(&mut a, &["out"])?;
    let x = a.req("a")?;
    let y = a.req("b")?;
    it.dot_values(&x, &y)
}

fn ufunc_type(it: &mut Interp, _: Bound) -> PyResult<Value> {
    Ok(it.objects.type_object(TypeKind::Record("numpy.ufunc")))
}

/// `ufunc.nin`, `.nout`, `.nargs`, `.identity` of the ufunc `a.this`.
fn ufunc_attr(it: &mut Interp, a: Bound) -> PyResult<Value> {
    let e = match &a.this {
        Value::Builtin(b) => crate::eval::registry::get(b.name),
        _ => None,
    };
    e.and_then(|e| it.ufunc_attr(e, a.func))
        .ok_or_else(|| PyError::no_attribute(&a.this.type_name(), a.func))
}
