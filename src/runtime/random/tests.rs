//! The streams checked against NumPy 2.4's own draws (`testdata.rs`, made by
//! `gen_testdata.py`): several seeds, sizes, dtypes and ranges per generator.

use super::testdata::*;
use super::*;
use crate::runtime::dtype::DType;

fn fnv(words: impl IntoIterator<Item = u64>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        h ^= w;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn doubles<B: BitGen>(bg: &mut B, n: usize) -> Vec<u64> {
    let mut v = vec![0.0; n];
    uniform_fill(bg, 0.0, 1.0, &mut v);
    v.iter().map(|x| x.to_bits()).collect()
}

fn pcg(words: &[u32]) -> Pcg64 {
    Pcg64::from_seed_sequence(&SeedSequence::new(&int_to_words(words)))
}

#[test]
fn mt19937_integer_seeds_match_numpy() {
    for &(seed, words, dbl, big) in MT_SEEDS {
        let mut mt = Mt19937::from_u32(seed);
        let got: Vec<u64> = (0..6).map(|_| mt.next_u32() as u64).collect();
        assert_eq!(got, words, "raw words, seed {seed}");
        assert_eq!(
            doubles(&mut Mt19937::from_u32(seed), 6),
            dbl,
            "doubles, seed {seed}"
        );
        // tomaxint: a 64-bit draw shifted right once; pins which word is the high half
        let mut mt = Mt19937::from_u32(seed);
        let got: Vec<u64> = (0..3).map(|_| mt.next_u64() >> 1).collect();
        assert_eq!(got, big, "64-bit draws, seed {seed}");
    }
}

#[test]
fn mt19937_array_seeds_match_numpy() {
    for &(key, dbl) in MT_ARRAY_SEEDS {
        assert_eq!(
            doubles(&mut Mt19937::from_words(key), 4),
            dbl,
            "key {key:?}"
        );
    }
    let long: Vec<u32> = (0..700).collect();
    assert_eq!(
        doubles(&mut Mt19937::from_words(&long), 4),
        MT_LONG_KEY,
        "key longer than 624"
    );
    assert_ne!(
        doubles(&mut Mt19937::from_words(&[0]), 4),
        doubles(&mut Mt19937::from_u32(0), 4),
        "control: [0] and 0 seed differently"
    );
}

#[test]
fn bounded_integers_match_numpy_for_every_dtype() {
    for &(legacy, seed, dt, lo, hi, hash, first) in RANDINT {
        let dtype = DType::parse(dt).unwrap();
        let b = BoundedInts::new(dtype, lo, hi, false).unwrap();
        let mut out = vec![0u8; 1000 * dtype.itemsize];
        if legacy {
            randint(&mut Mt19937::from_u32(seed), dtype, b, true, &mut out);
        } else {
            randint(&mut pcg(&[seed]), dtype, b, false, &mut out);
        }
        let vals: Vec<u64> = out
            .chunks_exact(dtype.itemsize)
            .map(|c| {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                let u = u64::from_le_bytes(w);
                // sign-extend signed dtypes as NumPy's astype(int64) does
                let bits = 8 * c.len() as u32;
                if dtype.kind == crate::runtime::Kind::Int && bits < 64 {
                    (((u << (64 - bits)) as i64) >> (64 - bits)) as u64
                } else {
                    u
                }
            })
            .collect();
        let what = format!("legacy={legacy} seed={seed} {dt} [{lo}, {hi})");
        assert_eq!(&vals[..8], &first, "{what}");
        assert_eq!(fnv(vals.iter().copied()), hash, "{what}");
    }
}

#[test]
fn bounded_integer_checks_in_numpy_order() {
    // (dtype, low, high, message) — each refusal next to an accepted neighbour
    let cases: &[(DType, i128, i128, Option<&str>)] = &[
        (
            DType::INT8,
            -129,
            0,
            Some("ValueError: low is out of bounds for int8"),
        ),
        (DType::INT8, -128, 0, None),
        (
            DType::INT8,
            0,
            129,
            Some("ValueError: high is out of bounds for int8"),
        ),
        (DType::INT8, 0, 128, None),
        (DType::INT64, 0, 0, Some("ValueError: high <= 0")),
        (DType::INT64, 5, 5, Some("ValueError: low >= high")),
        (DType::INT64, 5, 6, None),
        (
            DType::UINT8,
            -1,
            300,
            Some("ValueError: low is out of bounds for uint8"),
        ),
    ];
    for &(dt, lo, hi, msg) in cases {
        let r = BoundedInts::new(dt, lo, hi, false);
        match msg {
            Some(m) => assert_eq!(r.unwrap_err().to_string(), m, "{dt:?} {lo} {hi}"),
            None => assert!(r.is_ok(), "{dt:?} {lo} {hi}"),
        }
    }
    assert_eq!(
        BoundedInts::new(DType::INT64, 0, -1, true)
            .unwrap_err()
            .to_string(),
        "ValueError: high < 0",
        "closed interval wording"
    );
}

#[test]
fn legacy_gauss_keeps_its_second_value_across_calls() {
    for &(seed, expect, hash) in LEGACY_GAUSS {
        let mut mt = Mt19937::from_u32(seed);
        let mut g = Gauss::default();
        let mut a = vec![0.0; 3];
        let mut b = vec![0.0; 2];
        let mut c = vec![0.0; 3];
        legacy_gauss_fill(&mut mt, &mut g, 0.0, 1.0, &mut a);
        legacy_gauss_fill(&mut mt, &mut g, 0.0, 1.0, &mut b);
        legacy_gauss_fill(&mut mt, &mut g, 10.0, 2.5, &mut c);
        let got: Vec<u64> = a.iter().chain(&b).chain(&c).map(|x| x.to_bits()).collect();
        assert_eq!(got, expect, "seed {seed}");
        let mut many = vec![0.0; 100_001];
        legacy_gauss_fill(
            &mut Mt19937::from_u32(seed),
            &mut Gauss::default(),
            0.0,
            1.0,
            &mut many,
        );
        assert_eq!(
            fnv(many.iter().map(|x| x.to_bits())),
            hash,
            "seed {seed}, 1e5 draws"
        );
    }
}

#[test]
fn legacy_shuffles_and_choices_match_numpy() {
    for &(seed, perm, ch, chn, hash) in LEGACY_SHUFFLE {
        let mut p: Vec<i64> = (0..12).collect();
        fisher_yates(&mut Mt19937::from_u32(seed), &mut p);
        assert_eq!(
            p.iter().map(|&x| x as u64).collect::<Vec<_>>(),
            perm,
            "seed {seed}"
        );
        // choice(10, 6): randint(0, 10, 6) with the masked method
        let mut out = vec![0u8; 48];
        let b = BoundedInts::new(DType::INT64, 0, 10, false).unwrap();
        randint(
            &mut Mt19937::from_u32(seed),
            DType::INT64,
            b,
            true,
            &mut out,
        );
        let got: Vec<u64> = out
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(got, ch, "choice, seed {seed}");
        // choice(10, 6, replace=False): permutation(10)[:6]
        let mut p: Vec<i64> = (0..10).collect();
        fisher_yates(&mut Mt19937::from_u32(seed), &mut p);
        assert_eq!(
            p[..6].iter().map(|&x| x as u64).collect::<Vec<_>>(),
            chn,
            "seed {seed}"
        );
        let mut big: Vec<i64> = (0..100_000).collect();
        fisher_yates(&mut Mt19937::from_u32(seed), &mut big);
        assert_eq!(
            fnv(big.iter().map(|&x| x as u64)),
            hash,
            "permutation(1e5), seed {seed}"
        );
    }
}

#[test]
fn seed_sequence_matches_numpy() {
    for &(entropy, state) in SEED_SEQ {
        assert_eq!(
            SeedSequence::new(entropy).generate_state_u64(4),
            state,
            "{entropy:?}"
        );
    }
    assert_eq!(
        int_to_words(&[5, 0, 0]),
        vec![5],
        "high zero words are not entropy"
    );
    assert_eq!(int_to_words(&[]), vec![0], "zero is one word");
}

#[test]
fn pcg64_streams_match_numpy() {
    for &(words, raw, dbl, hash, first, nrm) in PCG {
        let mut g = pcg(words);
        let got: Vec<u64> = (0..4).map(|_| g.next_u64()).collect();
        assert_eq!(got, raw, "raw, seed words {words:?}");
        assert_eq!(doubles(&mut pcg(words), 4), dbl, "doubles {words:?}");
        let mut many = vec![0.0; 200_001];
        standard_normal_fill(&mut pcg(words), 0.0, 1.0, &mut many);
        let got: Vec<u64> = many[..4].iter().map(|x| x.to_bits()).collect();
        assert_eq!(got, first, "first normals {words:?}");
        assert_eq!(
            fnv(many.iter().map(|x| x.to_bits())),
            hash,
            "2e5 normals {words:?}"
        );
        let mut v = vec![0.0; 4];
        standard_normal_fill(&mut pcg(words), 3.0, 0.5, &mut v);
        assert_eq!(
            v.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            nrm,
            "normal(3, .5)"
        );
    }
}

#[test]
fn generator_shuffles_and_choices_match_numpy() {
    for &(seed, perm, ch, chn, floyd_noshuffle, tail, bigp) in GEN_SHUFFLE {
        let mut p: Vec<i64> = (0..12).collect();
        fisher_yates(&mut pcg(&[seed]), &mut p);
        assert_eq!(
            p.iter().map(|&x| x as u64).collect::<Vec<_>>(),
            perm,
            "seed {seed}"
        );
        let mut out = vec![0u8; 48];
        let b = BoundedInts::new(DType::INT64, 0, 10, false).unwrap();
        randint(&mut pcg(&[seed]), DType::INT64, b, false, &mut out);
        let got: Vec<u64> = out
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(got, ch, "choice, seed {seed}");
        let got = floyd_sample(&mut pcg(&[seed]), 10, 6, true);
        assert_eq!(
            got.iter().map(|&x| x as u64).collect::<Vec<_>>(),
            chn,
            "floyd, seed {seed}"
        );
        let got = floyd_sample(&mut pcg(&[seed]), 1000, 20, false);
        assert_eq!(
            fnv(got.iter().map(|&x| x as u64)),
            floyd_noshuffle,
            "floyd unshuffled"
        );
        let got = tail_shuffle_sample(&mut pcg(&[seed]), 20000, 1000);
        assert_eq!(
            fnv(got.iter().map(|&x| x as u64)),
            tail,
            "tail shuffle, seed {seed}"
        );
        let mut big: Vec<i64> = (0..100_000).collect();
        fisher_yates(&mut pcg(&[seed]), &mut big);
        assert_eq!(
            fnv(big.iter().map(|&x| x as u64)),
            bigp,
            "permutation(1e5), seed {seed}"
        );
    }
}

#[test]
fn array_shuffles_take_the_same_draws_in_every_layout() {
    use crate::runtime::array::Indexed;
    use crate::runtime::index::IndexItem;
    use crate::runtime::layout::{Order, OrderArg};
    use crate::runtime::{Ctx, NdArray, Scalar};
    let ctx = Ctx::for_tests();
    let values = |a: &NdArray| -> Vec<i64> {
        let mut v = Vec::new();
        a.layout()
            .for_each_offset(|o| match a.element_at(o).unwrap() {
                Scalar::Int(x) => v.push(x),
                other => panic!("{other:?}"),
            });
        v
    };
    // rows of a 2-d array move like the elements of arange(4)
    let a = NdArray::zeros(&ctx, &[12], DType::INT64, Order::C).unwrap();
    crate::runtime::kernels::fill_arange(&ctx, &a, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
    let m = a.reshape(&ctx, &[4, 3], OrderArg::C).unwrap();
    shuffle_array(&mut Mt19937::from_u32(7), &m).unwrap();
    let mut rows: Vec<i64> = (0..4).collect();
    fisher_yates(&mut Mt19937::from_u32(7), &mut rows);
    let want: Vec<i64> = rows
        .iter()
        .flat_map(|r| (0..3).map(move |c| r * 3 + c))
        .collect();
    assert_eq!(values(&m), want, "2-d rows");
    // a strided 1-d view (the byte-wise path) and a contiguous one (the typed path) agree
    let b = NdArray::zeros(&ctx, &[20], DType::INT32, Order::C).unwrap();
    crate::runtime::kernels::fill_arange(&ctx, &b, &Scalar::Int(0), &Scalar::Int(1)).unwrap();
    let step2 = IndexItem::Slice {
        start: None,
        stop: None,
        step: Some(2),
    };
    let Indexed::View(v) = b.index_basic(&ctx, &[step2]).unwrap() else {
        panic!()
    };
    shuffle_array(&mut pcg(&[3]), &v).unwrap();
    let mut want: Vec<i64> = (0..10).map(|i| 2 * i).collect();
    fisher_yates(&mut pcg(&[3]), &mut want);
    assert_eq!(values(&v), want, "strided view");
    assert_eq!(
        values(&b)
            .iter()
            .skip(1)
            .step_by(2)
            .copied()
            .collect::<Vec<_>>(),
        (0..10).map(|i| 2 * i + 1).collect::<Vec<_>>(),
        "odd elements untouched"
    );
}
