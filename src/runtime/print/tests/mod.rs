//! The printer against numpy: every case in `cases.jsonl` and `transcript_cases.jsonl` (written
//! from numpy 2.4.6 by `gen_cases.py` and `gen_transcript_cases.py`; one JSON object per line)
//! rebuilt as an array and printed.

use serde_json::Value as Json;

use super::{Elements, FloatMode, PrintOptions, array_repr, array_str, scalar_repr, scalar_str};
use crate::runtime::dtype::DType;
use crate::runtime::scalar::Scalar;

const CASES: &str = include_str!("cases.jsonl");
const TRANSCRIPT_CASES: &str = include_str!("transcript_cases.jsonl");

/// An array's elements in C order, or computed from the flat index for arrays too big to hold.
enum Values {
    Bool(Vec<bool>),
    Int(Vec<i64>),
    UInt(Vec<u64>),
    Float(Vec<f64>),
    Complex(Vec<(f64, f64)>),
    Bytes(Vec<Vec<u8>>),
    Str(Vec<String>),
    Lazy(fn(usize) -> Scalar),
    /// Only the elements at these sorted flat indices exist: reading any other is a test failure.
    Sparse {
        at: Vec<usize>,
        values: Box<Values>,
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
            Values::Bytes(v) => Scalar::Bytes(v[flat].clone()),
            Values::Str(v) => Scalar::Str(v[flat].clone()),
            Values::Lazy(f) => f(flat),
            Values::Sparse { at, values } => match at.binary_search(&flat) {
                Ok(pos) => values.at(pos),
                Err(_) => panic!("element {flat} is not printed, so the printer must not read it"),
            },
        }
    }

    /// The generators' encoding: `{"int": [...]}`, `{"sparse": {"at": [...], "values": ...}}`,
    /// `{"lazy": name}` (see [`lazy`]); non-finite floats are "nan", "inf" and "-inf".
    fn from_json(v: &Json) -> Values {
        let (kind, items) = v
            .as_object()
            .and_then(|o| o.iter().next())
            .unwrap_or_else(|| panic!("values must be a one-key object: {v}"));
        let list = || {
            items
                .as_array()
                .unwrap_or_else(|| panic!("{kind}: not a list"))
        };
        match kind.as_str() {
            "bool" => Values::Bool(list().iter().map(|x| x.as_bool().unwrap()).collect()),
            "int" => Values::Int(list().iter().map(|x| x.as_i64().unwrap()).collect()),
            "uint" => Values::UInt(list().iter().map(|x| x.as_u64().unwrap()).collect()),
            "float" => Values::Float(list().iter().map(float).collect()),
            "complex" => Values::Complex(
                list()
                    .iter()
                    .map(|z| (float(&z[0]), float(&z[1])))
                    .collect(),
            ),
            "bytes" => Values::Bytes(
                list()
                    .iter()
                    .map(|b| {
                        b.as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_u64().unwrap() as u8)
                            .collect()
                    })
                    .collect(),
            ),
            "str" => Values::Str(list().iter().map(|s| text(s).to_string()).collect()),
            "lazy" => Values::Lazy(lazy(text(items))),
            "sparse" => Values::Sparse {
                at: items["at"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i.as_u64().unwrap() as usize)
                    .collect(),
                values: Box::new(Values::from_json(&items["values"])),
            },
            _ => panic!("unknown values kind {kind}"),
        }
    }
}

fn float(x: &Json) -> f64 {
    match x.as_str() {
        Some("nan") => f64::NAN,
        Some("inf") => f64::INFINITY,
        Some("-inf") => f64::NEG_INFINITY,
        _ => x.as_f64().unwrap_or_else(|| panic!("not a float: {x}")),
    }
}

fn text(x: &Json) -> &str {
    x.as_str().unwrap_or_else(|| panic!("not a string: {x}"))
}

/// The arrays too big to write out, by the name `gen_cases.py` gives each.
fn lazy(name: &str) -> fn(usize) -> Scalar {
    match name {
        "i" => |i| Scalar::Int(i as i64),
        "i - 2500" => |i| Scalar::Int(i as i64 - 2500),
        "i, 10**9 at 1000" => |i| Scalar::Int(if i == 1000 { 1_000_000_000 } else { i as i64 }),
        "i / 7" => |i| Scalar::Float(i as f64 / 7.0),
        "i % 3 == 0" => |i| Scalar::Bool(i % 3 == 0),
        "complex(i, -i / 2)" => |i| Scalar::Complex(i as f64, 0.0 - i as f64 / 2.0),
        "trigram_row" => trigram_row,
        _ => panic!("no lazy array named {name:?}"),
    }
}

struct ArrayCase {
    why: String,
    /// numpy's `dtype.str`.
    dtype: String,
    shape: Vec<usize>,
    values: Values,
    /// numpy's defaults with `legacy='1.25'` and the case's changes.
    opts: PrintOptions,
    repr: String,
    str: String,
}

struct ScalarCase {
    why: String,
    dtype: String,
    value: Values,
    repr_125: String,
    str_125: String,
    /// Under `legacy=False`, numpy 2's default.
    repr: String,
    str: String,
}

/// The lines of a cases file whose `"case"` is `kind`.
fn rows<'a>(file: &'a str, kind: &'a str) -> impl Iterator<Item = Json> + 'a {
    file.lines()
        .map(|line| serde_json::from_str::<Json>(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .filter(move |row| row["case"] == kind)
}

fn array_cases(file: &str) -> Vec<ArrayCase> {
    rows(file, "array")
        .map(|r| ArrayCase {
            why: text(&r["why"]).into(),
            dtype: text(&r["dtype"]).into(),
            shape: r["shape"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap() as usize)
                .collect(),
            values: Values::from_json(&r["values"]),
            opts: options(&r["opts"]),
            repr: text(&r["repr"]).into(),
            str: text(&r["str"]).into(),
        })
        .collect()
}

fn scalar_cases(file: &str) -> Vec<ScalarCase> {
    rows(file, "scalar")
        .map(|r| ScalarCase {
            why: text(&r["why"]).into(),
            dtype: text(&r["dtype"]).into(),
            value: Values::from_json(&r["value"]),
            repr_125: text(&r["repr_125"]).into(),
            str_125: text(&r["str_125"]).into(),
            repr: text(&r["repr"]).into(),
            str: text(&r["str"]).into(),
        })
        .collect()
}

/// The seed's `tri.view('S3')`: row `i` holds bytes `i..i+3` of a 2**28-byte buffer whose ends
/// are the seed's bytes; the middle is filler that is never printed.
fn trigram_row(i: usize) -> Scalar {
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

/// The base options with a case's changes: `{"precision": 3, "floatmode": "fixed", ...}`.
fn options(changes: &Json) -> PrintOptions {
    let mut o = legacy_125();
    let size = |v: &Json| v.as_u64().unwrap() as usize;
    for (key, v) in changes.as_object().unwrap() {
        match key.as_str() {
            "precision" => o.precision = size(v),
            "threshold" => o.threshold = size(v) as f64,
            "edgeitems" => o.edgeitems = size(v),
            "linewidth" => o.linewidth = size(v),
            "suppress" => o.suppress = v.as_bool().unwrap(),
            "sign" => o.sign = text(v).chars().next().unwrap(),
            "floatmode" => o.floatmode = FloatMode::parse(text(v)).unwrap(),
            "nanstr" => o.nanstr = text(v).into(),
            "infstr" => o.infstr = text(v).into(),
            "legacy" => o.legacy = v.as_u64().map(|l| l as u32),
            _ => panic!("unknown print option {key}"),
        }
    }
    o
}

fn check_arrays(file: &str) {
    let table = array_cases(file);
    assert!(!table.is_empty(), "no array cases");
    let mut failures = Vec::new();
    for case in &table {
        let dtype = DType::parse(&case.dtype).unwrap_or_else(|e| panic!("{}: {e}", case.why));
        let a = TestArray {
            dtype,
            shape: &case.shape,
            values: &case.values,
            reads: Default::default(),
        };
        let opts = &case.opts;
        let (r, s) = (array_repr(&a, opts), array_str(&a, opts));
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

fn check_scalars(file: &str) {
    let table = scalar_cases(file);
    assert!(!table.is_empty(), "no scalar cases");
    let legacy_false = PrintOptions {
        legacy: None,
        ..legacy_125()
    };
    let mut failures = Vec::new();
    for case in &table {
        let dtype = DType::parse(&case.dtype).unwrap_or_else(|e| panic!("{}: {e}", case.why));
        let v = case.value.at(0);
        let got = [
            scalar_repr(dtype, &v, &legacy_125()),
            scalar_str(dtype, &v, &legacy_125()),
            scalar_repr(dtype, &v, &legacy_false),
            scalar_str(dtype, &v, &legacy_false),
        ];
        let want = [&case.repr_125, &case.str_125, &case.repr, &case.str];
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
    check_arrays(CASES);
}

#[test]
fn scalars_print_as_numpy_does() {
    check_scalars(CASES);
}

#[test]
fn transcript_arrays_print_as_numpy_does() {
    check_arrays(TRANSCRIPT_CASES);
}

#[test]
fn transcript_scalars_print_as_numpy_does() {
    check_scalars(TRANSCRIPT_CASES);
}

#[test]
fn summaries_read_only_the_printed_corners() {
    // np.arange(2**28).reshape(2**14, 2**14): 6 x 6 corners, each read once to size the
    // format and once to print it
    let shape = [1 << 14, 1 << 14];
    let values = Values::Lazy(lazy("i"));
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
    let table: Vec<Json> = rows(CASES, "float_scalar").collect();
    assert!(!table.is_empty(), "no float scalar cases");
    for row in &table {
        let (dtype, x) = (text(&row["dtype"]), float(&row["value"]));
        let (str_125, repr, py_repr) = (
            text(&row["str_125"]),
            text(&row["repr"]),
            text(&row["py_repr"]),
        );
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
    let floats = Values::Float(vec![1.0 / 3.0, -1e-300, f64::NAN, 1e300]);
    let ints = Values::Int(vec![i64::MIN, 0, i64::MAX, 5]);
    let complexes = Values::Complex(vec![
        (1.0, -1.0),
        (f64::INFINITY, 0.5),
        (0.0, 0.0),
        (-0.0, 1e-9),
    ]);
    let arrays = [
        (DType::FLOAT32, &floats),
        (DType::FLOAT16, &floats),
        (DType::INT64, &ints),
        (DType::COMPLEX64, &complexes),
    ];
    let tweaks: [fn(&mut PrintOptions); 5] = [
        |o| (o.precision, o.floatmode) = (usize::MAX, super::FloatMode::Fixed),
        |o| (o.linewidth, o.edgeitems, o.threshold) = (usize::MAX, usize::MAX, 0.0),
        |o| (o.linewidth, o.threshold, o.edgeitems) = (0, 0.0, 0),
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
            let mut opts = legacy_125();
            tweak(&mut opts);
            assert!(array_repr(&a, &opts).starts_with("array(["));
            assert!(array_str(&a, &opts).starts_with('['));
        }
    }
}
