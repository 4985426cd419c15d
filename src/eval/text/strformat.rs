//! `str.format` (a port of CPython's `MarkupIterator`, `parse_field` and field-name lookup,
//! with automatic/manual numbering and one level of nested specs) and printf-style
//! `'%d' % x` formatting (`PyUnicode_Format`), both with CPython 3.11's messages.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::*;

/// One `{...}` replacement field as `parse_field` splits it.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
    spec_needs_expanding: bool,
}

/// Automatic (`{}`) versus manual (`{0}`) numbering: a format string may not mix them.
#[derive(PartialEq, Clone, Copy)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

/// `MarkupIterator_next`: literal text up to the next field, then the field (if any).
fn next_markup(cs: &[char], pos: &mut usize) -> PyResult<Option<(String, Option<Field>)>> {
    if *pos >= cs.len() {
        return Ok(None);
    }
    let start = *pos;
    let mut c = '\0';
    let mut markup = false;
    while *pos < cs.len() {
        c = cs[*pos];
        *pos += 1;
        if c == '{' || c == '}' {
            markup = true;
            break;
        }
    }
    let at_end = *pos >= cs.len();
    let mut len = *pos - start;
    if c == '}' && markup && (at_end || cs[*pos] != '}') {
        return Err(PyError::value("Single '}' encountered in format string"));
    }
    if at_end && c == '{' && markup {
        return Err(PyError::value("Single '{' encountered in format string"));
    }
    if !at_end && markup {
        if cs[*pos] == c {
            // an escaped brace: literal text, no field
            *pos += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal: String = cs[start..start + len].iter().collect();
    if !markup {
        return Ok(Some((literal, None)));
    }
    Ok(Some((literal, Some(parse_field(cs, pos)?))))
}

/// `parse_field`: the field name up to `:`, `!` or `}` (brackets protect those), then an
/// optional conversion and a spec whose nested braces are counted.
fn parse_field(cs: &[char], pos: &mut usize) -> PyResult<Field> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < cs.len() {
        c = cs[*pos];
        *pos += 1;
        match c {
            '{' => return Err(PyError::value("unexpected '{' in field name")),
            '[' => {
                while *pos < cs.len() && cs[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let stop = if matches!(c, '}' | ':' | '!') {
        *pos - 1
    } else {
        *pos
    };
    let name: String = cs[name_start..stop.max(name_start)].iter().collect();
    let mut field = Field {
        name,
        conversion: None,
        spec: String::new(),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= cs.len() {
                return Err(PyError::value(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(cs[*pos]);
            *pos += 1;
            if *pos < cs.len() {
                let c2 = cs[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok(field);
                }
                if c2 != ':' {
                    return Err(PyError::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < cs.len() {
            let c3 = cs[*pos];
            *pos += 1;
            match c3 {
                '{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = cs[spec_start..*pos - 1].iter().collect();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(PyError::value("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(PyError::value("expected '}' before end of string"));
    }
    Ok(field)
}

impl Interp {
    /// `fmt.format(*args, **kw)`.
    pub fn str_format(
        &mut self,
        fmt: &str,
        args: &[Value],
        kw: &[(String, Value)],
    ) -> PyResult<String> {
        let mut numbering = Numbering::Unknown;
        self.build_format(fmt, args, kw, 2, &mut numbering)
    }

    fn build_format(
        &mut self,
        fmt: &str,
        args: &[Value],
        kw: &[(String, Value)],
        depth: usize,
        numbering: &mut Numbering,
    ) -> PyResult<String> {
        if depth == 0 {
            return Err(PyError::value("Max string recursion exceeded"));
        }
        let cs: Vec<char> = fmt.chars().collect();
        let mut pos = 0;
        let mut out = String::new();
        while let Some((literal, field)) = next_markup(&cs, &mut pos)? {
            out.push_str(&literal);
            let Some(f) = field else { continue };
            let obj = self.field_object(&f.name, args, kw, numbering)?;
            let obj = match f.conversion {
                None => obj,
                Some('r') => {
                    let r = self.repr(&obj)?;
                    self.new_str(r)
                }
                Some('s') => {
                    let r = self.str(&obj)?;
                    self.new_str(r)
                }
                Some('a') => {
                    let r = self.repr(&obj)?;
                    self.new_str(crate::eval::text::format::ascii_escape(&r))
                }
                Some(c) => {
                    return Err(PyError::value(format!("Unknown conversion specifier {c}")));
                }
            };
            let spec = if f.spec_needs_expanding {
                self.build_format(&f.spec, args, kw, depth - 1, numbering)?
            } else {
                f.spec
            };
            out.push_str(&self.format_value(&obj, &spec)?);
        }
        Ok(out)
    }

    /// `get_field_object`: `0`, `name`, `` (automatic), then `.attr` and `[key]` steps.
    fn field_object(
        &mut self,
        name: &str,
        args: &[Value],
        kw: &[(String, Value)],
        numbering: &mut Numbering,
    ) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            let n = match *numbering {
                Numbering::Manual => {
                    return Err(PyError::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                Numbering::Auto(n) => n,
                Numbering::Unknown => 0,
            };
            *numbering = Numbering::Auto(n + 1);
            args.get(n).cloned().ok_or_else(|| {
                PyError::index(format!(
                    "Replacement index {n} out of range for positional args tuple"
                ))
            })?
        } else if let Ok(n) = first.parse::<usize>() {
            if let Numbering::Auto(_) = numbering {
                return Err(PyError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            *numbering = Numbering::Manual;
            args.get(n).cloned().ok_or_else(|| {
                PyError::index(format!(
                    "Replacement index {n} out of range for positional args tuple"
                ))
            })?
        } else {
            kw.iter()
                .find(|(k, _)| k == first)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyError::key_error(&crate::eval::text::pyrepr::str_repr(first)))?
        };
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                if end == 0 {
                    return Err(PyError::value("Empty attribute in format string"));
                }
                obj = self.getattr(&obj, &r[..end])?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r
                    .find(']')
                    .ok_or_else(|| PyError::value("Missing ']' in format string"))?;
                let key = &r[..end];
                if key.is_empty() {
                    return Err(PyError::value("Empty attribute in format string"));
                }
                let idx = match key.parse::<i64>() {
                    Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => self.new_i64(n),
                    _ => self.new_str(key.to_string()),
                };
                obj = self.getitem(&obj, &idx)?;
                rest = &r[end + 1..];
                if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                    return Err(PyError::value(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            } else {
                break;
            }
        }
        Ok(obj)
    }

    /// `'%d items' % n` and `'%s and %s' % (a, b)` and `'%(k)s' % {'k': 1}`.
    pub fn percent_format(&mut self, fmt: &Value, args: &Value) -> PyResult<Value> {
        let Value::Str(f) = fmt else {
            return Err(PyError::type_error("format requires a str"));
        };
        let mapping = match args {
            Value::Dict(_) => Some(args.clone()),
            _ => None,
        };
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.items.clone(),
            other => vec![other.clone()],
        };
        let single = !matches!(args, Value::Tuple(_));
        let mut next_arg = 0usize;
        let mut used_mapping = false;
        let cs: Vec<char> = f.v.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut take = |me: &mut Interp| -> PyResult<Value> {
            let _ = me;
            let v = items
                .get(next_arg)
                .cloned()
                .ok_or_else(|| PyError::type_error("not enough arguments for format string"))?;
            next_arg += 1;
            Ok(v)
        };
        while i < cs.len() {
            if cs[i] != '%' {
                out.push(cs[i]);
                i += 1;
                continue;
            }
            i += 1;
            if i >= cs.len() {
                return Err(PyError::value("incomplete format"));
            }
            // %(key)
            let mut arg: Option<Value> = None;
            if cs[i] == '(' {
                let Some(m) = &mapping else {
                    return Err(PyError::type_error("format requires a mapping"));
                };
                let mut depth = 1;
                let kstart = i + 1;
                i += 1;
                while i < cs.len() && depth > 0 {
                    match cs[i] {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(PyError::value("incomplete format key"));
                }
                let key: String = cs[kstart..i - 1].iter().collect();
                let k = self.new_str(key);
                arg = Some(self.getitem(m, &k)?);
                used_mapping = true;
            }
            let mut flags = String::new();
            while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
                flags.push(cs[i]);
                i += 1;
            }
            let mut width: Option<usize> = None;
            if i < cs.len() && cs[i] == '*' {
                let w = take(self)?;
                let w = self.ssize_arg(&w)?;
                if w < 0 {
                    flags.push('-');
                }
                width = Some(w.unsigned_abs() as usize);
                i += 1;
            } else {
                let s = i;
                while i < cs.len() && cs[i].is_ascii_digit() {
                    i += 1;
                }
                if i > s {
                    let w = cs[s..i].iter().collect::<String>().parse::<usize>().ok();
                    width = Some(
                        w.filter(|w| *w <= isize::MAX as usize)
                            .ok_or_else(|| PyError::value("width too big"))?,
                    );
                }
            }
            let mut precision: Option<usize> = None;
            if i < cs.len() && cs[i] == '.' {
                i += 1;
                if i < cs.len() && cs[i] == '*' {
                    let p = take(self)?;
                    precision = Some(self.c_int_arg(&p)?.max(0) as usize);
                    i += 1;
                } else {
                    let s = i;
                    while i < cs.len() && cs[i].is_ascii_digit() {
                        i += 1;
                    }
                    let p = if i > s {
                        cs[s..i].iter().collect::<String>().parse::<usize>().ok()
                    } else {
                        Some(0)
                    };
                    precision = Some(
                        p.filter(|p| *p <= i32::MAX as usize)
                            .ok_or_else(|| PyError::value("precision too big"))?,
                    );
                }
            }

            // length modifiers are accepted and ignored
            while i < cs.len() && matches!(cs[i], 'h' | 'l' | 'L') {
                i += 1;
            }
            if i >= cs.len() {
                return Err(PyError::value("incomplete format"));
            }
            let conv = cs[i];
            i += 1;
            // the piece's size first: `'%10000000000d' % 1` asks for 10 GB (a precision only
            // cuts a %s)
            let grows = if matches!(conv, 's' | 'r' | 'a') {
                0
            } else {
                precision.unwrap_or(0)
            };
            self.gate(width.unwrap_or(0) as u128 + grows as u128 + 1100)?;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match arg {
                Some(a) => a,
                None => take(self)?,
            };
            let left = flags.contains('-');
            let zero = flags.contains('0') && !left;
            let sign = if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let piece = match conv {
                's' | 'r' | 'a' => {
                    let mut t = match conv {
                        's' => self.str(&arg)?,
                        'r' => self.repr(&arg)?,
                        _ => {
                            let r = self.repr(&arg)?;
                            crate::eval::text::format::ascii_escape(&r)
                        }
                    };
                    if let Some(p) = precision {
                        t = t.chars().take(p).collect();
                    }
                    pad_printf(&t, width, left, false, "")
                }
                'c' => {
                    let c = match &arg {
                        Value::Str(s) if s.v.chars().count() == 1 => s.v.clone(),
                        Value::Str(_) => {
                            return Err(PyError::type_error("%c requires int or char"));
                        }
                        other => {
                            let n = self
                                .index_int(other)
                                .ok_or_else(|| PyError::type_error("%c requires int or char"))?;
                            n.to_i64()
                                .and_then(|x| u32::try_from(x).ok())
                                .and_then(char::from_u32)
                                .map(String::from)
                                .ok_or_else(|| PyError::overflow("%c arg not in range(0x110000)"))?
                        }
                    };
                    pad_printf(&c, width, left, false, "")
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = match self.index_int(&arg) {
                        Some(n) => n,
                        None if matches!(conv, 'd' | 'i' | 'u') => match &arg {
                            Value::Float(f) => {
                                let fv = self.new_float(f.v);
                                match self.int_from(&fv, None)? {
                                    Value::Int(i) => i.v.clone(),
                                    _ => Int::Small(0),
                                }
                            }
                            Value::Scalar(_) => {
                                let iv = self.int_from(&arg, None)?;
                                match iv {
                                    Value::Int(i) => i.v.clone(),
                                    _ => Int::Small(0),
                                }
                            }
                            other => {
                                return Err(PyError::type_error(format!(
                                    "%{conv} format: a real number is required, not {}",
                                    other.type_name()
                                )));
                            }
                        },
                        None => {
                            return Err(PyError::type_error(format!(
                                "%{conv} format: an integer is required, not {}",
                                arg.type_name()
                            )));
                        }
                    };
                    let mag = n.abs().to_big();
                    let digits = match conv {
                        'x' => format!("{mag:x}"),
                        'X' => format!("{mag:X}"),
                        'o' => format!("{mag:o}"),
                        _ => n.abs().to_string_checked()?,
                    };
                    let digits = match precision {
                        Some(p) if digits.len() < p => "0".repeat(p - digits.len()) + &digits,
                        _ => digits,
                    };
                    let prefix = if flags.contains('#') {
                        match conv {
                            'x' => "0x",
                            'X' => "0X",
                            'o' => "0o",
                            _ => "",
                        }
                    } else {
                        ""
                    };
                    let sign = if n.is_negative() { "-" } else { sign };
                    pad_printf(&digits, width, left, zero, &format!("{sign}{prefix}"))
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match &arg {
                        Value::Float(f) => f.v,
                        Value::Int(_) | Value::Bool(_) => {
                            crate::eval::object::ops::as_float(&arg)?.unwrap_or(0.0)
                        }
                        Value::Scalar(s) => s.v.to_f64(),
                        other => {
                            return Err(PyError::type_error(format!(
                                "must be real number, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    let spec = format!(
                        "{}.{}{conv}",
                        if flags.contains('#') { "#" } else { "" },
                        precision.unwrap_or(6)
                    );
                    let body = crate::eval::text::format::format_float(x.abs(), &spec)?;
                    let sign = if x.is_sign_negative() && !x.is_nan() {
                        "-"
                    } else {
                        sign
                    };
                    let zero = zero && x.is_finite();
                    pad_printf(&body, width, left, zero, sign)
                }
                other => {
                    return Err(PyError::value(format!(
                        "unsupported format character '{other}' ({:#x}) at index {}",
                        other as u32,
                        i - 1
                    )));
                }
            };
            out.push_str(&piece);
        }
        if !(used_mapping || single && mapping.is_some()) && next_arg < items.len() {
            return Err(PyError::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(self.new_str(out))
    }
}

/// printf padding: `prefix` (sign, `0x`) stays in front of zero padding.
fn pad_printf(body: &str, width: Option<usize>, left: bool, zero: bool, prefix: &str) -> String {
    let n = body.chars().count() + prefix.chars().count();
    let w = width.unwrap_or(0);
    if n >= w {
        return format!("{prefix}{body}");
    }
    let gap = w - n;
    if left {
        format!("{prefix}{body}{}", " ".repeat(gap))
    } else if zero {
        format!("{prefix}{}{body}", "0".repeat(gap))
    } else {
        format!("{}{prefix}{body}", " ".repeat(gap))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(fmt: &str) -> PyResult<Vec<(String, Option<String>)>> {
        let cs: Vec<char> = fmt.chars().collect();
        let mut pos = 0;
        let mut out = Vec::new();
        while let Some((lit, f)) = next_markup(&cs, &mut pos)? {
            out.push((lit, f.map(|f| f.name)));
        }
        Ok(out)
    }

    #[test]
    fn markup_splits_like_cpython() {
        let got = fields("Id of {} : {} \n").expect("valid");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], ("Id of ".to_string(), Some(String::new())));
        assert_eq!(got[2], (" \n".to_string(), None));
        let got = fields("{{x}}").expect("escapes");
        assert_eq!(got, vec![("{".to_string(), None), ("x}".to_string(), None)]);
        let single = [
            ("}", "Single '}' encountered in format string"),
            ("x{", "Single '{' encountered in format string"),
            ("{0[}", "expected '}' before end of string"),
            ("{0!}", "unmatched '{' in format spec"),
            ("{0!rr}", "expected ':' after conversion specifier"),
        ];
        for (fmt, msg) in single {
            assert_eq!(fields(fmt).expect_err(fmt).msg, msg, "{fmt}");
        }
    }
}
