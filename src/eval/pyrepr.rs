//! `repr()`, `str()`, `format()` and `%`-formatting of values with CPython's exact text; arrays
//! and NumPy scalars are printed by the runtime's NumPy-identical printer.

use super::Interp;
use super::pyint::Int;
use super::value::*;
use crate::error::{PyError, PyResult};
use crate::runtime::print::{self, Elements};
use crate::runtime::{DType, NdArray, Scalar};

pub use crate::runtime::print::{bytes_repr, str_repr};

/// An array as the printer sees it (its shape copied out of the array's cell).
pub struct ArrayElems<'a>(pub &'a NdArray, Vec<usize>);

impl<'a> ArrayElems<'a> {
    pub fn new(a: &'a NdArray) -> ArrayElems<'a> {
        ArrayElems(a, a.shape().to_vec())
    }
}

impl Elements for ArrayElems<'_> {
    fn dtype(&self) -> DType {
        self.0.dtype()
    }
    fn shape(&self) -> &[usize] {
        &self.1
    }
    fn get(&self, index: &[usize]) -> Scalar {
        // the printer only asks for in-range indices; a buffer conflict cannot happen while
        // printing (nothing writes), so the fallback is never shown
        self.0.get(index).unwrap_or(Scalar::Bool(false))
    }
}

fn float_repr(x: f64) -> String {
    print::python_float_repr(x)
}

fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| {
        let s = float_repr(x);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im))
    } else {
        let sign = if im.is_sign_negative() || (im.is_nan() && im.is_sign_negative()) {
            "-"
        } else {
            "+"
        };
        format!("({}{}{}j)", part(re), sign, part(im.abs()))
    }
}

impl Interp {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.depth_guard(|me| me.repr_inner(v))
    }

    fn depth_guard<T>(&mut self, f: impl FnOnce(&mut Interp) -> PyResult<T>) -> PyResult<T> {
        self.repr_depth += 1;
        if self.repr_depth > 1000 {
            self.repr_depth -= 1;
            return Err(PyError::recursion_depth(
                " while getting the repr of an object",
            ));
        }
        let r = f(self);
        self.repr_depth -= 1;
        r
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Int(i) => i.v.to_string_checked()?,
            Value::Float(f) => float_repr(f.v),
            Value::Complex(c) => complex_repr(c.re, c.im),
            Value::Str(s) => str_repr(&s.v),
            Value::Bytes(b) => bytes_repr(&b.v),
            Value::Tuple(t) => {
                let parts = t
                    .items
                    .iter()
                    .map(|x| self.repr(x))
                    .collect::<PyResult<Vec<_>>>()?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(l) => {
                let items = l.items.borrow().clone();
                let parts = items
                    .iter()
                    .map(|x| self.repr(x))
                    .collect::<PyResult<Vec<_>>>()?;
                format!("[{}]", parts.join(", "))
            }
            Value::Dict(d) => {
                let items = d.items.borrow().clone();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in &items {
                    parts.push(format!("{}: {}", self.repr(k)?, self.repr(v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let items = s.items.borrow().clone();
                if items.is_empty() {
                    "set()".into()
                } else {
                    let parts = items
                        .iter()
                        .map(|x| self.repr(x))
                        .collect::<PyResult<Vec<_>>>()?;
                    format!("{{{}}}", parts.join(", "))
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                format!(
                    "slice({}, {}, {})",
                    self.repr(&s.start)?,
                    self.repr(&s.stop)?,
                    self.repr(&s.step)?
                )
            }
            Value::Array(a) => print::array_repr(&ArrayElems::new(a), &self.print_opts),
            Value::Scalar(s) => print::scalar_repr(s.dtype, &s.v, &self.print_opts),
            Value::DType(d) => d.dtype.repr(),
            Value::Type(t) => format!("<class '{}'>", type_qualname(t.kind)),
            Value::Module(m) => format!("<module '{}' from '{}'>", m.name, module_path(m.name)),
            Value::Builtin(b) => format!(
                "<built-in function {}>",
                b.name.rsplit('.').next().unwrap_or(b.name)
            ),
            Value::Method(m) => {
                let id = self.id_of(&m.obj);
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    m.name,
                    m.obj.type_name(),
                    id
                )
            }
            Value::Function(_) => format!("<function <lambda> at {:#x}>", self.id_of(v)),
            Value::Iter(it) => {
                let name = if it.kind == "generator" {
                    "generator object <genexpr>".to_string()
                } else {
                    format!("{} object", it.kind)
                };
                format!("<{name} at {:#x}>", self.id_of(v))
            }
            Value::Flags(f) => flags_repr(&f.array),
            Value::Record(r) => r.repr.clone(),
            Value::Cell(_) => format!("<cell at {:#x}>", self.id_of(v)),
            Value::Dummy(_) => format!(
                "<numpy.lib._stride_tricks_impl.DummyArray object at {:#x}>",
                self.id_of(v)
            ),
        })
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Str(s) => s.v.clone(),
            Value::Array(a) => print::array_str(&ArrayElems::new(a), &self.print_opts),
            Value::Scalar(s) => print::scalar_str(s.dtype, &s.v, &self.print_opts),
            Value::DType(d) => d.dtype.str_form(),
            // records with their own print() text (np.iinfo / np.finfo)
            Value::Record(r) => match r.fields.iter().find(|(k, _)| *k == "__str__") {
                Some((_, Value::Str(s))) => s.v.clone(),
                _ => r.repr.clone(),
            },
            _ => self.repr(v)?,
        })
    }

    /// `format(v, spec)` — the format-spec mini-language for numbers and strings.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return self.str(v);
        }
        let fs = FormatSpec::parse(spec).ok_or_else(|| {
            PyError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                v.short_type_name()
            ))
        })?;
        let body = match (v, fs.ty) {
            (Value::Str(s), None | Some('s')) => {
                let mut t = s.v.clone();
                if let Some(p) = fs.precision {
                    t = t.chars().take(p).collect();
                }
                return Ok(fs.pad(&t, '<'));
            }
            (
                Value::Int(_) | Value::Bool(_),
                None | Some('d' | 'x' | 'X' | 'o' | 'b' | 'n' | 'c'),
            ) => {
                let i = super::ops::as_int(v).unwrap_or(Int::Small(0));
                let digits = match fs.ty {
                    Some('x') => format!("{:x}", i.to_big().magnitude()),
                    Some('X') => format!("{:X}", i.to_big().magnitude()),
                    Some('o') => format!("{:o}", i.to_big().magnitude()),
                    Some('b') => format!("{:b}", i.to_big().magnitude()),
                    _ => i.abs().to_string_checked()?,
                };
                let digits = if fs.thousands {
                    group(&digits, fs.thousands_char)
                } else {
                    digits
                };
                let prefix = if fs.alternate {
                    match fs.ty {
                        Some('x') => "0x",
                        Some('X') => "0X",
                        Some('o') => "0o",
                        Some('b') => "0b",
                        _ => "",
                    }
                } else {
                    ""
                };
                return Ok(fs.pad_number(i.is_negative(), &format!("{prefix}{digits}")));
            }
            (Value::Int(_) | Value::Bool(_) | Value::Float(_), _) | (Value::Scalar(_), _) => {
                let x = match v {
                    Value::Scalar(s) => s.v.to_f64(),
                    _ => super::ops::as_float(v)?.unwrap_or(0.0),
                };
                if let (Value::Scalar(s), None | Some('d')) = (v, fs.ty)
                    && s.dtype.is_integer()
                {
                    let t = print::scalar_str(s.dtype, &s.v, &self.print_opts);
                    return Ok(fs.pad_number(t.starts_with('-'), t.trim_start_matches('-')));
                }
                format_float(x, &fs)
            }
            _ => {
                let t = self.str(v)?;
                return Ok(fs.pad(&t, '<'));
            }
        };
        Ok(fs.pad_number(body.0, &body.1))
    }

    /// `'%d items' % n` and `'%s and %s' % (a, b)`.
    pub fn percent_format(&mut self, fmt: &Value, args: &Value) -> PyResult<Value> {
        let Value::Str(f) = fmt else {
            return Err(PyError::type_error("format requires a str"));
        };
        let args: Vec<Value> = match args {
            Value::Tuple(t) => t.items.clone(),
            other => vec![other.clone()],
        };
        let mut out = String::new();
        let mut it = args.iter();
        let mut chars = f.v.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut spec = String::new();
            while let Some(&n) = chars.peek() {
                chars.next();
                if n.is_ascii_alphabetic() || n == '%' {
                    spec.push(n);
                    break;
                }
                spec.push(n);
            }
            let conv = spec.pop().unwrap_or('s');
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = it
                .next()
                .ok_or_else(|| PyError::type_error("not enough arguments for format string"))?
                .clone();
            let piece = match conv {
                's' => {
                    let s = self.str(&arg)?;
                    FormatSpec::parse(&spec)
                        .map(|fs| fs.pad(&s, '>'))
                        .unwrap_or(s)
                }
                'r' => self.repr(&arg)?,
                'd' | 'i' => {
                    let x = self.index_int(&arg).or_else(|| {
                        super::ops::as_float(&arg)
                            .ok()
                            .flatten()
                            .map(|f| Int::Small(f as i64))
                    });
                    let x = x.ok_or_else(|| {
                        PyError::type_error(format!(
                            "%d format: a real number is required, not {}",
                            arg.type_name()
                        ))
                    })?;
                    let s = x.to_string_checked()?;
                    FormatSpec::parse(&spec)
                        .map(|fs| fs.pad(&s, '>'))
                        .unwrap_or(s)
                }
                _ => {
                    let arg_f = match &arg {
                        Value::Scalar(s) => self.new_float(s.v.to_f64()),
                        other => other.clone(),
                    };
                    self.format_value(&arg_f, &format!("{spec}{conv}"))?
                }
            };
            out.push_str(&piece);
        }
        if it.next().is_some() {
            return Err(PyError::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(self.new_str(out))
    }
}

fn group(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// (negative, digits) for a float under a format spec.
fn format_float(x: f64, fs: &FormatSpec) -> (bool, String) {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    if a.is_nan() {
        return (false, "nan".into());
    }
    if a.is_infinite() {
        return (neg, "inf".into());
    }
    let p = fs.precision.unwrap_or(6);
    let s = match fs.ty {
        Some('f' | 'F') => format!("{a:.p$}"),
        Some('e' | 'E') => {
            let s = format!("{a:.p$e}");
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
        }
        Some('%') => format!("{:.p$}%", a * 100.0),
        Some('g' | 'G') | None => {
            let p = if fs.ty.is_none() && fs.precision.is_none() {
                return (neg, print::python_float_repr(a));
            } else {
                p.max(1)
            };
            let exp = if a == 0.0 {
                0
            } else {
                format!("{a:.prec$e}", prec = p - 1)
                    .split_once('e')
                    .map_or(0, |(_, e)| e.parse::<i32>().unwrap_or(0))
            };
            if exp < -4 || exp >= p as i32 {
                let s = format!("{a:.prec$e}", prec = p - 1);
                let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                let m = if fs.alternate {
                    m.to_string()
                } else {
                    trim_zeros(m)
                };
                let e: i32 = e.parse().unwrap_or(0);
                format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
            } else {
                let decimals = (p as i32 - 1 - exp).max(0) as usize;
                let s = format!("{a:.decimals$}");
                if fs.alternate { s } else { trim_zeros(&s) }
            }
        }
        _ => format!("{a}"),
    };
    let s = if fs.thousands {
        let (int, frac) = s
            .split_once('.')
            .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
        let g = group(int, fs.thousands_char);
        match frac {
            Some(f) => format!("{g}.{f}"),
            None => g,
        }
    } else {
        s
    };
    (
        neg,
        if fs.ty == Some('E') || fs.ty == Some('G') {
            s.to_uppercase()
        } else {
            s
        },
    )
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// Python's format-spec mini-language: `[[fill]align][sign][#][0][width][,][.precision][type]`.
struct FormatSpec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    zero: bool,
    width: usize,
    thousands: bool,
    thousands_char: char,
    precision: Option<usize>,
    ty: Option<char>,
}

impl FormatSpec {
    fn parse(spec: &str) -> Option<FormatSpec> {
        let cs: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut fs = FormatSpec {
            fill: ' ',
            align: None,
            sign: '-',
            alternate: false,
            zero: false,
            width: 0,
            thousands: false,
            thousands_char: ',',
            precision: None,
            ty: None,
        };
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if cs.len() >= 2 && is_align(cs[1]) {
            fs.fill = cs[0];
            fs.align = Some(cs[1]);
            i = 2;
        } else if !cs.is_empty() && is_align(cs[0]) {
            fs.align = Some(cs[0]);
            i = 1;
        }
        if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
            fs.sign = cs[i];
            i += 1;
        }
        if i < cs.len() && cs[i] == '#' {
            fs.alternate = true;
            i += 1;
        }
        if i < cs.len() && cs[i] == '0' {
            fs.zero = true;
            i += 1;
        }
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            fs.width = cs[start..i].iter().collect::<String>().parse().ok()?;
        }
        if i < cs.len() && (cs[i] == ',' || cs[i] == '_') {
            fs.thousands = true;
            fs.thousands_char = cs[i];
            i += 1;
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let start = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            fs.precision = Some(cs[start..i].iter().collect::<String>().parse().ok()?);
        }
        if i < cs.len() {
            fs.ty = Some(cs[i]);
            i += 1;
        }
        (i == cs.len()).then_some(fs)
    }

    fn pad(&self, s: &str, default_align: char) -> String {
        let n = s.chars().count();
        if n >= self.width {
            return s.to_string();
        }
        let fill = |k: usize| std::iter::repeat_n(self.fill, k).collect::<String>();
        let gap = self.width - n;
        match self.align.unwrap_or(default_align) {
            '<' => format!("{s}{}", fill(gap)),
            '^' => format!("{}{s}{}", fill(gap / 2), fill(gap - gap / 2)),
            _ => format!("{}{s}", fill(gap)),
        }
    }

    fn pad_number(&self, negative: bool, digits: &str) -> String {
        let sign = if negative {
            "-"
        } else {
            match self.sign {
                '+' => "+",
                ' ' => " ",
                _ => "",
            }
        };
        if self.zero && self.align.is_none() || self.align == Some('=') {
            let fill = if self.zero && self.align.is_none() {
                '0'
            } else {
                self.fill
            };
            let n = sign.len() + digits.chars().count();
            let pad: String = std::iter::repeat_n(fill, self.width.saturating_sub(n)).collect();
            return format!("{sign}{pad}{digits}");
        }
        self.pad(&format!("{sign}{digits}"), '>')
    }
}

/// `__qualname__` with module for type objects as IPython prints them: `int`, `numpy.int64`.
pub fn type_qualname(kind: TypeKind) -> String {
    match kind {
        TypeKind::Int => "int".into(),
        TypeKind::Float => "float".into(),
        TypeKind::Complex => "complex".into(),
        TypeKind::Bool => "bool".into(),
        TypeKind::Str => "str".into(),
        TypeKind::Bytes => "bytes".into(),
        TypeKind::List => "list".into(),
        TypeKind::Tuple => "tuple".into(),
        TypeKind::Dict => "dict".into(),
        TypeKind::Set => "set".into(),
        TypeKind::Range => "range".into(),
        TypeKind::Slice => "slice".into(),
        TypeKind::NoneType => "NoneType".into(),
        TypeKind::Type => "type".into(),
        TypeKind::Object => "object".into(),
        TypeKind::Ndarray => "numpy.ndarray".into(),
        TypeKind::NpScalar(dt) => format!("numpy.{}", dt.scalar_type_name()),
        TypeKind::DTypeClass => "numpy.dtype".into(),
        TypeKind::Function => "function".into(),
        TypeKind::BuiltinFunction => "builtin_function_or_method".into(),
        TypeKind::Method => "method".into(),
        TypeKind::Module => "module".into(),
        TypeKind::Iterator(k) => k.into(),
        TypeKind::Flags => "numpy._core.multiarray.flagsobj".into(),
        TypeKind::Ellipsis => "ellipsis".into(),
        TypeKind::Exception(k) => k.name().into(),
        TypeKind::Record(name) => name.into(),
    }
}

fn module_path(name: &str) -> String {
    let site = "/usr/lib/python3/dist-packages";
    match name {
        "sys" | "builtins" => return "(built-in)".into(),
        "time" | "math" => return "(built-in)".into(),
        _ => {}
    }
    format!("{site}/{}/__init__.py", name.replace('.', "/"))
}

/// NumPy's `flags` repr.
pub fn flags_repr(a: &NdArray) -> String {
    let t = |b: bool| if b { "True" } else { "False" };
    format!(
        "  C_CONTIGUOUS : {}\n  F_CONTIGUOUS : {}\n  OWNDATA : {}\n  WRITEABLE : {}\n  ALIGNED : {}\n  WRITEBACKIFCOPY : False\n",
        t(a.is_c_contiguous()),
        t(a.is_f_contiguous()),
        t(a.owns_data()),
        t(a.is_writeable()),
        t(a.is_aligned())
    )
}
