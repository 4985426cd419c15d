//! `np.savetxt`: each row of a 1-d or 2-d array through Python's `%` operator with NumPy's
//! format (one `fmt` per column joined by the delimiter, complex as ` (re+imj)`), in
//! `_npyio_impl.savetxt`'s order of checks and with its messages.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::eval::registry::Bound;
use crate::runtime::Kind;

/// A str parameter (`delimiter`, `newline`, `header`...): NumPy uses them as str.
fn text_arg(it: &mut Interp, a: &mut Bound, name: &str) -> PyResult<String> {
    match a.take(name) {
        Some(Value::Str(s)) => Ok(s.v.clone()),
        Some(v) => it.str(&v),
        None => Ok(a
            .default_text(name)
            .map(|d| d.trim_matches('\'').replace("\\n", "\n"))
            .unwrap_or_default()),
    }
}

pub fn savetxt(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let fname = a.req("fname")?;
    let x = a.req("X")?;
    let fmt = a.take("fmt");
    let delimiter = text_arg(it, &mut a, "delimiter")?;
    let newline = text_arg(it, &mut a, "newline")?;
    let header = text_arg(it, &mut a, "header")?;
    let footer = text_arg(it, &mut a, "footer")?;
    let comments = text_arg(it, &mut a, "comments")?;
    it.refuse_unsupported(&mut a, &["encoding"])?;
    let mut sink = it.open_sink(&fname, "fname must be a string or file handle")?;
    let r = write_rows(
        it, &mut sink, &x, fmt, &delimiter, &newline, &header, &footer, &comments,
    );
    let closed = it.sink_close(sink);
    r.and(closed).map(|_| Value::None)
}

#[allow(clippy::too_many_arguments)]
fn write_rows(
    it: &mut Interp,
    sink: &mut super::Sink,
    x: &Value,
    fmt: Option<Value>,
    delimiter: &str,
    newline: &str,
    header: &str,
    footer: &str,
    comments: &str,
) -> PyResult<()> {
    let arr = it.to_array(x, None)?;
    let dt = arr.dtype();
    let ncol = match (arr.ndim(), dt.fields()) {
        (0, _) | (3.., _) => return Err(PyError::savetxt_ndim(arr.ndim())),
        (1, None) => 1,
        (1, Some(f)) => f.fields.len(),
        _ => arr.shape()[1],
    };
    let complex = dt.kind == Kind::Complex;
    let fmt = fmt.unwrap_or_else(|| it.new_str("%.18e".to_string()));
    let format = match &fmt {
        f @ (Value::List(_) | Value::Tuple(_)) => {
            let items = it.collect(f)?;
            if items.len() != ncol {
                let shown = it.str(f)?;
                return Err(PyError::savetxt_fmt_shape(&shown));
            }
            let mut parts = Vec::with_capacity(items.len());
            for (i, v) in items.iter().enumerate() {
                match v {
                    Value::Str(s) => parts.push(s.v.clone()),
                    other => return Err(PyError::join_item_not_str(i, &other.type_name())),
                }
            }
            parts.join(delimiter)
        }
        Value::Str(s) => {
            let n = s.v.matches('%').count();
            if n == 1 {
                let one = if complex {
                    format!(" ({0}+{0}j)", s.v)
                } else {
                    s.v.clone()
                };
                vec![one; ncol].join(delimiter)
            } else if (complex && n != 2 * ncol) || (!complex && n != ncol) {
                return Err(PyError::savetxt_fmt_count(&s.v));
            } else {
                s.v.clone()
            }
        }
        other => {
            let shown = it.repr(other)?;
            return Err(PyError::savetxt_invalid_fmt(&shown));
        }
    };
    if !header.is_empty() {
        let text = header.replace('\n', &format!("\n{comments}"));
        it.sink_write(sink, &format!("{comments}{text}{newline}"))?;
    }
    let fmt_value = it.new_str(format.clone());
    let rows = it.collect(&Value::Array(arr.clone()))?;
    for row in rows {
        let items = match (arr.ndim(), dt.fields()) {
            (1, None) => vec![row],
            (1, Some(f)) => {
                let mut out = Vec::with_capacity(f.fields.len());
                for field in &f.fields {
                    let key = it.new_str(field.name.clone());
                    out.push(it.getitem(&row, &key)?);
                }
                out
            }
            _ => it.collect(&row)?,
        };
        let line = if complex {
            let mut parts = Vec::with_capacity(items.len() * 2);
            for v in &items {
                parts.push(it.getattr(v, "real")?);
                parts.push(it.getattr(v, "imag")?);
            }
            let t = it.new_tuple(parts);
            let s = it.percent_format(&fmt_value, &t)?;
            (it.str(&s)? + newline).replace("+-", "-")
        } else {
            let t = it.new_tuple(items);
            match it.percent_format(&fmt_value, &t) {
                Ok(s) => it.str(&s)? + newline,
                Err(e) if e.kind == crate::error::ErrorKind::TypeError => {
                    return Err(PyError::savetxt_mismatch(&dt.str_form(), &format));
                }
                Err(e) => return Err(e),
            }
        };
        it.sink_write(sink, &line)?;
    }
    if !footer.is_empty() {
        let text = footer.replace('\n', &format!("\n{comments}"));
        it.sink_write(sink, &format!("{comments}{text}{newline}"))?;
    }
    Ok(())
}
