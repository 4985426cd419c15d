//! NumPy data types: kind, itemsize and byte order; names, `dtype.str`, parsing of every common
//! spelling (`'i4'`, `'<u2'`, `'float64'`, `'S3'`, `'c'`, `'V8'`, `'i4, f8'`), and NEP 50 type
//! promotion. Structured dtypes' fields live in `structured`.

use super::datetime::TimeUnit;
use super::structured::Fields;
use crate::error::{PyError, PyResult};

/// The family of a dtype; with `itemsize` and byte order it names the dtype completely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Bool,
    Int,
    UInt,
    Float,
    Complex,
    /// `S<n>`: raw bytes, NUL-padded.
    Bytes,
    /// `U<n>`: UCS-4 code points, 4 bytes each.
    Str,
    /// `V<n>`: raw bytes, or a structured dtype when `meta` holds fields.
    Void,
    /// `M8[unit]`: an int64 count of `unit`s since 1970-01-01 (`runtime::datetime`).
    Datetime,
    /// `m8[unit]`: an int64 count of `unit`s.
    Timedelta,
}

/// What a dtype carries besides kind and size: a structured dtype's fields (interned, so the
/// dtype stays `Copy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Meta {
    None,
    Fields(&'static Fields),
    /// The unit of a datetime64/timedelta64, with its count (`[15m]`).
    Time(TimeUnit),
}

/// A dtype. Invariants:
/// 1. `itemsize` is one of the sizes NumPy has for numeric kinds;
/// 2. `big_endian` is false for 1-byte numbers, bool and bytes (their byte order is `|`);
/// 3. `explicit_little` is set only on little-endian dtypes with a byte order.
///
/// `explicit_little` is NumPy's `'<'` as opposed to `'='`: both are native here and compare
/// equal, but a dtype made by `newbyteorder()` keeps `'<'` in its `byteorder` and repr
/// (`dtype('<i4')`, where `np.dtype('<i4')` itself is `dtype('int32')`). Equality and hashing
/// ignore it, as NumPy's do.
/// 4. `meta` is `Fields` only for `Void`, and `Time` exactly for `Datetime`/`Timedelta`
///    (whose itemsize is 8).
/// 5. `record` is set only on structured dtypes: NumPy's `dtype((numpy.record, [...]))`, the
///    dtype a recarray gives its structure, whose scalars are `numpy.record` rather than
///    `numpy.void`. Like `explicit_little` it changes the repr, not the dtype: equality and
///    hashing ignore it, as NumPy's do (`np.dtype((np.record, dt)) == dt`).
/// 6. `longlong` is set only on 8-byte integers: NumPy's second C type of that size on
///    Linux x86-64, `long long` (`'q'`/`'Q'`, type numbers 9/10, scalar type
///    `numpy.longlong`), beside `long` (`'l'`/`'L'`, `numpy.int64`). Both are int64 to every
///    computation; the flag changes `char`, `num`, the scalar type, the buffer format and
///    whether an array repr names its dtype. Equality and hashing ignore it, as NumPy's do
///    (`np.dtype('q') == np.dtype('l')`). Arrsh models no other duplicate C types (`'p'` is
///    `'l'` in NumPy too).
#[derive(Clone, Copy, Debug)]
pub struct DType {
    pub kind: Kind,
    pub itemsize: usize,
    pub big_endian: bool,
    pub explicit_little: bool,
    pub meta: Meta,
    pub record: bool,
    pub longlong: bool,
}

impl PartialEq for DType {
    fn eq(&self, o: &DType) -> bool {
        (self.kind, self.itemsize, self.big_endian, self.meta)
            == (o.kind, o.itemsize, o.big_endian, o.meta)
    }
}
impl Eq for DType {}
impl std::hash::Hash for DType {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.kind, self.itemsize, self.big_endian, self.meta).hash(h);
    }
}

impl DType {
    pub const BOOL: DType = DType::native(Kind::Bool, 1);
    pub const INT8: DType = DType::native(Kind::Int, 1);
    pub const INT16: DType = DType::native(Kind::Int, 2);
    pub const INT32: DType = DType::native(Kind::Int, 4);
    pub const INT64: DType = DType::native(Kind::Int, 8);
    pub const UINT8: DType = DType::native(Kind::UInt, 1);
    pub const UINT16: DType = DType::native(Kind::UInt, 2);
    pub const UINT32: DType = DType::native(Kind::UInt, 4);
    pub const UINT64: DType = DType::native(Kind::UInt, 8);
    pub const FLOAT16: DType = DType::native(Kind::Float, 2);
    pub const FLOAT32: DType = DType::native(Kind::Float, 4);
    pub const FLOAT64: DType = DType::native(Kind::Float, 8);
    pub const COMPLEX64: DType = DType::native(Kind::Complex, 8);
    pub const COMPLEX128: DType = DType::native(Kind::Complex, 16);
    /// `'q'`: int64 as C `long long` (invariant 6).
    pub const LONGLONG: DType = DType {
        longlong: true,
        ..DType::INT64
    };
    /// `'Q'`: uint64 as C `unsigned long long`.
    pub const ULONGLONG: DType = DType {
        longlong: true,
        ..DType::UINT64
    };

    pub const fn native(kind: Kind, itemsize: usize) -> DType {
        DType {
            kind,
            itemsize,
            big_endian: false,
            explicit_little: false,
            meta: Meta::None,
            record: false,
            longlong: false,
        }
    }
    pub const fn bytes(n: usize) -> DType {
        DType::native(Kind::Bytes, n)
    }
    pub const fn unicode(chars: usize) -> DType {
        DType::native(Kind::Str, chars * 4)
    }
    /// `V<n>`: unstructured raw bytes.
    pub const fn void(n: usize) -> DType {
        DType::native(Kind::Void, n)
    }
    /// A structured dtype over interned fields.
    pub fn structured(fields: &'static Fields) -> DType {
        DType {
            meta: Meta::Fields(fields),
            ..DType::void(fields.itemsize)
        }
    }

    /// `datetime64[unit]`.
    pub const fn datetime(unit: TimeUnit) -> DType {
        DType {
            meta: Meta::Time(unit),
            ..DType::native(Kind::Datetime, 8)
        }
    }
    /// `timedelta64[unit]`.
    pub const fn timedelta(unit: TimeUnit) -> DType {
        DType {
            meta: Meta::Time(unit),
            ..DType::native(Kind::Timedelta, 8)
        }
    }
    /// The unit of a datetime64/timedelta64 dtype.
    pub fn time_unit(self) -> Option<TimeUnit> {
        match self.meta {
            Meta::Time(u) => Some(u),
            _ => None,
        }
    }
    pub fn is_time(self) -> bool {
        matches!(self.kind, Kind::Datetime | Kind::Timedelta)
    }

    /// The fields of a structured dtype.
    pub fn fields(self) -> Option<&'static Fields> {
        match self.meta {
            Meta::Fields(f) => Some(f),
            _ => None,
        }
    }
    pub fn is_void(self) -> bool {
        self.kind == Kind::Void
    }
    /// Whether a structured dtype has a field of this name.
    pub fn has_field(self, name: &str) -> bool {
        self.fields().is_some_and(|f| f.get(name).is_some())
    }
    /// The same dtype with `numpy.record` as its scalar type when it is structured (invariant
    /// 5; a recarray's `dtype` setter), or with `numpy.void` back (`record == false`).
    pub fn with_record(self, record: bool) -> DType {
        DType {
            record: record && self.fields().is_some(),
            ..self
        }
    }

    /// `dtype.alignment`: the C alignment of the element (an aligned struct: its largest
    /// field's; a packed struct and raw void: 1).
    pub fn alignment(self) -> usize {
        match self.kind {
            Kind::Complex => self.itemsize / 2,
            Kind::Bytes | Kind::Void => match self.fields() {
                Some(f) if f.aligned => f.alignment,
                _ => 1,
            },
            Kind::Str => 4,
            _ => self.itemsize.max(1),
        }
    }

    /// Whether byte order is meaningful for this dtype (NumPy prints `|` otherwise).
    pub fn has_byteorder(self) -> bool {
        match self.kind {
            Kind::Bool | Kind::Bytes | Kind::Void => false,
            Kind::Int | Kind::UInt => self.itemsize > 1,
            Kind::Float | Kind::Complex | Kind::Str | Kind::Datetime | Kind::Timedelta => true,
        }
    }

    /// `dtype.isnative`; a structured dtype is native when all its fields are.
    pub fn is_native(self) -> bool {
        match self.fields() {
            Some(f) => f.fields.iter().all(|x| x.dtype.is_native()),
            None => !self.big_endian,
        }
    }
    pub fn to_native(self) -> DType {
        DType {
            big_endian: false,
            explicit_little: false,
            ..self
        }
    }
    /// `newbyteorder('>')`-style: only meaningful kinds keep the flag (invariant 2).
    pub fn with_big_endian(self, big: bool) -> DType {
        DType {
            big_endian: big && self.has_byteorder(),
            explicit_little: false,
            ..self
        }
    }

    /// `dtype.newbyteorder(order)` with order one of `'S'` (swap), `'<'`, `'>'`, `'='`, `'|'`
    /// (already normalised from NumPy's spellings). Swapping a native dtype gives `'>'`;
    /// swapping `'>'` gives an explicit `'<'` (NumPy's `NPY_NATBYTE`), as does asking for `'<'`.
    pub fn new_byte_order(self, order: char) -> DType {
        if !self.has_byteorder() {
            return self;
        }
        let (big, explicit) = match order {
            'S' if self.big_endian => (false, true),
            'S' => (true, false),
            '>' => (true, false),
            '<' => (false, true),
            '=' => (false, false),
            _ => return self,
        };
        DType {
            big_endian: big,
            explicit_little: explicit,
            ..self
        }
    }

    /// Whether elements are numbers (decoded from their bytes as such): not text, raw or
    /// structured bytes.
    pub fn is_numeric(self) -> bool {
        !matches!(self.kind, Kind::Bytes | Kind::Str | Kind::Void)
    }
    pub fn is_flexible(self) -> bool {
        matches!(self.kind, Kind::Bytes | Kind::Str)
    }
    pub fn is_integer(self) -> bool {
        matches!(self.kind, Kind::Int | Kind::UInt)
    }
    pub fn is_inexact(self) -> bool {
        matches!(self.kind, Kind::Float | Kind::Complex)
    }

    /// The kind character of `dtype.kind`.
    pub fn kind_char(self) -> char {
        match self.kind {
            Kind::Bool => 'b',
            Kind::Int => 'i',
            Kind::UInt => 'u',
            Kind::Float => 'f',
            Kind::Complex => 'c',
            Kind::Bytes => 'S',
            Kind::Str => 'U',
            Kind::Void => 'V',
            Kind::Datetime => 'M',
            Kind::Timedelta => 'm',
        }
    }

    /// `dtype.char` (Linux x86-64: int64 is `'l'`).
    pub fn char(self) -> char {
        match (self.kind, self.itemsize) {
            (Kind::Bool, _) => '?',
            (Kind::Int, 1) => 'b',
            (Kind::Int, 2) => 'h',
            (Kind::Int, 4) => 'i',
            (Kind::Int, _) if self.longlong => 'q',
            (Kind::Int, _) => 'l',
            (Kind::UInt, 1) => 'B',
            (Kind::UInt, 2) => 'H',
            (Kind::UInt, 4) => 'I',
            (Kind::UInt, _) if self.longlong => 'Q',
            (Kind::UInt, _) => 'L',
            (Kind::Float, 2) => 'e',
            (Kind::Float, 4) => 'f',
            (Kind::Float, _) => 'd',
            (Kind::Complex, 8) => 'F',
            (Kind::Complex, _) => 'D',
            (Kind::Bytes, _) => 'S',
            (Kind::Str, _) => 'U',
            (Kind::Void, _) => 'V',
            (Kind::Datetime, _) => 'M',
            (Kind::Timedelta, _) => 'm',
        }
    }

    pub fn byteorder_char(self) -> char {
        if !self.has_byteorder() {
            '|'
        } else if self.big_endian {
            '>'
        } else {
            '<'
        }
    }

    /// `dtype.byteorder`: `'='` for native, `'|'` when not applicable, `'>'` for swapped,
    /// `'<'` when spelled out by `newbyteorder` (invariant 3).
    pub fn byteorder_attr(self) -> char {
        if !self.has_byteorder() {
            '|'
        } else if self.big_endian {
            '>'
        } else if self.explicit_little {
            '<'
        } else {
            '='
        }
    }

    /// `dtype.str`, e.g. `'<i8'`, `'|S3'`, `'<U3'`, `'>f4'`, `'|V12'`, `'<M8[D]'`.
    pub fn str(self) -> String {
        let n = if self.kind == Kind::Str {
            self.itemsize / 4
        } else {
            self.itemsize
        };
        format!(
            "{}{}{}{}",
            self.byteorder_char(),
            self.kind_char(),
            n,
            self.unit_suffix()
        )
    }

    /// `[D]` of `datetime64[D]`; nothing for the generic unit and for other kinds.
    fn unit_suffix(self) -> String {
        self.time_unit().map_or(String::new(), TimeUnit::bracketed)
    }

    /// `dtype.name`, e.g. `int64`, `bool`, `bytes24`, `str96`.
    pub fn name(self) -> String {
        match self.kind {
            Kind::Bool => "bool".into(),
            Kind::Int => format!("int{}", self.itemsize * 8),
            Kind::UInt => format!("uint{}", self.itemsize * 8),
            Kind::Float => format!("float{}", self.itemsize * 8),
            Kind::Complex => format!("complex{}", self.itemsize * 8),
            Kind::Bytes => format!("bytes{}", self.itemsize * 8),
            Kind::Str => format!("str{}", self.itemsize * 8),
            Kind::Void if self.record => format!("record{}", self.itemsize * 8),
            Kind::Void => format!("void{}", self.itemsize * 8),
            Kind::Datetime => format!("datetime64{}", self.unit_suffix()),
            Kind::Timedelta => format!("timedelta64{}", self.unit_suffix()),
        }
    }

    /// The same dtype as the C type NumPy names by its size (`'q'` as `'l'`, invariant 6).
    pub fn sized(self) -> DType {
        DType {
            longlong: false,
            ..self
        }
    }
    /// Whether two equal dtypes are also the same C type (`'q'` is not `'l'`), for the
    /// objects that must tell them apart (`np.dtype('q') is np.dtype('l')` is False).
    pub fn is_same_c_type(self, o: DType) -> bool {
        self == o && self.longlong == o.longlong
    }

    /// The NumPy scalar type's name: `int64`, `bool`, `bytes_`, `str_`.
    pub fn scalar_type_name(self) -> String {
        match self.kind {
            Kind::Bytes => "bytes_".into(),
            Kind::Str => "str_".into(),
            Kind::Void if self.record => "record".into(),
            Kind::Void => "void".into(),
            Kind::Datetime => "datetime64".into(),
            Kind::Timedelta => "timedelta64".into(),
            Kind::Int if self.longlong => "longlong".into(),
            Kind::UInt if self.longlong => "ulonglong".into(),
            _ => self.to_native().name(),
        }
    }

    /// `repr(dtype)`: `dtype('int64')`, `dtype('S3')`, `dtype('<U3')`, `dtype('>i4')`,
    /// `dtype([('x', '<f8'), ('y', '<i4')])`, `dtype('<M8[D]')`.
    pub fn repr(self) -> String {
        if let Some(f) = self.fields() {
            if self.record {
                return format!("dtype((numpy.record, {}))", f.repr());
            }
            return format!("dtype({})", f.repr());
        }
        format!("dtype('{}')", self.repr_inner())
    }

    /// NumPy's `_scalar_str(dtype, short)`: a field's format in a structured repr (`'<f8'`,
    /// `'?'`, `'S3'`), or the long form of a top-level repr (`'float64'`).
    pub fn construction_repr(self, short: bool) -> String {
        if let Some(f) = self.fields() {
            return f.struct_str(false);
        }
        match self.kind {
            Kind::Bool => if short { "'?'" } else { "'bool'" }.into(),
            Kind::Int | Kind::UInt | Kind::Float | Kind::Complex
                if short || self.big_endian || self.explicit_little =>
            {
                let order = if self.has_byteorder() {
                    self.byteorder_char().to_string()
                } else {
                    String::new()
                };
                format!("'{order}{}{}'", self.kind_char(), self.itemsize)
            }
            _ => format!("'{}'", self.repr_inner()),
        }
    }

    fn repr_inner(self) -> String {
        match self.kind {
            Kind::Void if self.itemsize == 0 => "V".into(),
            Kind::Void => format!("V{}", self.itemsize),
            // the unsized flexible dtypes print without a size: dtype('S'), dtype('<U')
            Kind::Bytes if self.itemsize == 0 => "S".into(),
            Kind::Str if self.itemsize == 0 => format!("{}U", self.byteorder_char()),
            Kind::Bytes => format!("S{}", self.itemsize),
            Kind::Str | Kind::Datetime | Kind::Timedelta => self.str(),
            _ if self.big_endian || self.explicit_little => self.str(),
            _ => self.name(),
        }
    }

    /// `str(dtype)`: the name for native builtin numbers, `dtype.str` otherwise; a structured
    /// dtype's field list (its dict form when it is not packed or was made with `align=True`).
    pub fn str_form(self) -> String {
        if let Some(f) = self.fields() {
            if self.record {
                return format!("(numpy.record, {})", f.struct_str(true));
            }
            return f.struct_str(true);
        }
        if self.is_flexible() || self.is_void() || self.big_endian {
            self.str()
        } else {
            self.name()
        }
    }

    /// The `dtype=` text in an array repr (numpy's `dtype_short_repr`): a structured dtype's
    /// `str`, quoted names that are no Python identifier (`'datetime64[D]'`).
    pub fn short_repr(self) -> String {
        if self.fields().is_some() {
            self.str_form()
        } else if self.is_flexible() || self.is_void() || self.big_endian {
            format!("'{}'", self.str())
        } else if self.is_time() {
            format!("'{}'", self.name())
        } else {
            self.name()
        }
    }

    /// Whether numpy omits `dtype=` from an array repr (`_typelessdata`).
    pub fn is_default_repr(self) -> bool {
        (self == DType::INT64 && !self.longlong)
            || self == DType::FLOAT64
            || self == DType::COMPLEX128
            || self == DType::BOOL
    }

    /// Parses a dtype string as `np.dtype(str)` does. Errors carry NumPy's message with the
    /// string's Python repr.
    pub fn parse(spec: &str) -> PyResult<DType> {
        let not_understood = || PyError::data_type_not_understood(&format!("'{spec}'"));
        let (order, body) = match spec.chars().next() {
            Some(c @ ('<' | '>' | '=' | '|' | '!')) => (Some(c), &spec[1..]),
            _ => (None, spec),
        };
        // long double (x86-64's 80-bit extended in 16 bytes) is not modelled: say so plainly
        // rather than "not understood", which would claim NumPy lacks it
        match body {
            "g" | "f16" | "float128" | "longdouble" => {
                return Err(PyError::not_implemented_name("numpy.longdouble"));
            }
            "G" | "c32" | "complex256" | "clongdouble" => {
                return Err(PyError::not_implemented_name("numpy.clongdouble"));
            }
            _ => {}
        }
        if spec.contains(',') {
            return super::structured::parse_comma(spec);
        }
        if let Some(dt) = by_time_name(body) {
            return Ok(dt?.with_big_endian(matches!(order, Some('>') | Some('!'))));
        }
        let dt = by_name(body)
            .or_else(|| by_code(body))
            .ok_or_else(not_understood)?;
        let big = matches!(order, Some('>') | Some('!'));
        Ok(dt.with_big_endian(big))
    }
}

fn by_name(name: &str) -> Option<DType> {
    Some(match name {
        "bool" | "bool_" | "?" | "b1" => DType::BOOL,
        "int8" | "byte" | "i1" | "b" => DType::INT8,
        "int16" | "short" | "i2" | "h" => DType::INT16,
        "int32" | "intc" | "i4" | "i" => DType::INT32,
        "int64" | "int" | "int_" | "intp" | "long" | "i8" | "l" | "p" => DType::INT64,
        "longlong" | "q" => DType::LONGLONG,
        "uint8" | "ubyte" | "u1" | "B" => DType::UINT8,
        "uint16" | "ushort" | "u2" | "H" => DType::UINT16,
        "uint32" | "uintc" | "u4" | "I" => DType::UINT32,
        "uint64" | "uint" | "uintp" | "ulong" | "u8" | "L" | "P" => DType::UINT64,
        "ulonglong" | "Q" => DType::ULONGLONG,
        "float16" | "half" | "f2" | "e" => DType::FLOAT16,
        "float32" | "single" | "f4" | "f" => DType::FLOAT32,
        "float64" | "float" | "double" | "f8" | "d" => DType::FLOAT64,
        "complex64" | "csingle" | "c8" | "F" => DType::COMPLEX64,
        "complex128" | "complex" | "cdouble" | "c16" | "D" => DType::COMPLEX128,
        "c" => DType::bytes(1),
        "S" | "bytes" | "bytes_" => DType::bytes(0),
        "U" | "str" | "str_" => DType::unicode(0),
        "V" | "void" => DType::void(0),
        _ => return None,
    })
}

/// `datetime64[D]`, `M8[15m]`, `timedelta64`, `m8[s]` (`None`: no time dtype's name), with
/// NumPy's `parse_datetime_metadata_from_metastr` errors for what is in the brackets.
fn by_time_name(name: &str) -> Option<PyResult<DType>> {
    let at = name.find('[').unwrap_or(name.len());
    let (head, meta) = name.split_at(at);
    let make: fn(TimeUnit) -> DType = match head {
        "datetime64" | "M8" | "M" => DType::datetime,
        "timedelta64" | "m8" | "m" => DType::timedelta,
        _ => return None,
    };
    Some(parse_time_metadata(meta).map(make))
}

/// `[15m]` (or nothing: the generic unit).
pub fn parse_time_metadata(meta: &str) -> PyResult<TimeUnit> {
    if meta.is_empty() {
        return Ok(TimeUnit::GENERIC);
    }
    if meta.len() < 3 {
        return Err(PyError::datetime_metadata(meta));
    }
    // the first ']' closes it; nothing may follow
    match meta.find(']') {
        Some(close) if close > 1 => {
            if close + 1 != meta.len() {
                return Err(PyError::datetime_metadata_at(meta, close + 1));
            }
            TimeUnit::parse(&meta[1..close], Some(meta))
        }
        Some(close) => Err(PyError::datetime_metadata_at(meta, close)),
        None => Err(PyError::datetime_metadata_at(meta, meta.len())),
    }
}

/// `S3`, `U5`, `bytes24`, `str96`.
fn by_code(spec: &str) -> Option<DType> {
    let digits = |s: &str| -> Option<usize> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    // NumPy keeps itemsize in a C int: 'S2147483648' and 'U536870912' are not understood
    const MAX_ITEMSIZE: usize = i32::MAX as usize;
    if let Some(n) = spec.strip_prefix('S').and_then(digits) {
        return (n <= MAX_ITEMSIZE).then(|| DType::bytes(n));
    }
    if let Some(n) = spec.strip_prefix('U').and_then(digits) {
        return (n <= MAX_ITEMSIZE / 4).then(|| DType::unicode(n));
    }
    if let Some(n) = spec.strip_prefix('V').and_then(digits) {
        return (n <= MAX_ITEMSIZE).then(|| DType::void(n));
    }
    if let Some(bits) = spec.strip_prefix("void").and_then(digits) {
        return (bits % 8 == 0).then(|| DType::void(bits / 8));
    }
    if let Some(bits) = spec.strip_prefix("bytes").and_then(digits) {
        return (bits % 8 == 0).then(|| DType::bytes(bits / 8));
    }
    if let Some(bits) = spec.strip_prefix("str").and_then(digits) {
        return (bits % 32 == 0).then(|| DType::unicode(bits / 32));
    }
    None
}

/// NEP 50 promotion of two array dtypes (`np.result_type` on arrays): the smallest dtype that
/// can hold both kinds' values, numpy's table. `None` also where NumPy raises while promoting
/// (two time units without a common divisor: `try_promote` says why).
pub fn promote(a: DType, b: DType) -> Option<DType> {
    try_promote(a, b).ok().flatten()
}

/// `promote` with NumPy's error for datetime units that have no common divisor (`[Y]` and
/// `[D]` timedeltas); `Ok(None)` is "no common dtype".
pub fn try_promote(a: DType, b: DType) -> PyResult<Option<DType>> {
    if a.is_time() || b.is_time() {
        return super::datetime::promote_time(a.to_native(), b.to_native());
    }
    Ok(promote_untimed(a, b))
}

fn promote_untimed(a: DType, b: DType) -> Option<DType> {
    use Kind::*;
    let (a, b) = (a.to_native(), b.to_native());
    if a == b {
        // NumPy's 'q' (type number 9) wins over 'l' (7) either way round (invariant 6)
        return Some(DType {
            longlong: a.longlong || b.longlong,
            ..a
        });
    }
    if a.is_void() || b.is_void() {
        return None; // structured promotion (field by field) is not modelled
    }
    let rank = |k: Kind| match k {
        Bool => 0,
        UInt | Int => 1,
        Float => 2,
        Complex => 3,
        Bytes | Str | Void | Datetime | Timedelta => 4,
    };
    if a.is_flexible() || b.is_flexible() {
        return match (a.kind, b.kind) {
            (Bytes, Bytes) | (Str, Str) => Some(DType::native(a.kind, a.itemsize.max(b.itemsize))),
            (Bytes, Str) | (Str, Bytes) => {
                let chars = if a.kind == Str {
                    a.itemsize / 4
                } else {
                    a.itemsize
                };
                let chars_b = if b.kind == Str {
                    b.itemsize / 4
                } else {
                    b.itemsize
                };
                Some(DType::unicode(chars.max(chars_b)))
            }
            _ => None,
        };
    }
    let (lo, hi) = if rank(a.kind) <= rank(b.kind) {
        (a, b)
    } else {
        (b, a)
    };
    Some(match (lo.kind, hi.kind) {
        (Bool, _) => hi,
        // the wider operand itself, so a long long stays one
        (Int, Int) | (UInt, UInt) if lo.itemsize > hi.itemsize => lo,
        (Int, Int) | (UInt, UInt) => hi,
        (Int, UInt) | (UInt, Int) => {
            let (s, u) = if lo.kind == Int { (lo, hi) } else { (hi, lo) };
            if s.itemsize > u.itemsize {
                s
            } else if u.itemsize < 8 {
                DType::native(Int, u.itemsize * 2)
            } else {
                DType::FLOAT64
            }
        }
        // integers into floats: float16 holds int8/uint8, float32 holds 16-bit, float64 the rest
        (Int | UInt, Float) => float_for_int(lo.itemsize).max_size(hi),
        (Int | UInt, Complex) => {
            let f = float_for_int(lo.itemsize);
            DType::native(Complex, (f.itemsize * 2).max(hi.itemsize).max(8))
        }
        (Float, Float) | (Complex, Complex) => DType::native(lo.kind, lo.itemsize.max(hi.itemsize)),
        (Float, Complex) => DType::native(Complex, (lo.itemsize * 2).max(hi.itemsize).max(8)),
        _ => return None,
    })
}

fn float_for_int(itemsize: usize) -> DType {
    match itemsize {
        1 => DType::FLOAT16,
        2 => DType::FLOAT32,
        _ => DType::FLOAT64,
    }
}

impl DType {
    fn max_size(self, other: DType) -> DType {
        if other.itemsize > self.itemsize {
            DType::native(self.kind, other.itemsize)
        } else {
            self
        }
    }

    /// Inclusive integer range of an integer dtype, as i128.
    pub fn int_range(self) -> (i128, i128) {
        let bits = self.itemsize as u32 * 8;
        match self.kind {
            Kind::Int => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
            Kind::UInt => (0, (1i128 << bits) - 1),
            Kind::Bool => (0, 1),
            _ => (i128::MIN, i128::MAX),
        }
    }

    /// numpy's `can_cast(from, to, 'same_kind')` for numeric dtypes.
    pub fn can_cast_same_kind(from: DType, to: DType) -> bool {
        let order = |k: Kind| match k {
            Kind::Bool => 0,
            Kind::UInt | Kind::Int => 1,
            Kind::Float => 2,
            Kind::Complex => 3,
            Kind::Bytes | Kind::Str | Kind::Void | Kind::Datetime | Kind::Timedelta => 4,
        };
        order(from.kind) <= order(to.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_parse_to_numpy_dtypes() {
        // (spelling, dtype.str, dtype.name) as numpy 2.4 on Linux x86-64 reports them
        let cases = [
            ("B", "|u1", "uint8"),
            ("c", "|S1", "bytes8"),
            ("S3", "|S3", "bytes24"),
            ("<i8", "<i8", "int64"),
            ("u1", "|u1", "uint8"),
            ("uint32", "<u4", "uint32"),
            ("int64", "<i8", "int64"),
            ("int", "<i8", "int64"),
            ("float", "<f8", "float64"),
            (">i4", ">i4", "int32"),
            ("=f8", "<f8", "float64"),
            ("|S3", "|S3", "bytes24"),
            ("U3", "<U3", "str96"),
            (">i1", "|i1", "int8"),
            ("?", "|b1", "bool"),
            ("c16", "<c16", "complex128"),
        ];
        for (spec, s, name) in cases {
            let dt = DType::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
            assert_eq!((dt.str().as_str(), dt.name().as_str()), (s, name), "{spec}");
        }
    }

    #[test]
    fn unknown_spelling_is_numpy_type_error() {
        let err = DType::parse("xyz").unwrap_err();
        assert_eq!(err.to_string(), "TypeError: data type 'xyz' not understood");
        assert!(
            DType::parse("i8").is_ok(),
            "control: a known spelling parses"
        );
    }

    #[test]
    fn long_double_is_refused_by_name() {
        // arrsh has no 80-bit long double: NumPy's spellings of it say so instead of "not
        // understood" (which would claim NumPy lacks it)
        for spec in ["g", "f16", "float128", ">g", "G", "c32", "complex256"] {
            let err = DType::parse(spec).unwrap_err();
            assert_eq!(
                err.kind,
                crate::error::ErrorKind::NotImplementedError,
                "{spec}"
            );
            assert!(
                err.msg.contains("numpy.") && err.msg.contains("longdouble"),
                "{spec}"
            );
        }
        assert!(DType::parse("f8").is_ok(), "control: float64 parses");
    }

    #[test]
    fn reprs_follow_numpy() {
        assert_eq!(DType::INT64.repr(), "dtype('int64')");
        assert_eq!(DType::bytes(3).repr(), "dtype('S3')");
        assert_eq!(DType::unicode(3).repr(), "dtype('<U3')");
        assert_eq!(DType::INT32.with_big_endian(true).repr(), "dtype('>i4')");
        assert_eq!(DType::bytes(3).short_repr(), "'|S3'");
        assert_eq!(DType::INT32.short_repr(), "int32");
    }

    #[test]
    fn promotion_table() {
        let p = |a, b| promote(a, b).map(|d| d.name());
        assert_eq!(p(DType::INT8, DType::UINT8).as_deref(), Some("int16"));
        assert_eq!(p(DType::INT64, DType::UINT64).as_deref(), Some("float64"));
        assert_eq!(p(DType::INT16, DType::FLOAT16).as_deref(), Some("float32"));
        assert_eq!(p(DType::UINT8, DType::FLOAT16).as_deref(), Some("float16"));
        assert_eq!(p(DType::BOOL, DType::INT8).as_deref(), Some("int8"));
        assert_eq!(p(DType::INT64, DType::FLOAT32).as_deref(), Some("float64"));
        assert_eq!(
            p(DType::FLOAT32, DType::COMPLEX64).as_deref(),
            Some("complex64")
        );
        assert_eq!(
            p(DType::FLOAT64, DType::COMPLEX64).as_deref(),
            Some("complex128")
        );
    }
}

#[cfg(test)]
mod time_name_tests {
    use super::*;
    use crate::runtime::datetime::Unit;

    /// `'q'` is int64 to every computation and keeps its own char (NumPy 2.4.6 on Linux).
    #[test]
    fn long_long_equals_long_and_wins_promotion() {
        let (q, l) = (DType::parse("q").unwrap(), DType::parse("l").unwrap());
        assert_eq!(q, l, "equal, as np.dtype('q') == np.dtype('l')");
        assert!(!q.is_same_c_type(l));
        assert_eq!((q.char(), l.char()), ('q', 'l'));
        assert_eq!(DType::parse("Q").unwrap().char(), 'Q');
        for (a, b) in [(q, l), (l, q), (q, DType::INT32)] {
            assert_eq!(promote(a, b).unwrap().char(), 'q', "{a:?} {b:?}");
        }
        assert!(!q.is_default_repr(), "np.array([1], 'q') names its dtype");
        assert_eq!(q.sized().scalar_type_name(), "int64");
    }

    /// A multiplied unit parses; broken brackets give NumPy 2.4.6's messages.
    #[test]
    fn time_dtype_names_parse_as_numpy() {
        let min15 = DType::timedelta(TimeUnit::new(Unit::Min, 15));
        assert_eq!(DType::parse("<m8[15m]").unwrap(), min15);
        assert_eq!(DType::parse("m8[15m]").unwrap().str(), "<m8[15m]");
        assert_eq!(
            DType::parse("M8[s]").unwrap(),
            DType::datetime(Unit::S.into())
        );
        assert_eq!(
            DType::parse("M8[1D]").unwrap(),
            DType::datetime(Unit::D.into())
        );
        let cases = [
            ("M8[", "TypeError: Invalid datetime metadata string \"[\""),
            ("M8[]", "TypeError: Invalid datetime metadata string \"[]\""),
            ("M8[D", "TypeError: Invalid datetime metadata string \"[D\""),
            (
                "M8[X]",
                "TypeError: Invalid datetime unit in metadata string \"[X]\"",
            ),
        ];
        for (spec, want) in cases {
            assert_eq!(DType::parse(spec).unwrap_err().to_string(), want, "{spec}");
        }
    }
}
