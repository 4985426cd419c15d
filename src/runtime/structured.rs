//! Structured dtypes: named fields at byte offsets inside one element (`[('x', '<f8'), ('y',
//! '<i4')]`), packed or `align=True`, with subarray fields; NumPy's reprs of them (`_dtype.py`:
//! `_struct_list_str`, `_struct_dict_str`, `_is_packed`).
//!
//! Fields are interned: a structured `DType` holds a `&'static Fields`, so `DType` stays `Copy`.
//! The intern table is process-wide but invisible (nothing about it is printed, and equal
//! fields give equal dtypes whichever thread made them first).

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use super::dtype::{DType, Kind};
use crate::error::{PyError, PyResult, shape_str};

/// One field: its name, element dtype, subarray shape (empty for a plain field) and byte offset
/// inside the structure.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub dtype: DType,
    pub shape: Vec<usize>,
    pub offset: usize,
}

impl Field {
    /// Bytes the field covers (`dtype.itemsize` times its subarray's size).
    pub fn nbytes(&self) -> usize {
        self.dtype.itemsize * self.shape.iter().product::<usize>()
    }
}

/// The fields of a structured dtype, in `names` order. Invariants:
/// 1. every field lies inside `itemsize` (`offset + nbytes <= itemsize`);
/// 2. names are unique;
/// 3. `alignment` is the largest field alignment (meaningful when `aligned`).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Fields {
    pub fields: Vec<Field>,
    pub itemsize: usize,
    /// Made with `align=True` (`dtype.isalignedstruct`).
    pub aligned: bool,
    pub alignment: usize,
}

fn intern(f: Fields) -> &'static Fields {
    static TABLE: OnceLock<Mutex<HashSet<&'static Fields>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| Mutex::new(HashSet::new()));
    let mut t = table.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&known) = t.get(&f) {
        return known;
    }
    let leaked: &'static Fields = Box::leak(Box::new(f));
    t.insert(leaked);
    leaked
}

fn round_up(offset: usize, align: usize) -> usize {
    offset.div_ceil(align.max(1)) * align.max(1)
}

/// One field as a user describes it: name, element dtype, subarray shape.
pub type FieldSpec = (String, DType, Vec<usize>);

impl Fields {
    pub fn get(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// `np.dtype([(name, format[, shape]), ...], align=...)`: fields one after another, each
    /// rounded up to its alignment when `align` (and the whole to the largest one). Empty names
    /// become `f0`, `f1`... as NumPy names them.
    pub fn from_list(specs: Vec<FieldSpec>, align: bool) -> PyResult<DType> {
        let mut fields = Vec::with_capacity(specs.len());
        let (mut offset, mut max_align) = (0usize, 1usize);
        for (i, (name, dtype, shape)) in specs.into_iter().enumerate() {
            let name = if name.is_empty() {
                format!("f{i}")
            } else {
                name
            };
            if fields.iter().any(|f: &Field| f.name == name) {
                return Err(PyError::field_occurs_twice(&name));
            }
            if align {
                offset = round_up(offset, dtype.alignment());
                max_align = max_align.max(dtype.alignment());
            }
            let f = Field {
                name,
                dtype,
                shape,
                offset,
            };
            offset += f.nbytes();
            fields.push(f);
        }
        Ok(Fields::finish(fields, offset, align, max_align))
    }

    /// `np.dtype({'names': ..., 'formats': ..., 'offsets': ..., 'itemsize': ...})`: offsets
    /// given (or packed when absent), the itemsize at least the end of the last field.
    pub fn from_dict(
        specs: Vec<FieldSpec>,
        offsets: Option<Vec<usize>>,
        itemsize: Option<usize>,
        align: bool,
    ) -> PyResult<DType> {
        let Some(offsets) = offsets else {
            let packed = Fields::from_list(specs, align)?;
            return match itemsize {
                Some(n) => Fields::with_itemsize(packed, n),
                None => Ok(packed),
            };
        };
        let mut fields: Vec<Field> = Vec::with_capacity(specs.len());
        let mut max_align = 1;
        for ((name, dtype, shape), offset) in specs.into_iter().zip(offsets) {
            if fields.iter().any(|f| f.name == name) {
                return Err(PyError::field_occurs_twice(&name));
            }
            max_align = max_align.max(dtype.alignment());
            fields.push(Field {
                name,
                dtype,
                shape,
                offset,
            });
        }
        let end = fields
            .iter()
            .map(|f| f.offset + f.nbytes())
            .max()
            .unwrap_or(0);
        let size = itemsize.unwrap_or(end);
        if size < end {
            return Err(PyError::struct_itemsize_too_small(size, end));
        }
        Ok(Fields::finish(fields, size, align, max_align))
    }

    /// The builders' common tail: with `align` the itemsize rounds up to the largest field
    /// alignment (invariant 3 names it), then the fields are interned.
    fn finish(fields: Vec<Field>, size: usize, align: bool, max_align: usize) -> DType {
        let itemsize = if align {
            round_up(size, max_align)
        } else {
            size
        };
        DType::structured(intern(Fields {
            fields,
            itemsize,
            aligned: align,
            alignment: max_align,
        }))
    }

    fn with_itemsize(dt: DType, n: usize) -> PyResult<DType> {
        let Some(f) = dt.fields() else {
            return Ok(dt);
        };
        if n < f.itemsize {
            return Err(PyError::struct_itemsize_too_small(n, f.itemsize));
        }
        let fields = f
            .fields
            .iter()
            .map(|x| Field {
                name: x.name.clone(),
                dtype: x.dtype,
                shape: x.shape.clone(),
                offset: x.offset,
            })
            .collect();
        Ok(DType::structured(intern(Fields {
            fields,
            itemsize: n,
            aligned: f.aligned,
            alignment: f.alignment,
        })))
    }

    /// The dtype of `a[['y', 'x']]`: the named fields at their old offsets, the same itemsize
    /// (NumPy ≥ 1.16's multi-field view). `Err(name)` names a field that does not exist.
    pub fn select(&self, names: &[String]) -> Result<DType, String> {
        let mut fields = Vec::with_capacity(names.len());
        for n in names {
            let f = self.get(n).ok_or_else(|| n.clone())?;
            fields.push(Field {
                name: f.name.clone(),
                dtype: f.dtype,
                shape: f.shape.clone(),
                offset: f.offset,
            });
        }
        Ok(DType::structured(intern(Fields {
            fields,
            itemsize: self.itemsize,
            aligned: false,
            alignment: self.alignment,
        })))
    }

    /// `_is_packed`: fields in order, each right after the previous (aligned when the struct is),
    /// nothing after the last; such a dtype prints as a list of fields.
    fn is_packed(&self) -> bool {
        let (mut total, mut max_align) = (0usize, 1usize);
        for f in &self.fields {
            if self.aligned {
                total = round_up(total, f.dtype.alignment());
                max_align = max_align.max(f.dtype.alignment());
            }
            if f.offset != total {
                return false;
            }
            total += f.nbytes();
        }
        if self.aligned {
            total = round_up(total, max_align);
        }
        total == self.itemsize
    }

    /// A field's format as the reprs write it: `'<f8'`, or `'u1', (3,)` for a subarray.
    fn field_format(f: &Field) -> String {
        let base = f.dtype.construction_repr(true);
        if f.shape.is_empty() {
            base
        } else {
            format!("{base}, {}", shape_str(&f.shape))
        }
    }

    /// `_struct_str`: the list form when packed (and the aligned flag need not show), else the
    /// dict form with names, formats, offsets and itemsize.
    pub fn struct_str(&self, include_align: bool) -> String {
        if !(include_align && self.aligned) && self.is_packed() {
            let items: Vec<String> = self
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "({}, {})",
                        super::print::str_repr(&f.name),
                        Fields::field_format(f)
                    )
                })
                .collect();
            return format!("[{}]", items.join(", "));
        }
        let names: Vec<String> = self
            .fields
            .iter()
            .map(|f| super::print::str_repr(&f.name))
            .collect();
        let formats: Vec<String> = self
            .fields
            .iter()
            .map(|f| {
                if f.shape.is_empty() {
                    f.dtype.construction_repr(true)
                } else {
                    format!("({})", Fields::field_format(f))
                }
            })
            .collect();
        let offsets: Vec<String> = self.fields.iter().map(|f| f.offset.to_string()).collect();
        let aligned = if include_align && self.aligned {
            ", 'aligned': True"
        } else {
            ""
        };
        format!(
            "{{'names': [{}], 'formats': [{}], 'offsets': [{}], 'itemsize': {}{aligned}}}",
            names.join(", "),
            formats.join(", "),
            offsets.join(", "),
            self.itemsize
        )
    }

    /// What goes inside `dtype(...)`: the struct without the flag, then `, align=True`.
    pub fn repr(&self) -> String {
        let s = self.struct_str(false);
        if self.aligned {
            format!("{s}, align=True")
        } else {
            s
        }
    }
}

/// `np.dtype('i4, f8')`, `np.dtype('3i4, (2,2)f8')`: fields `f0`, `f1`... of the comma-separated
/// Whether two structured (or void) dtypes have a common dtype, as NumPy 2's void promotion
/// decides it: the same field names in the same order, subarray fields of the same shape, and
/// fields that promote in turn; unstructured voids of one size. (The common dtype itself is
/// not built: its only user, comparison, needs the answer.)
pub fn have_common_dtype(a: DType, b: DType) -> bool {
    match (a.fields(), b.fields()) {
        (Some(fa), Some(fb)) => {
            fa.fields.len() == fb.fields.len()
                && fa.fields.iter().zip(&fb.fields).all(|(x, y)| {
                    x.name == y.name && x.shape == y.shape && have_common_dtype(x.dtype, y.dtype)
                })
        }
        (None, None) if a.is_void() && b.is_void() => a.itemsize == b.itemsize,
        (None, None) => super::dtype::promote(a, b).is_some(),
        _ => false,
    }
}

/// formats, each with an optional leading shape.
pub fn parse_comma(spec: &str) -> PyResult<DType> {
    let not_understood = || PyError::data_type_not_understood(&format!("'{spec}'"));
    let mut specs = Vec::new();
    for (i, part) in spec.split(',').enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (shape, body) = leading_shape(part).ok_or_else(not_understood)?;
        let dt = DType::parse(body).map_err(|_| not_understood())?;
        if dt.kind == Kind::Void && dt.fields().is_some() {
            return Err(not_understood());
        }
        specs.push((format!("f{i}"), dt, shape));
    }
    Fields::from_list(specs, false)
}

/// `3i4` → `([3], "i4")`, `(2,3)f8` → `([2, 3], "f8")`, `f8` → `([], "f8")`.
fn leading_shape(part: &str) -> Option<(Vec<usize>, &str)> {
    if let Some(rest) = part.strip_prefix('(') {
        let close = rest.find(')')?;
        let dims: Option<Vec<usize>> = rest[..close]
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| d.parse().ok())
            .collect();
        return Some((dims?, rest[close + 1..].trim()));
    }
    let digits = part.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Some((vec![], part));
    }
    Some((vec![part[..digits].parse().ok()?], &part[digits..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs(list: &[(&str, &str)]) -> Vec<FieldSpec> {
        list.iter()
            .map(|(n, f)| (n.to_string(), DType::parse(f).unwrap(), vec![]))
            .collect()
    }

    /// Which pairs `==` may compare (NumPy 2.4.6: `np.result_type` of the two dtypes).
    #[test]
    fn common_dtypes_need_the_same_names_and_promotable_fields() {
        let dt = |l: &[(&str, &str)]| Fields::from_list(specs(l), false).unwrap();
        let base = dt(&[("x", "i4"), ("y", "f8")]);
        let cases = [
            (dt(&[("x", "i8"), ("y", "f4")]), true, "fields promote"),
            (dt(&[("p", "i4"), ("q", "f8")]), false, "other names"),
            (dt(&[("y", "f8"), ("x", "i4")]), false, "other order"),
            (dt(&[("x", "i4")]), false, "fewer fields"),
            (dt(&[("x", "i4"), ("y", "U2")]), false, "a number and text"),
            (DType::void(12), false, "unstructured"),
        ];
        for (other, want, why) in cases {
            assert_eq!(have_common_dtype(base, other), want, "{why}");
        }
        assert!(have_common_dtype(DType::void(4), DType::void(4)));
        assert!(!have_common_dtype(DType::void(4), DType::void(8)));
    }

    #[test]
    fn offsets_itemsize_and_reprs_follow_numpy() {
        // (fields, align, itemsize, repr) as NumPy 2.4 prints them
        let cases = [
            (
                &[("x", "f8"), ("y", "i4")][..],
                false,
                12,
                "dtype([('x', '<f8'), ('y', '<i4')])",
            ),
            (
                &[("x", "f8"), ("y", "i4")][..],
                true,
                16,
                "dtype([('x', '<f8'), ('y', '<i4')], align=True)",
            ),
            (
                &[("a", "i1"), ("b", "i4")][..],
                true,
                8,
                "dtype([('a', 'i1'), ('b', '<i4')], align=True)",
            ),
            (
                &[("", "f8"), ("", "?")][..],
                false,
                9,
                "dtype([('f0', '<f8'), ('f1', '?')])",
            ),
        ];
        for (list, align, size, repr) in cases {
            let dt = Fields::from_list(specs(list), align).unwrap();
            assert_eq!((dt.itemsize, dt.repr().as_str()), (size, repr), "{list:?}");
        }
    }

    #[test]
    fn aligned_struct_str_is_the_dict_form() {
        let dt = Fields::from_list(specs(&[("x", "f8"), ("y", "i4")]), true).unwrap();
        assert_eq!(
            dt.str_form(),
            "{'names': ['x', 'y'], 'formats': ['<f8', '<i4'], 'offsets': [0, 8], 'itemsize': 16, 'aligned': True}"
        );
        let packed = Fields::from_list(specs(&[("x", "f8"), ("y", "i4")]), false).unwrap();
        assert_eq!(packed.str_form(), "[('x', '<f8'), ('y', '<i4')]", "control");
    }

    #[test]
    fn duplicate_names_are_refused() {
        let err = Fields::from_list(specs(&[("x", "f8"), ("x", "i4")]), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: field 'x' occurs more than once"
        );
        assert!(Fields::from_list(specs(&[("x", "f8"), ("y", "i4")]), false).is_ok());
    }

    #[test]
    fn comma_strings_name_fields_f0_f1() {
        let dt = DType::parse("3i4, f8").unwrap();
        assert_eq!(dt.repr(), "dtype([('f0', '<i4', (3,)), ('f1', '<f8')])");
        assert_eq!(dt.itemsize, 20);
    }
}
