//! Sorting checked against NumPy 2.4 (`testdata.rs`, made by `gen_testdata.py`).

use super::testdata::ARGSORT;
use super::*;
use crate::runtime::kernels::elem::{Bool8, F16};

fn kind_of(s: &str) -> SortKind {
    match s {
        "quicksort" | "heapsort" => SortKind::Quick,
        _ => SortKind::Stable,
    }
}

#[test]
fn tie_orders_match_numpy_where_numpy_sorts_itself() {
    let mut bad = Vec::new();
    for &(dt, kind, vals, want) in ARGSORT {
        let k = kind_of(kind);
        let got = match dt {
            "int8" => argsort_values(&vals.iter().map(|&x| x as i8).collect::<Vec<_>>(), k),
            "uint8" => argsort_values(&vals.iter().map(|&x| x as u8).collect::<Vec<_>>(), k),
            "int16" => argsort_values(&vals.iter().map(|&x| x as i16).collect::<Vec<_>>(), k),
            "uint16" => argsort_values(&vals.iter().map(|&x| x as u16).collect::<Vec<_>>(), k),
            "bool" => argsort_values(&vals.iter().map(|&x| Bool8(x as u8)).collect::<Vec<_>>(), k),
            "float16" => argsort_values(
                &vals
                    .iter()
                    .map(|&x| F16(crate::runtime::scalar::f64_to_f16(x)))
                    .collect::<Vec<_>>(),
                k,
            ),
            other => panic!("{other}"),
        };
        if got != want {
            bad.push(format!("{dt} {kind} n={}", vals.len()));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn sorted_values_put_nans_last() {
    let mut v = vec![
        3.0,
        f64::NAN,
        -1.0,
        -0.0,
        f64::NEG_INFINITY,
        2.0,
        -f64::NAN,
        0.5,
    ];
    sort_values(&mut v);
    let shown: Vec<String> = v.iter().map(|x| format!("{x}")).collect();
    assert_eq!(shown, ["-inf", "-1", "-0", "0.5", "2", "3", "NaN", "NaN"]);
    let mut many: Vec<i32> = (0..1000).map(|i| (i * 7919) % 1001 - 500).collect();
    let mut want = many.clone();
    want.sort();
    sort_values(&mut many);
    assert_eq!(many, want, "radix path (1000 values)");
}

#[test]
fn partitions_match_numpy_where_numpy_runs_introselect() {
    use super::testdata::PARTITION;
    use crate::runtime::kernels::elem::C128;
    fn run<T: NpOrd>(v: Vec<T>, kth: &[i64], f: impl Fn(T) -> f64) -> (Vec<usize>, Vec<f64>) {
        let kths = normalize_kths(kth, v.len()).unwrap();
        let t = select_order(&v, &kths);
        let vals = t.iter().map(|&i| f(v[i])).collect();
        (t, vals)
    }
    let mut bad = Vec::new();
    for &(dt, vals, kth, want_idx, want_vals) in PARTITION {
        let (idx, got) = match dt {
            "int8" => run(vals.iter().map(|&x| x as i8).collect(), kth, |x| x as f64),
            "uint8" => run(vals.iter().map(|&x| x as u8).collect(), kth, |x| x as f64),
            "int16" => run(vals.iter().map(|&x| x as i16).collect(), kth, |x| x as f64),
            "uint16" => run(vals.iter().map(|&x| x as u16).collect(), kth, |x| x as f64),
            "int64" => run(vals.iter().map(|&x| x as i64).collect(), kth, |x| x as f64),
            "float64" => run(vals.to_vec(), kth, |x| x),
            "bool" => run(
                vals.iter().map(|&x| Bool8((x != 0.0) as u8)).collect(),
                kth,
                |x| x.0 as f64,
            ),
            "float16" => run(
                vals.iter()
                    .map(|&x| F16(crate::runtime::scalar::f64_to_f16(x)))
                    .collect(),
                kth,
                |x| x.to_f32() as f64,
            ),
            "complex128" => run(
                vals.iter().map(|&x| C128::new(x, 0.0)).collect(),
                kth,
                |x| x.re,
            ),
            other => panic!("{other}"),
        };
        let what = format!("{dt} n={} kth={kth:?}", vals.len());
        if idx != want_idx {
            bad.push(format!("{what}: indices"));
        }
        if let Some(w) = want_vals {
            let same = w
                .iter()
                .zip(&got)
                .all(|(a, b)| a == b || (a.is_nan() && b.is_nan()));
            if !same {
                bad.push(format!("{what}: values"));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn kth_checks_follow_numpy() {
    assert_eq!(
        normalize_kths(&[-1, 0], 5).unwrap(),
        vec![0, 4],
        "sorted, negative from the end"
    );
    assert_eq!(
        normalize_kths(&[5], 5).unwrap_err().to_string(),
        "ValueError: kth(=5) out of bounds (5)"
    );
    assert_eq!(
        normalize_kths(&[-6], 5).unwrap_err().to_string(),
        "ValueError: kth(=-1) out of bounds (5)",
        "NumPy reports the kth after adding the length"
    );
    assert!(normalize_kths(&[4], 5).is_ok(), "control: last index");
}

#[test]
fn histograms_match_numpy() {
    use super::counting::{Bincount, histogram};
    use super::testdata::{Data, histograms};
    for (k, (data, bins, range, weighted, counts, edges, _)) in histograms().into_iter().enumerate()
    {
        let a: Vec<f64> = match data {
            Data::Values(v) => v.to_vec(),
            Data::Golden(n) => (0..n)
                .map(|i| (i as f64 * 0.618033988749895) % 3.0 - 1.0)
                .collect(),
        };
        let w: Vec<f64> = super::counting::linspace(0.1, 2.0, a.len());
        let h = histogram(&a, bins, range, weighted.then_some(w.as_slice())).unwrap();
        let got: Vec<f64> = match h.counts {
            Bincount::Counts(c) => c.iter().map(|&x| x as f64).collect(),
            Bincount::Sums(s) => s,
        };
        assert_eq!(got, counts, "case {k}: counts");
        assert_eq!(h.edges, edges, "case {k}: edges");
    }
}

#[test]
fn digitize_and_bincount_follow_numpy() {
    use super::counting::{Bincount, bincount, digitize};
    // np.digitize([0.2, 6.4, 3.0, 1.6, 10.0], [0., 1., 2.5, 4., 10.]) and right=True
    let x = [0.2, 6.4, 3.0, 1.6, 10.0];
    let b = [0.0, 1.0, 2.5, 4.0, 10.0];
    assert_eq!(digitize(&x, &b, false).unwrap(), [1, 4, 3, 2, 5]);
    assert_eq!(digitize(&x, &b, true).unwrap(), [1, 4, 3, 2, 4]);
    let rb: Vec<f64> = b.iter().rev().copied().collect();
    assert_eq!(
        digitize(&x, &rb, false).unwrap(),
        [4, 1, 2, 3, 0],
        "decreasing bins"
    );
    assert_eq!(
        digitize(&x, &[1.0, 3.0, 2.0], false)
            .unwrap_err()
            .to_string(),
        "ValueError: bins must be monotonically increasing or decreasing"
    );
    let Bincount::Counts(c) = bincount(&[0, 1, 1, 3, 2, 1, 7], None, 0).unwrap() else {
        panic!()
    };
    assert_eq!(c, [1, 3, 1, 1, 0, 0, 0, 1]);
    let Bincount::Counts(c) = bincount(&[1], None, 4).unwrap() else {
        panic!()
    };
    assert_eq!(c, [0, 1, 0, 0], "minlength pads");
    assert_eq!(
        bincount(&[1, -1], None, 0).err().unwrap().to_string(),
        "ValueError: 'list' argument must have no negative elements"
    );
}

fn array_f64(ctx: &Ctx, shape: &[usize], v: &[f64]) -> Rc<NdArray> {
    let a = NdArray::zeros(ctx, shape, DType::FLOAT64, Order::C).unwrap();
    a.buffer().bytes_mut().unwrap()[..v.len() * 8].copy_from_slice(bytemuck::cast_slice(v));
    a
}

fn ints(a: &NdArray) -> Vec<i64> {
    let b = a.buffer().bytes().unwrap();
    let mut v = Vec::new();
    a.layout().for_each_offset(|o| v.push(read::<i64>(&b, o)));
    v
}

fn floats(a: &NdArray) -> Vec<f64> {
    let b = a.buffer().bytes().unwrap();
    let mut v = Vec::new();
    a.layout().for_each_offset(|o| v.push(read::<f64>(&b, o)));
    v
}

#[test]
fn unique_matches_numpy() {
    use super::unique::{UniqueWants, unique, unique_axis};
    let ctx = Ctx::for_tests();
    let n = f64::NAN;
    let a = array_f64(&ctx, &[8], &[3., 1., n, 2., 1., n, 3., 0.]);
    let all = UniqueWants {
        index: true,
        inverse: true,
        counts: true,
        equal_nan: true,
    };
    let r = unique(&ctx, &a, all).unwrap();
    assert_eq!(
        format!("{:?}", floats(&r.values)),
        "[0.0, 1.0, 2.0, 3.0, NaN]"
    );
    assert_eq!(
        ints(&r.index.unwrap()),
        [7, 1, 3, 0, 2],
        "first occurrences"
    );
    assert_eq!(ints(&r.inverse.unwrap()), [3, 1, 4, 2, 1, 4, 3, 0]);
    assert_eq!(ints(&r.counts.unwrap()), [1, 2, 1, 2, 2]);
    let r = unique(
        &ctx,
        &a,
        UniqueWants {
            counts: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        ints(&r.counts.unwrap()),
        [1, 2, 1, 2, 1, 1],
        "equal_nan=False keeps each NaN"
    );
    let m = array_f64(
        &ctx,
        &[4, 3],
        &[1., 0., 2., 0., 5., 1., 1., 0., 2., 0., 5., 0.],
    );
    let r = unique_axis(&ctx, &m, 0, all).unwrap();
    assert_eq!(floats(&r.values), [0., 5., 0., 0., 5., 1., 1., 0., 2.]);
    assert_eq!(&*r.values.shape(), &[3, 3]);
    assert_eq!(ints(&r.index.unwrap()), [3, 1, 0]);
    assert_eq!(ints(&r.inverse.unwrap()), [2, 1, 2, 0]);
    assert_eq!(ints(&r.counts.unwrap()), [1, 1, 2]);
    let r = unique_axis(&ctx, &m, 1, UniqueWants::default()).unwrap();
    // columns (1,0,1,0), (0,5,0,5), (2,1,2,0) sorted: (0,5,0,5), (1,0,1,0), (2,1,2,0)
    assert_eq!(
        floats(&r.values),
        [0., 5., 0., 5., 1., 0., 1., 0., 2., 1., 2., 0.]
    );
}
