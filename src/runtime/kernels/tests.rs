//! Kernel behaviour, table style: each row one operation on small arrays and NumPy's result.

use super::*;
use crate::runtime::Ctx;
use crate::runtime::array::Indexed;
use crate::runtime::index::IndexItem;

fn arange(ctx: &Ctx, n: usize, dt: DType) -> Rc<NdArray> {
    let a = NdArray::zeros(ctx, &[n], dt, Order::C).unwrap();
    fill_arange(ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
    a
}

fn values(a: &NdArray) -> Vec<Scalar> {
    let mut out = vec![];
    a.layout()
        .for_each_offset(|o| out.push(a.element_at(o).unwrap()));
    out
}

fn ints(v: &[i64]) -> Vec<Scalar> {
    v.iter().map(|&x| Scalar::Int(x)).collect()
}

fn view(ctx: &Ctx, a: &Rc<NdArray>, items: &[IndexItem]) -> Rc<NdArray> {
    match a.index_basic(ctx, items).unwrap() {
        Indexed::View(v) => v,
        Indexed::Element(_) => panic!("expected a view"),
    }
}

#[test]
fn arithmetic_follows_numpy_integer_rules() {
    let c = Ctx::for_tests();
    let a = arange(&c, 5, DType::INT64); // [0 1 2 3 4]
    let three = NdArray::zeros(&c, &[], DType::INT64, Order::C).unwrap();
    fill(&c, &three, &Scalar::Int(-3)).unwrap();
    let cases = [
        (BinaryOp::Add, vec![-3, -2, -1, 0, 1]),
        (BinaryOp::Mul, vec![0, -3, -6, -9, -12]),
        (BinaryOp::FloorDiv, vec![0, -1, -1, -1, -2]), // Python floor division
        (BinaryOp::Rem, vec![0, -2, -1, 0, -2]),       // sign of the divisor
    ];
    for (op, want) in cases {
        let r = binary(&c, op, &a, &three, DType::INT64, None)
            .unwrap()
            .unwrap();
        assert_eq!(values(&r), ints(&want), "{op:?}");
    }
    let zero = NdArray::zeros(&c, &[], DType::INT64, Order::C).unwrap();
    let r = binary(&c, BinaryOp::FloorDiv, &a, &zero, DType::INT64, None)
        .unwrap()
        .unwrap();
    assert_eq!(
        values(&r),
        ints(&[0, 0, 0, 0, 0]),
        "numpy: x // 0 is 0 for integers"
    );
}

#[test]
fn wraps_around_in_small_dtypes() {
    let c = Ctx::for_tests();
    let a = arange(&c, 3, DType::UINT8);
    fill(&c, &a, &Scalar::Int(200)).unwrap();
    let r = binary(&c, BinaryOp::Add, &a, &a, DType::UINT8, None)
        .unwrap()
        .unwrap();
    assert_eq!(values(&r), vec![Scalar::UInt(144); 3]);
}

#[test]
fn broadcasting_and_its_error() {
    let c = Ctx::for_tests();
    let col = arange(&c, 3, DType::INT64)
        .reshape(&c, &[3, 1], crate::runtime::OrderArg::C)
        .unwrap();
    let row = arange(&c, 4, DType::INT64);
    let r = binary(&c, BinaryOp::Mul, &col, &row, DType::INT64, None)
        .unwrap()
        .unwrap();
    assert_eq!(&*r.shape(), &[3, 4]);
    assert_eq!(values(&r)[4..8].to_vec(), ints(&[0, 1, 2, 3]));
    let bad = arange(&c, 5, DType::INT64);
    let err = binary(&c, BinaryOp::Add, &row, &bad, DType::INT64, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "ValueError: operands could not be broadcast together with shapes (4,) (5,) "
    );
}

#[test]
fn comparisons_give_bool_and_handle_nan() {
    let c = Ctx::for_tests();
    let a = arange(&c, 3, DType::FLOAT64);
    let nan = NdArray::zeros(&c, &[], DType::FLOAT64, Order::C).unwrap();
    fill(&c, &nan, &Scalar::Float(f64::NAN)).unwrap();
    let r = binary(&c, BinaryOp::Ne, &a, &nan, DType::FLOAT64, None)
        .unwrap()
        .unwrap();
    assert_eq!(r.dtype(), DType::BOOL);
    assert_eq!(values(&r), vec![Scalar::Bool(true); 3]);
}

#[test]
fn assignment_through_views_and_overlap() {
    let c = Ctx::for_tests();
    let a = arange(&c, 6, DType::INT64);
    let evens = view(
        &c,
        &a,
        &[IndexItem::Slice {
            start: None,
            stop: None,
            step: Some(2),
        }],
    );
    let odds = view(
        &c,
        &a,
        &[IndexItem::Slice {
            start: Some(1),
            stop: None,
            step: Some(2),
        }],
    );
    assign(&c, &evens, &odds).unwrap(); // same buffer: copied first
    assert_eq!(values(&a), ints(&[1, 1, 3, 3, 5, 5]));
    let rev = view(
        &c,
        &a,
        &[IndexItem::Slice {
            start: None,
            stop: None,
            step: Some(-1),
        }],
    );
    assign(&c, &a, &rev).unwrap();
    assert_eq!(
        values(&a),
        ints(&[5, 5, 3, 3, 1, 1]),
        "reversed self-assignment sees the old values"
    );
    let f = cast_array(&c, &a, DType::FLOAT32, Order::C).unwrap();
    assert_eq!(values(&f)[0], Scalar::Float(5.0));
    let err = assign(&c, &evens, &arange(&c, 2, DType::INT64)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "ValueError: could not broadcast input array from shape (2,) into shape (3,)"
    );
}

#[test]
fn reductions_and_empty_errors() {
    let c = Ctx::for_tests();
    let a = arange(&c, 10, DType::INT32);
    let s = reduce(&c, ReduceOp::Sum, &a, None, DType::INT64, None).unwrap();
    assert_eq!(values(&s), ints(&[45]));
    let m = a.reshape(&c, &[2, 5], crate::runtime::OrderArg::C).unwrap();
    let s = reduce(&c, ReduceOp::Sum, &m, Some(&[0]), DType::INT64, None).unwrap();
    assert_eq!(values(&s), ints(&[5, 7, 9, 11, 13]));
    let s = reduce(&c, ReduceOp::ArgMax, &m, Some(&[1]), DType::INT32, None).unwrap();
    assert_eq!(values(&s), ints(&[4, 4]));
    let e = arange(&c, 0, DType::INT64);
    let err = reduce(&c, ReduceOp::Min, &e, None, DType::INT64, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "ValueError: zero-size array to reduction operation minimum which has no identity"
    );
    assert!(
        reduce(&c, ReduceOp::Sum, &e, None, DType::INT64, None).is_ok(),
        "control: sum has an identity"
    );
}

#[test]
fn unaligned_views_take_the_bytewise_path() {
    // a uint8 buffer viewed at offset 1 as int16 cannot be typed-viewed: values must still be right
    let c = Ctx::for_tests();
    let a = arange(&c, 9, DType::UINT8);
    let tail = view(
        &c,
        &a,
        &[IndexItem::Slice {
            start: Some(1),
            stop: None,
            step: None,
        }],
    );
    let w = tail.view_dtype(&c, DType::INT16).unwrap();
    let sum = reduce(&c, ReduceOp::Sum, &w, None, DType::INT64, None).unwrap();
    // little-endian pairs (1,2) (3,4) (5,6) (7,8): 513 + 1027 + 1541 + 2055
    assert_eq!(values(&sum), ints(&[5136]));
}

#[test]
fn meaningless_loops_are_internal_errors_never_answers() {
    // (op, compute dtype, refused, why); each refusal sits beside the dtype that has the loop
    let c = Ctx::for_tests();
    let cases = [
        (
            BinaryOp::BitAnd,
            DType::FLOAT64,
            true,
            "no float bitwise loop",
        ),
        (
            BinaryOp::BitAnd,
            DType::INT64,
            false,
            "the integer loop exists",
        ),
        (
            BinaryOp::LShift,
            DType::COMPLEX128,
            true,
            "no complex shift loop",
        ),
        (
            BinaryOp::LShift,
            DType::UINT8,
            false,
            "the unsigned loop exists",
        ),
        (
            BinaryOp::BitXor,
            DType::FLOAT16,
            true,
            "float16 has none either",
        ),
        (
            BinaryOp::BitXor,
            DType::BOOL,
            false,
            "bool has a bitwise loop",
        ),
    ];
    for (op, dt, refused, why) in cases {
        let a = arange(&c, 3, dt);
        let r = binary(&c, op, &a, &a, dt, None);
        assert_eq!(r.as_ref().is_err_and(|e| e.is_internal()), refused, "{why}");
        assert_eq!(r.is_ok(), !refused, "{why}");
    }
    let f = arange(&c, 3, DType::FLOAT64);
    assert!(unary(&c, UnaryOp::Invert, &f).is_err_and(|e| e.is_internal()));
    assert!(unary(&c, UnaryOp::Sqrt, &f).is_ok());
    let i = arange(&c, 3, DType::INT64);
    assert!(unary(&c, UnaryOp::Sqrt, &i).is_err_and(|e| e.is_internal()));
    assert!(unary(&c, UnaryOp::Invert, &i).is_ok());
}
