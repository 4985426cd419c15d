//! The words of `%buffers` (each buffer, the names using it and their byte ranges), of `%mem`
//! for values without a buffer, and of `%whos`' memory column.

use super::facts::{BufferOwner, BufferUse, Picture};
use super::memline::{bytes_str, strides_str};
use super::paint::{Line, Role, pack, plain, span};
use crate::error::shape_str;

/// A picture laid out for `width` columns.
pub fn draw(p: &Picture, width: usize) -> Vec<Line> {
    match p {
        Picture::ByteMap(m) => super::bytemap::draw(m, width),
        Picture::Buffers(list) => buffers(list, width),
        Picture::NoBuffer {
            name,
            type_name,
            refs,
        } => {
            let text = match refs {
                Some(n) => format!(
                    "{name} is a {type_name} of {n} references: each points at an object stored elsewhere. No array buffer holds its values."
                ),
                None if type_name.starts_with("numpy.") => format!(
                    "{name} is a {type_name} scalar: a separate object holding its own copy of the value, in no array's buffer."
                ),
                None => format!(
                    "{name} is {} {type_name}, not an array: it has no data buffer.",
                    a_or_an(type_name)
                ),
            };
            super::paint::prose(Vec::new(), &text, width)
        }
    }
}

/// The indefinite article for a type name (`an int`, `a float`).
fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn owner_words(o: &BufferOwner) -> Line {
    match o.names.as_slice() {
        [first, more @ ..] => {
            let mut l = vec![plain("owned by "), span(first.clone(), Role::Name)];
            if !more.is_empty() {
                l.push(plain(format!(" (also {})", more.join(", "))));
            }
            l
        }
        [] if o.is_bytes => vec![plain("owned by a bytes object")],
        [] if o.is_numpy_copy => vec![plain("a copy NumPy made")],
        [] => vec![plain("owned by an unnamed array")],
    }
}

fn buffers(list: &[BufferUse], width: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    if list.is_empty() {
        lines.push(vec![plain("No array variables.")]);
        return lines;
    }
    let namew = list
        .iter()
        .flat_map(|b| &b.users)
        .map(|(r, _)| {
            let mut n = r.name.chars().count();
            for a in &r.aliases {
                n += 2 + a.chars().count();
            }
            n
        })
        .max()
        .unwrap_or(1)
        .min(16);
    let rangew = list
        .iter()
        .flat_map(|b| &b.users)
        .map(|(_, e)| range_words(*e).len())
        .max()
        .unwrap_or(0);
    for b in list {
        lines.extend(pack(
            vec![span("buffer", Role::Kind), plain(" ")],
            "  ",
            vec![
                vec![plain(format!("at {} ({:#x})", b.address, b.address))],
                vec![plain(bytes_str(b.nbytes))],
                owner_words(&b.owner),
            ],
            " · ",
            width,
        ));
        for (r, ext) in &b.users {
            let mut names = vec![span(r.name.clone(), Role::Name)];
            for a in &r.aliases {
                names.push(plain(", "));
                names.push(span(a.clone(), Role::Name));
            }
            let used: usize = names.iter().map(|s| s.text.chars().count()).sum();
            let mut first = vec![plain("  ")];
            first.extend(names);
            first.push(plain(" ".repeat(namew.saturating_sub(used) + 2)));
            first.push(plain(format!("{:<rangew$}", range_words(*ext))));
            let kind = if r.is_owner { "owner" } else { "view" };
            let mut fields = vec![vec![plain(format!(
                "  {kind} · {} {}",
                r.dtype,
                shape_str(&r.shape)
            ))]];
            if !r.is_owner {
                fields.push(vec![plain(format!("strides {}", strides_str(&r.strides)))]);
            }
            // wrapped fields line up under "owner"/"view"
            let indent = " ".repeat(6 + namew + rangew);
            lines.extend(pack(first, &indent, fields, " · ", width));
        }
    }
    lines
}

/// `bytes 16:56`, or `no bytes` for an empty array.
fn range_words(ext: Option<(i128, i128)>) -> String {
    match ext {
        Some((lo, hi)) => format!("bytes {lo}:{hi}"),
        None => "no bytes".into(),
    }
}

/// What `%whos`' memory column says about one variable: `owns 80 B`, `view of a +16 B`,
/// `list of 3 refs`; `None` for values without memory worth a word.
pub fn memory_column(m: &Holding) -> Option<String> {
    Some(match m {
        Holding::Owns { nbytes } => format!("owns {}", bytes_str(*nbytes)),
        Holding::View {
            owner,
            is_bytes,
            is_numpy_copy,
            offset_bytes,
        } => {
            let of = match owner {
                Some(o) => format!(" of {o}"),
                None if *is_bytes => " of bytes".into(),
                None if *is_numpy_copy => " of a copy".into(),
                None => String::new(),
            };
            format!("view{of} +{offset_bytes} B")
        }
        Holding::Refs { type_name, n } => format!("{type_name} of {n} refs"),
        Holding::Nothing => return None,
    })
}

/// The memory facts behind `%whos`' column.
#[derive(Clone, Debug, PartialEq)]
pub enum Holding {
    Owns {
        nbytes: usize,
    },
    View {
        /// The owner's first name, if it has one.
        owner: Option<String>,
        /// The memory belongs to a bytes object, or to a copy NumPy made unasked.
        is_bytes: bool,
        is_numpy_copy: bool,
        offset_bytes: isize,
    },
    Refs {
        type_name: &'static str,
        n: usize,
    },
    Nothing,
}
