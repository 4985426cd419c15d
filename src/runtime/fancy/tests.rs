//! Fancy indexing against NumPy's answers: shapes, strides, values and the order of checks.

use super::*;
use crate::runtime::dtype::DType;
use crate::runtime::kernels;

fn ctx() -> Ctx {
    Ctx::for_tests()
}

/// `np.arange(n).reshape(shape)` as int64.
fn arange(ctx: &Ctx, shape: &[usize]) -> Rc<NdArray> {
    let n: usize = shape.iter().product();
    let a = NdArray::zeros(ctx, &[n], DType::INT64, Order::C).unwrap();
    kernels::fill_arange(ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
    let shape: Vec<i128> = shape.iter().map(|&d| d as i128).collect();
    a.reshape(ctx, &shape, OrderArg::C).unwrap()
}

fn ints(values: &[i64]) -> FancyItem {
    FancyItem::Ints {
        values: values.to_vec(),
        shape: vec![values.len()],
        f_order: false,
    }
}

fn all() -> FancyItem {
    FancyItem::Basic(IndexItem::Slice {
        start: None,
        stop: None,
        step: None,
    })
}

fn array(r: Indexed) -> Rc<NdArray> {
    match r {
        Indexed::View(v) => v,
        Indexed::Element(_) => panic!("expected an array"),
    }
}

fn values(a: &NdArray) -> Vec<i64> {
    let mut out = Vec::new();
    a.layout()
        .for_each_offset(|o| out.push(a.element_at(o).unwrap().to_i64_wrapping()));
    out
}

#[test]
fn results_are_laid_out_as_numpys_map_iterator_allocates() {
    // t = np.arange(24).reshape(2, 3, 4); (index, shape, strides, owns data) from NumPy
    let c = ctx();
    let t = arange(&c, &[2, 3, 4]);
    type Case = (Vec<FancyItem>, Vec<usize>, Vec<isize>, bool);
    let cases: Vec<Case> = vec![
        // advanced dims first and kept there: a fresh C array
        (vec![ints(&[0, 1])], vec![2, 3, 4], vec![96, 32, 8], true),
        // separated by a slice: still first, still owned
        (
            vec![ints(&[0, 1]), all(), ints(&[2, 3])],
            vec![2, 3],
            vec![24, 8],
            true,
        ),
        // together after a slice: a transposed view of the allocation (NumPy's consec)
        (
            vec![all(), ints(&[0, 1]), ints(&[2, 3])],
            vec![2, 2],
            vec![8, 16],
            false,
        ),
        (
            vec![all(), all(), ints(&[0, 1])],
            vec![2, 3, 2],
            vec![24, 8, 48],
            false,
        ),
        // an integer counts as advanced for that rule: t[:, 0, [1, 2]] vs t[0, :, [1, 2]]
        (
            vec![all(), FancyItem::Basic(IndexItem::Int(0)), ints(&[1, 2])],
            vec![2, 2],
            vec![8, 16],
            false,
        ),
        (
            vec![FancyItem::Basic(IndexItem::Int(0)), all(), ints(&[1, 2])],
            vec![2, 3],
            vec![24, 8],
            true,
        ),
    ];
    for (items, shape, strides, owns) in cases {
        let r = array(get(&c, &t, &items).unwrap());
        assert_eq!(
            (&*r.shape(), &*r.strides(), r.owns_data()),
            (&shape[..], &strides[..], owns),
            "{items:?}"
        );
    }
    // the subspace keeps the source's memory order: t.T[[0, 1]] is (2, 3, 2) (48, 8, 24)
    let tt = t.transpose(&c, None).unwrap();
    let r = array(get(&c, &tt, &[ints(&[0, 1])]).unwrap());
    assert_eq!(
        (&*r.strides(), values(&r)[..3].to_vec()),
        (&[48, 8, 24][..], vec![0, 12, 4])
    );
}

#[test]
fn checks_come_in_numpys_order() {
    let c = ctx();
    let m = arange(&c, &[3, 4]);
    let mask3 = FancyItem::Bools {
        values: vec![true; 3],
        shape: vec![3],
    };
    let mask2 = FancyItem::Bools {
        values: vec![true; 2],
        shape: vec![2],
    };
    // too many indices before a boolean length mismatch
    let err = get(&c, &m, &[mask2.clone(), all(), all()]).unwrap_err();
    assert_eq!(err, PyError::too_many_indices(2, 3));
    let err = get(&c, &m, &[mask2]).unwrap_err();
    assert_eq!(err, PyError::boolean_index_mismatch(0, 3, 2));
    assert!(get(&c, &m, &[mask3]).is_ok(), "control: matching length");
    // an empty boolean axis is not checked (its nonzero() is empty anyway)
    let none = FancyItem::Bools {
        values: vec![],
        shape: vec![0],
    };
    assert_eq!(&*array(get(&c, &m, &[none]).unwrap()).shape(), &[0, 4]);
    // an integer's bounds (the view) before the index arrays broadcast
    let err = get(
        &c,
        &m,
        &[FancyItem::Basic(IndexItem::Int(9)), ints(&[1, 2])],
    );
    assert_eq!(err.unwrap_err(), PyError::index_out_of_bounds(9, 0, 3));
    // broadcasting before the arrays' bounds
    let err = get(&c, &m, &[ints(&[0, 5]), ints(&[0, 1, 2])]).unwrap_err();
    assert_eq!(
        err,
        PyError::index_shape_mismatch(&["(2,)".into(), "(3,)".into()])
    );
    let err = get(&c, &m, &[ints(&[0, 5]), ints(&[0, 1])]).unwrap_err();
    assert_eq!(err, PyError::index_out_of_bounds(5, 0, 3));
}

#[test]
fn assignment_checks_values_before_bounds_and_keeps_the_last_duplicate() {
    let c = ctx();
    let a = arange(&c, &[4]);
    let three = arange(&c, &[3]);
    let err = set(&c, &a, &[ints(&[0, 9])], &three).unwrap_err();
    assert_eq!(err, PyError::value_shape_mismatch("(3,)", "(2,)"));
    let two = arange(&c, &[2]);
    let err = set(&c, &a, &[ints(&[0, 9])], &two).unwrap_err();
    assert_eq!(
        err,
        PyError::index_out_of_bounds(9, 0, 4),
        "control: shape fits"
    );
    set(&c, &a, &[ints(&[3, 3, 3])], &three).unwrap();
    assert_eq!(values(&a), [0, 1, 2, 2]);
    // a whole-shape mask has its own messages
    let mask = FancyItem::Bools {
        values: vec![true, false, true, false],
        shape: vec![4],
    };
    let err = set(&c, &a, std::slice::from_ref(&mask), &three).unwrap_err();
    assert_eq!(err, PyError::bool_assign_count(3, 2));
    set(&c, &a, &[mask], &two).unwrap();
    assert_eq!(values(&a), [0, 1, 1, 2]);
}

#[test]
fn zero_d_indices() {
    let c = ctx();
    let m = arange(&c, &[3, 4]);
    // a 0-d integer array alone is an integer; beside a slice it forces a copy
    let scalar = FancyItem::Ints {
        values: vec![1],
        shape: vec![],
        f_order: false,
    };
    let r = get(
        &c,
        &m,
        &[scalar.clone(), FancyItem::Basic(IndexItem::Int(2))],
    )
    .unwrap();
    assert!(matches!(r, Indexed::Element(Scalar::Int(6))));
    let row = array(get(&c, &m, &[scalar]).unwrap());
    assert!(row.owns_data(), "a copy, unlike m[1]");
    // a 0-d boolean adds an axis of length 1 (True) or 0 (False)
    let yes = FancyItem::Bools {
        values: vec![true],
        shape: vec![],
    };
    assert_eq!(&*array(get(&c, &m, &[yes]).unwrap()).shape(), &[1, 3, 4]);
    let no = FancyItem::Bools {
        values: vec![false],
        shape: vec![],
    };
    let err = get(&c, &m, &[no, ints(&[1, 2])]).unwrap_err();
    assert_eq!(
        err,
        PyError::index_shape_mismatch(&["(0,)".into(), "(2,)".into()])
    );
}
