//! Structured and void elements (arrayprint's `StructuredVoidFormat`, `SubArrayFormat` and
//! `_void_scalar_to_string`): one formatter per field, sized over that field's printed values.

use super::PrintOptions;
use super::format::{ElementFormat, float_width};
use crate::runtime::dtype::{DType, Kind};
use crate::runtime::scalar::Scalar;
use crate::runtime::structured::Field;

/// One field's formatter and where its bytes are.
#[derive(Clone, Debug)]
pub(super) struct FieldFormat {
    dtype: DType,
    shape: Vec<usize>,
    offset: usize,
    format: ElementFormat,
}

/// The values of `field` in each element of `data` (a subarray field's values one after
/// another, in C order).
fn field_values(field: &Field, data: &[Scalar]) -> Vec<Scalar> {
    let isz = field.dtype.itemsize;
    let count: usize = field.shape.iter().product();
    let mut out = Vec::with_capacity(data.len() * count);
    for v in data {
        if let Scalar::Void(bytes) = v {
            for k in 0..count {
                let at = field.offset + k * isz;
                if let Some(b) = bytes.get(at..at + isz) {
                    out.push(Scalar::decode(field.dtype, b));
                }
            }
        }
    }
    out
}

/// `StructuredVoidFormat.from_data`: per field, the format `data[name]` would print with.
/// `float_str` is the void scalar's `float_kind=str` (NumPy 2's scalar repr and str).
pub(super) fn struct_format(
    dtype: DType,
    data: &[Scalar],
    is_0d: bool,
    float_str: bool,
    opts: &PrintOptions,
) -> ElementFormat {
    let Some(fields) = dtype.fields() else {
        return ElementFormat::RawVoid;
    };
    let formats = fields
        .fields
        .iter()
        .map(|f| {
            let values = field_values(f, data);
            let format = if float_str && f.dtype.kind == Kind::Float {
                ElementFormat::FloatStr(float_width(f.dtype))
            } else if f.dtype.fields().is_some() {
                struct_format(
                    f.dtype,
                    &values,
                    is_0d && f.shape.is_empty(),
                    float_str,
                    opts,
                )
            } else {
                ElementFormat::for_data(f.dtype, &values, is_0d && f.shape.is_empty(), opts)
            };
            FieldFormat {
                dtype: f.dtype,
                shape: f.shape.clone(),
                offset: f.offset,
                format,
            }
        })
        .collect();
    ElementFormat::Struct(formats)
}

/// `StructuredVoidFormat.__call__`: `(1.5, 7)`, a one-field record as `(2,)`.
pub(super) fn format_struct(formats: &[FieldFormat], v: &Scalar) -> String {
    let Scalar::Void(bytes) = v else {
        return String::new();
    };
    let parts: Vec<String> = formats
        .iter()
        .map(|f| {
            let isz = f.dtype.itemsize;
            let one = |at: usize| {
                bytes
                    .get(at..at + isz)
                    .map(|b| f.format.format(&Scalar::decode(f.dtype, b)))
                    .unwrap_or_default()
            };
            if f.shape.is_empty() {
                one(f.offset)
            } else {
                subarray(&f.shape, f.offset, isz, &one)
            }
        })
        .collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

/// `SubArrayFormat`: nested `[a, b, c]` lists (no summarising: subarrays are small).
fn subarray(shape: &[usize], offset: usize, isz: usize, one: &dyn Fn(usize) -> String) -> String {
    let Some((&n, rest)) = shape.split_first() else {
        return one(offset);
    };
    let step = isz * rest.iter().product::<usize>();
    let items: Vec<String> = (0..n)
        .map(|i| subarray(rest, offset + i * step, isz, one))
        .collect();
    format!("[{}]", items.join(", "))
}

/// An unstructured void element: `b'\x00\x22'` with every byte escaped, as NumPy prints them.
pub(super) fn raw_void(v: &Scalar) -> String {
    let bytes = v.to_bytes();
    let mut s = String::with_capacity(3 + 4 * bytes.len());
    s.push_str("b'");
    for b in bytes {
        s.push_str(&format!("\\x{b:02X}"));
    }
    s.push('\'');
    s
}
