//! Help: `obj?`, `obj??` and `help(obj)` pages laid out as IPython's inspector lays them out
//! (Type, String form, Length, Docstring... aligned after the longest title), with arrsh's
//! additions for arrays (shape, dtype, where the data lives); and `?` alone / `%quickref`, a
//! short page about arrsh itself.

use super::docs;
use super::magics::{self, MAGICS};
use super::session::Session;
use super::{memline, paint};
use crate::error::PyResult;
use crate::eval::{Interp, Value};

/// IPython's `string_max`: `obj?` cuts a longer string form in the middle (`??` shows it all).
const STRING_MAX: usize = 200;

/// `?` alone and `%quickref`: what arrsh is and how to use it, with the magics from their table.
pub fn quickref() -> String {
    let mut s = format!(
        "arrsh {} — an IPython-style NumPy shell that shows where array data lives.\n\
         It follows NumPy {} and CPython {}: what it prints is what they print.\n\n",
        env!("CARGO_PKG_VERSION"),
        docs::NUMPY_VERSION,
        docs::PYTHON_VERSION
    );
    s.push_str(
        "Help\n\
         \x20 obj?  obj??      what obj is: type, value, length, shape and dtype, docstring\n\
         \x20                  (?? adds the source, where there is one)\n\
         \x20 help(obj)        the same page\n\
         \x20 ?  %quickref     this page\n\n\
         Magics (commands for the shell, not Python). Automagic is OFF: type the %.\n",
    );
    for m in MAGICS {
        let (usage, what) = m.help.split_once(": ").unwrap_or((m.help, ""));
        s.push_str(&format!("  {usage}\n      {what}\n"));
    }
    s.push_str(
        "\nThe memory line\n\
         \x20 After an array result, a line starting with ↳ says where its data lives: whether\n\
         \x20 it owns its buffer or is a view of which array, the byte offset into that buffer,\n\
         \x20 dtype, shape, strides, contiguity and the object's id. --plain turns it off.\n\
         \x20 Addresses are modelled (the same on every run); --real-addresses shows real ones.\n\n\
         History and names\n\
         \x20 _ __ ___ _N Out[N]   earlier results;   In[N] _i _ii _iii _iN   earlier inputs\n\
         \x20 dir(x)  vars()  globals()\n\n\
         Keys\n\
         \x20 Tab          complete (a list of candidates); on a blank line, indent by 4\n\
         \x20 Up / Down    earlier / later input starting with what is typed\n\
         \x20 Ctrl-R       search the history\n\
         \x20 Ctrl-C       clear the line, or interrupt a running cell\n\
         \x20 Ctrl-D, exit, quit   leave\n",
    );
    s
}

/// `obj?` / `obj??` / `?`: the page goes to the cell's pager text; a name that does not
/// resolve prints IPython's `Object `x` not found.`
pub fn show(s: &mut Session, target: &str, detail: u8) -> PyResult<Option<Value>> {
    if target.is_empty() {
        s.set_page(quickref());
        return Ok(None);
    }
    if let Some(name) = target.strip_prefix('%') {
        let name = name.trim_start_matches('%');
        match magics::find(name) {
            Some(m) => s.set_page(fields(&[("Docstring", m.help.to_string())])),
            None => s.write(&format!("Object `{target}` not found.\n")),
        }
        return Ok(None);
    }
    let value = match s.parse(target) {
        Ok(cell) => s.interp_mut().run_cell(&cell).ok().flatten(),
        Err(_) => None,
    };
    let Some(value) = value else {
        // `None?` is found; a name that does not resolve is not
        if target == "None" {
            let page = page(s.interp_mut(), &Value::None, detail)?;
            s.set_page(page);
        } else {
            s.write(&format!("Object `{target}` not found.\n"));
        }
        return Ok(None);
    };
    let mut extra = Vec::new();
    if let Some(f) = s.facts_of(&value) {
        extra.push((
            "Memory",
            // one line: the page's field, not the terminal, decides the layout
            paint::render(&memline::memory_lines(&f, usize::MAX / 2), false)
                .trim()
                .trim_start_matches("↳ ")
                .to_string(),
        ));
    }
    let text = page_with(s.interp_mut(), &value, target, detail, extra)?;
    s.set_page(text);
    Ok(None)
}

/// The page `help(obj)` prints (installed as the interpreter's help hook).
pub fn page(it: &mut Interp, v: &Value, detail: u8) -> PyResult<String> {
    let key = docs::key_of(v);
    let short = key.rsplit('.').next().unwrap_or(&key).to_string();
    page_with(it, v, &short, detail, Vec::new())
}

/// The page for `v`, which the user called `name` (IPython's signature line uses that name).
fn page_with(
    it: &mut Interp,
    v: &Value,
    name: &str,
    detail: u8,
    extra: Vec<(&'static str, String)>,
) -> PyResult<String> {
    let type_name = v.short_type_name();
    let mut f: Vec<(&str, String)> = Vec::new();
    match v {
        Value::Builtin(_) | Value::Method(_) | Value::Function(_) | Value::Type(_) => {
            let key = docs::key_of(v);
            let sig_title = if matches!(v, Value::Type(_)) {
                "Init signature"
            } else {
                "Signature"
            };
            if let Some(sig) = signature(v, &key, name) {
                f.push((sig_title, sig));
            }
            f.push(("Docstring", docstring(&key)));
            if detail > 1 {
                f.push(("Source", source(v)));
            }
            f.push(("Type", type_name));
        }
        _ => {
            f.push(("Type", type_name));
            let mut text = it.str(v)?;
            if detail < 2 && text.chars().count() > STRING_MAX {
                text = snip(&text);
            }
            f.push(("String form", text));
            if let Ok(n) = it.len_of(v) {
                f.push(("Length", n.to_string()));
            }
            if let Value::Array(a) = v {
                f.push(("Shape", crate::error::shape_str(&a.shape())));
                f.push(("Dtype", a.dtype().name()));
            }
            f.extend(extra);
            let key = docs::class_key(v);
            if detail > 1 {
                f.push((
                    "Source",
                    "source not available (a value, not code)".to_string(),
                ));
            }
            f.push(("Docstring", docstring(&key)));
        }
    }
    Ok(fields(&f))
}

/// IPython's snip for `?`: the first and last 97 characters around ` <...> `, with the lines of
/// the result stripped and indented by 11 spaces.
fn snip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let half = (STRING_MAX - 5) / 2;
    let cut: String = chars[..half]
        .iter()
        .chain(" <...> ".chars().collect::<Vec<_>>().iter())
        .chain(chars[chars.len() - half..].iter())
        .collect();
    cut.split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(&format!("\n{}", " ".repeat("string_form".len())))
}

/// `len(obj, /)`, `items.append(object, /)`: the name as typed, then the parameters from the
/// callable's registry row.
fn signature(v: &Value, key: &str, name: &str) -> Option<String> {
    if let Value::Function(f) = v {
        return Some(format!("{name}({})", f.code.signature));
    }
    let entry = match v {
        Value::Method(m) => Interp::method_entry(&m.obj, &m.name),
        _ => crate::eval::registry::get(key),
    };
    if let Some(sig) = entry.and_then(|e| e.signature()) {
        return Some(format!("{name}{sig}"));
    }
    None
}

fn docstring(key: &str) -> String {
    docs::docstring(key)
        .map(str::to_string)
        .unwrap_or_else(|| "<no docstring>".to_string())
}

/// `obj??`: a lambda's source (its canonical text); built-ins have none to show.
fn source(v: &Value) -> String {
    match v {
        Value::Function(f) => f.code.source.to_string(),
        _ => "source not available (a built-in, written in Rust)".to_string(),
    }
}

/// IPython's `format_mime`: `Title:` padded to the longest title, then the body on the same
/// line, or on the next lines when it has several.
pub fn fields(f: &[(&str, String)]) -> String {
    let width = f.iter().map(|(h, _)| h.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (head, body) in f {
        let body = body.trim_matches('\n');
        let delim = if body.contains('\n') { "\n" } else { " " };
        out.push_str(&format!(
            "{head}:{}{delim}{body}\n",
            " ".repeat(width - head.len())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_align_after_the_longest_title() {
        let page = fields(&[
            ("Type", "ndarray".into()),
            ("String form", "[[0 1]\n [2 3]]".into()),
            ("Length", "2".into()),
        ]);
        assert_eq!(
            page,
            "Type:        ndarray\nString form:\n[[0 1]\n [2 3]]\nLength:      2\n"
        );
    }

    #[test]
    fn long_string_forms_are_cut_in_the_middle() {
        let long: String = "x".repeat(300);
        let cut = snip(&long);
        assert_eq!(cut.len(), 97 + " <...> ".len() + 97);
        assert!(cut.contains("x <...> x"));
    }

    #[test]
    fn the_quickref_lists_every_magic() {
        let q = quickref();
        for m in MAGICS {
            assert!(q.contains(&format!("%{}", m.name)), "{}", m.name);
        }
        assert!(q.contains("Automagic is OFF"));
    }
}
