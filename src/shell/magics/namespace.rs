//! Magics about the user's names: `%who`, `%whos` (IPython's table), `%reset`, `%xdel`, and
//! `%precision` (how floats and arrays print).

use super::{Call, option, options};
use crate::error::{PyError, PyResult};
use crate::eval::Value;
use crate::shell::buffers::memory_column;
use crate::shell::session::Session;

/// IPython's `who_ls`: user variables (no leading `_`, not the shell's own), sorted, keeping
/// only the given type names when there are any.
fn who_ls(s: &Session, args: &str) -> Vec<(String, Value)> {
    let types: Vec<&str> = args.split_whitespace().collect();
    s.user_variables()
        .into_iter()
        .filter(|(_, v)| types.is_empty() || types.contains(&v.short_type_name().as_str()))
        .collect()
}

/// The line IPython prints when nothing is listed.
fn nothing(args: &str) -> &'static str {
    if args.trim().is_empty() {
        "Interactive namespace is empty.\n"
    } else {
        "No variables match your requested type.\n"
    }
}

/// `%who [TYPE...]`: names, each followed by a tab and a space, nine to a line.
pub fn who(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let names = who_ls(s, call.args);
    if names.is_empty() {
        s.write(nothing(call.args));
        return Ok(None);
    }
    let mut text = String::new();
    for (i, (n, _)) in names.iter().enumerate() {
        text.push_str(n);
        text.push_str("\t ");
        if i % 9 == 8 {
            text.push('\n');
        }
    }
    text.push('\n');
    s.write(&text);
    Ok(None)
}

/// `%whos [TYPE...]`: IPython's table of name, type and data.
pub fn whos(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let vars = who_ls(s, call.args);
    if vars.is_empty() {
        s.write(nothing(call.args));
        return Ok(None);
    }
    let types: Vec<String> = vars.iter().map(|(_, v)| v.short_type_name()).collect();
    let varwidth = vars.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(8) + 3;
    let typewidth = types.iter().map(String::len).max().unwrap_or(0).max(4) + 3;
    // arrsh's memory column (not in --plain, where the table is IPython's own)
    let memory: Option<Vec<String>> = s.memory_facts().then(|| {
        vars.iter()
            .map(|(_, v)| memory_column(&s.holding(v)).unwrap_or_default())
            .collect()
    });
    let memwidth = memory.as_ref().map_or(0, |m| {
        m.iter()
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0)
            .max("Memory".len())
            + 3
    });
    let memhead = if memory.is_some() { "Memory" } else { "" };
    let mut text = format!(
        "{:<varwidth$}{:<typewidth$} {memhead:<memwidth$}Data/Info\n{}\n",
        "Variable",
        "Type",
        "-".repeat(varwidth + typewidth + memwidth + "Data/Info".len() + 1)
    );
    for (i, ((name, v), ty)) in vars.iter().zip(&types).enumerate() {
        let info = data_info(s, v)?;
        let mem = memory.as_ref().map_or("", |m| m[i].as_str());
        let pad = memwidth.saturating_sub(mem.chars().count());
        text.push_str(&format!(
            "{name:<varwidth$}{ty:<typewidth$} {mem}{}{info}\n",
            " ".repeat(pad)
        ));
    }
    s.write(&text);
    Ok(None)
}

/// The Data/Info column: `n=3` for dicts, lists and tuples; shape, size, dtype and bytes for
/// arrays; otherwise `str()` on one line, its middle cut when it has 50 characters or more.
fn data_info(s: &mut Session, v: &Value) -> PyResult<String> {
    match v {
        Value::Dict(d) => Ok(format!("n={}", d.items.borrow().len())),
        Value::List(l) => Ok(format!("n={}", l.items.borrow().len())),
        Value::Tuple(t) => Ok(format!("n={}", t.items.len())),
        Value::Array(a) => {
            // `str(shape).replace(',', '').replace(' ', 'x')[1:-1]`
            let shape = a
                .shape()
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("x");
            let size: usize = a.shape().iter().product();
            let nbytes = size * a.dtype().itemsize;
            let mut line = format!(
                "{shape}: {size} elems, type `{}`, {nbytes} bytes",
                a.dtype().name()
            );
            if nbytes >= 100_000 {
                let (x, unit) = if nbytes < 1 << 20 {
                    (nbytes as f64 / 1024.0, "kb")
                } else {
                    (nbytes as f64 / (1 << 20) as f64, "Mb")
                };
                let it = s.interp_mut();
                let x = it.new_float(x);
                line.push_str(&format!(" ({} {unit})", it.repr(&x)?));
            }
            Ok(line)
        }
        _ => {
            let text = s.interp_mut().str(v)?.replace('\n', "\\n");
            let chars: Vec<char> = text.chars().collect();
            Ok(if chars.len() < 50 {
                text
            } else {
                let head: String = chars[..25].iter().collect();
                let tail: String = chars[chars.len() - 25..].iter().collect();
                format!("{head}<...>{tail}")
            })
        }
    }
}

/// `%reset -f` deletes every user name and the output history; `-s` only the names `%who`
/// lists; `out` / `in` / `array` targets as IPython. Without `-f` IPython asks first; arrsh does
/// not ask (a cell cannot read the terminal), so it does nothing and says how.
pub fn reset(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let (opts, rest) = options(call.args, "sf")?;
    if option(&opts, 'f').is_none() {
        s.write("Nothing done. Once deleted, variables cannot be recovered: use %reset -f.\n");
        return Ok(None);
    }
    let targets: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
    if option(&opts, 's').is_some() {
        for (name, _) in s.user_variables() {
            s.interp_mut().globals.remove(&name);
        }
    } else if targets.is_empty() {
        s.reset_namespace();
    }
    for target in targets {
        match target.as_str() {
            "out" => {
                let n = s.flush_outputs();
                s.write(&format!("Flushing output cache ({n} entries)\n"));
            }
            "in" => {
                s.flush_inputs();
                s.write("Flushing input history\n");
            }
            "array" => {
                let arrays: Vec<String> = s
                    .interp()
                    .globals
                    .iter()
                    .filter(|(_, v)| matches!(v, Value::Array(_)))
                    .map(|(k, _)| k.clone())
                    .collect();
                for k in arrays {
                    s.interp_mut().globals.remove(&k);
                }
            }
            other => s.write(&format!(
                "Don't know how to reset  {other}, please run `%reset?` for details\n"
            )),
        }
    }
    Ok(None)
}

/// `%xdel NAME`: deletes the name and every other reference the namespace and the output
/// history hold to the same object (IPython's `del_var`).
pub fn xdel(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let (opts, name) = options(call.args, "n")?;
    let name = name.trim();
    if matches!(name, "__builtin__" | "__builtins__") {
        s.write(&format!("ValueError: Refusing to delete {name}\n"));
        return Ok(None);
    }
    let Some(obj) = s.interp().globals.get(name).cloned() else {
        s.write(&format!("NameError: name '{name}' is not defined\n"));
        return Ok(None);
    };
    if option(&opts, 'n').is_some() {
        s.interp_mut().globals.remove(name);
    } else {
        s.forget_object(&obj);
    }
    Ok(None)
}

/// `%precision [N | FORMAT]`: Python floats print with `'%.Nf'` (or FORMAT) and NumPy with
/// `precision=N`; no argument goes back to `repr` and 8. Returns the format, as IPython does.
pub fn precision(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let arg = call.args.trim();
    let format = if arg.contains('%') {
        // IPython checks the format on 3.14159 first
        let it = s.interp_mut();
        let f = it.new_str(arg.to_string());
        let pi = it.new_float(std::f64::consts::PI);
        it.percent_format(&f, &pi)
            .map_err(|_| PyError::precision_not_understood(arg))?;
        Some(arg.to_string())
    } else if arg.is_empty() {
        s.interp_mut().print_opts.precision = 8;
        None
    } else {
        let n: i64 = arg
            .parse()
            .map_err(|_| PyError::precision_not_understood(arg))?;
        if n < 0 {
            return Err(PyError::precision_negative(n));
        }
        s.interp_mut().print_opts.precision = n as usize;
        Some(format!("%.{n}f"))
    };
    let shown = format.clone().unwrap_or_else(|| "%r".to_string());
    s.interp_mut().float_format = format;
    Ok(Some(s.interp_mut().new_str(shown)))
}
