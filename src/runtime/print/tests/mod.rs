//! The printer against numpy: every row of `cases.rs` and `transcript_cases.rs` (written from
//! numpy 2.4.6 by `gen_cases.py` and `gen_transcript_cases.py`) rebuilt as an array and printed.

mod cases;
mod transcript_cases;

use super::{Elements, PrintOptions, array_repr, array_str, scalar_repr, scalar_str};
use crate::runtime::dtype::DType;
use crate::runtime::scalar::Scalar;

/// An array's elements in C order, or computed from the flat index for arrays too big to hold.
pub(super) enum Values {
    Bool(&'static [bool]),
    Int(&'static [i64]),
    UInt(&'static [u64]),
    Float(&'static [f64]),
    Complex(&'static [(f64, f64)]),
    Bytes(&'static [&'static [u8]]),
    Str(&'static [&'static str]),
    Lazy(fn(usize) -> Scalar),
    /// Only the elements at these sorted flat indices exist: reading any other is a test failure.
    Sparse {
        at: &'static [usize],
        values: &'static Values,
    },
}

impl Values {
    fn at(&self, flat: usize) -> Scalar {
        match self {
            Values::Bool(v) => Scalar::Bool(v[flat]),
            Values::Int(v) => Scalar::Int(v[flat]),
            Values::UInt(v) => Scalar::UInt(v[flat]),
            Values::Float(v) => Scalar::Float(v[flat]),
            Values::Complex(v) => Scalar::Complex(v[flat].0, v[flat].1),
            Values::Bytes(v) => Scalar::Bytes(v[flat].to_vec()),
            Values::Str(v) => Scalar::Str(v[flat].to_string()),
            Values::Lazy(f) => f(flat),
            Values::Sparse { at, values } => match at.binary_search(&flat) {
                Ok(pos) => values.at(pos),
                Err(_) => panic!("element {flat} is not printed, so the printer must not read it"),
            },
        }
    }
}

pub(super) struct ArrayCase {
    pub why: &'static str,
    /// numpy's `dtype.str`.
    pub dtype: &'static str,
    pub shape: &'static [usize],
    pub values: Values,
    /// Changes from the default options (numpy's defaults with `legacy='1.25'`).
    pub opts: fn(&mut PrintOptions),
    pub repr: &'static str,
    pub str: &'static str,
}

pub(super) struct ScalarCase {
    pub why: &'static str,
    pub dtype: &'static str,
    pub value: Values,
    pub repr_125: &'static str,
    pub str_125: &'static str,
    /// Under `legacy=False`, numpy 2's default.
    pub repr: &'static str,
    pub str: &'static str,
}

/// The seed's `tri.view('S3')`: row `i` holds bytes `i..i+3` of a 2**28-byte buffer whose ends
/// are the seed's bytes; the middle is filler that is never printed.
pub(super) fn trigram_row(i: usize) -> Scalar {
    const N: usize = 1 << 28;
    const HEAD: [u8; 5] = [0x9d, 0x42, 0xeb, 0x55, 0xa4];
    const TAIL: [u8; 5] = [0x2d, 0xcb, 0x4d, 0x97, 0x6f];
    let byte = |j: usize| match j {
        _ if j < 5 => HEAD[j],
        _ if j >= N - 5 => TAIL[j - (N - 5)],
        _ => (j % 251) as u8,
    };
    let row = [byte(i), byte(i + 1), byte(i + 2)];
    Scalar::decode(DType::bytes(3), &row)
}

/// The test double: a shape, a dtype and the values, with a count of `get` calls.
struct TestArray<'a> {
    dtype: DType,
    shape: &'a [usize],
    values: &'a Values,
    reads: std::cell::Cell<usize>,
}

impl Elements for TestArray<'_> {
    fn dtype(&self) -> DType {
        self.dtype
    }
    fn shape(&self) -> &[usize] {
        self.shape
    }
    fn get(&self, index: &[usize]) -> Scalar {
        assert_eq!(index.len(), self.shape.len(), "one index per axis");
        let flat = index.iter().zip(self.shape).fold(0, |acc, (&i, &n)| {
            assert!(i < n, "index {i} out of range for axis of length {n}");
            acc * n + i
        });
        self.reads.set(self.reads.get() + 1);
        self.values.at(flat)
    }
}

/// The tables' base options: numpy's defaults with `legacy='1.25'` (the cases were recorded
/// that way; a row's `opts` sets `legacy = None` for numpy 2's printing).
fn legacy_125() -> PrintOptions {
    PrintOptions {
        legacy: Some(125),
        ..PrintOptions::default()
    }
}

fn options(change: fn(&mut PrintOptions)) -> PrintOptions {
    let mut o = legacy_125();
    change(&mut o);
    o
}

fn check_arrays(table: &[ArrayCase]) {
    let mut failures = Vec::new();
    for case in table {
        let dtype = DType::parse(case.dtype).unwrap_or_else(|e| panic!("{}: {e}", case.why));
        let a = TestArray {
            dtype,
            shape: case.shape,
            values: &case.values,
            reads: Default::default(),
        };
        let opts = options(case.opts);
        let (r, s) = (array_repr(&a, &opts), array_str(&a, &opts));
        if r != case.repr {
            failures.push(format!(
                "{}: repr\n--- numpy\n{}\n--- arrsh\n{r}",
                case.why, case.repr
            ));
        }
        if s != case.str {
            failures.push(format!(
                "{}: str\n--- numpy\n{}\n--- arrsh\n{s}",
                case.why, case.str
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn check_scalars(table: &[ScalarCase]) {
    let legacy_false = PrintOptions {
        legacy: None,
        ..legacy_125()
    };
    let mut failures = Vec::new();
    for case in table {
        let dtype = DType::parse(case.dtype).unwrap_or_else(|e| panic!("{}: {e}", case.why));
        let v = case.value.at(0);
        let got = [
            scalar_repr(dtype, &v, &legacy_125()),
            scalar_str(dtype, &v, &legacy_125()),
            scalar_repr(dtype, &v, &legacy_false),
            scalar_str(dtype, &v, &legacy_false),
        ];
        let want = [case.repr_125, case.str_125, case.repr, case.str];
        for (label, (g, w)) in ["repr 1.25", "str 1.25", "repr", "str"]
            .iter()
            .zip(got.iter().zip(want))
        {
            if g != w {
                failures.push(format!("{} ({label}): numpy {w:?}, arrsh {g:?}", case.why));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn arrays_print_as_numpy_does() {
    check_arrays(cases::ARRAYS);
}

#[test]
fn scalars_print_as_numpy_does() {
    check_scalars(cases::SCALARS);
}

#[test]
fn transcript_arrays_print_as_numpy_does() {
    check_arrays(transcript_cases::ARRAYS);
}

#[test]
fn transcript_scalars_print_as_numpy_does() {
    check_scalars(transcript_cases::SCALARS);
}

#[test]
fn summaries_read_only_the_printed_corners() {
    // np.arange(2**28).reshape(2**14, 2**14): 6 x 6 corners, each read once to size the
    // format and once to print it
    let shape = [1 << 14, 1 << 14];
    let values = Values::Lazy(|i| Scalar::Int(i as i64));
    let a = TestArray {
        dtype: DType::INT64,
        shape: &shape,
        values: &values,
        reads: Default::default(),
    };
    let text = array_repr(&a, &legacy_125());
    assert!(
        text.starts_with("array([[        0,         1,         2, ..., "),
        "{text}"
    );
    assert_eq!(a.reads.get(), 2 * 36);
}

#[test]
fn random_float_scalars_match_numpy_and_cpython() {
    let legacy_false = PrintOptions {
        legacy: None,
        ..legacy_125()
    };
    let mut failures = Vec::new();
    for &(dtype, x, str_125, repr, py_repr) in cases::FLOAT_SCALARS {
        let dt = DType::parse(dtype).unwrap_or_else(|e| panic!("{dtype}: {e}"));
        let v = Scalar::Float(x);
        let got = (
            scalar_str(dt, &v, &legacy_125()),
            scalar_repr(dt, &v, &legacy_false),
        );
        if got != (str_125.to_string(), repr.to_string()) {
            failures.push(format!(
                "{dtype} {x:e}: numpy ({str_125:?}, {repr:?}), arrsh {got:?}"
            ));
        }
        if super::python_float_repr(x) != py_repr {
            failures.push(format!(
                "{x:e}: CPython {py_repr:?}, arrsh {:?}",
                super::python_float_repr(x)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn extreme_options_do_not_panic() {
    let floats = Values::Float(&[1.0 / 3.0, -1e-300, f64::NAN, 1e300]);
    let ints = Values::Int(&[i64::MIN, 0, i64::MAX, 5]);
    let complexes = Values::Complex(&[(1.0, -1.0), (f64::INFINITY, 0.5), (0.0, 0.0), (-0.0, 1e-9)]);
    let arrays = [
        (DType::FLOAT32, &floats),
        (DType::FLOAT16, &floats),
        (DType::INT64, &ints),
        (DType::COMPLEX64, &complexes),
    ];
    let tweaks: [fn(&mut PrintOptions); 5] = [
        |o| (o.precision, o.floatmode) = (usize::MAX, super::FloatMode::Fixed),
        |o| (o.linewidth, o.edgeitems, o.threshold) = (usize::MAX, usize::MAX, 0),
        |o| (o.linewidth, o.threshold, o.edgeitems) = (0, 0, 0),
        |o| (o.sign, o.suppress, o.nanstr) = (' ', true, String::new()),
        |o| (o.sign, o.legacy, o.infstr) = ('+', Some(0), "∞".into()),
    ];
    for tweak in tweaks {
        for (dtype, values) in arrays {
            let a = TestArray {
                dtype,
                shape: &[2, 2],
                values,
                reads: Default::default(),
            };
            let opts = options(tweak);
            assert!(array_repr(&a, &opts).starts_with("array(["));
            assert!(array_str(&a, &opts).starts_with('['));
        }
    }
}
