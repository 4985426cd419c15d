//! The words of the memory line and of the "why" notes: `Facts` and `Note`s in, styled lines
//! packed to the terminal width out. Ids and addresses are printed as Python prints them
//! (`id()` in decimal; the data address as `__array_interface__['data'][0]`, hex after it).

use super::facts::{ArrayFacts, CopyNote, Facts, Note, ViewRefusal, ViewRule};
use super::paint::{self, Line, Role, pack, plain, prose, span};
use crate::error::shape_str;
use crate::runtime::origin::CopyKind;

const FIRST: &str = "  ↳ ";
const INDENT: &str = "    ";
const SEP: &str = " · ";
/// From this width on, the data address is followed by its hex form.
const HEX_WIDTH: usize = 80;

/// The memory line of a displayed value, on as many lines as `width` needs.
pub fn memory_lines(f: &Facts, width: usize) -> Vec<Line> {
    let fields = match f {
        Facts::Scalar {
            type_name,
            id,
            views_element,
        } => vec![
            vec![span(format!("{type_name} scalar"), Role::Kind)],
            vec![plain(format!("a new object, id {id}"))],
            vec![plain(if *views_element {
                "refers to its array's element"
            } else {
                "not a view of any buffer"
            })],
        ],
        Facts::Array(a) => array_fields(a, width),
    };
    pack(vec![span(FIRST, Role::Arrow)], INDENT, fields, SEP, width)
}

/// `text` cut to `room` characters, ending in `…` when cut.
fn shorten(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    let mut s: String = text.chars().take(room.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn array_fields(a: &ArrayFacts, width: usize) -> Vec<Line> {
    let mut fields = Vec::new();
    let mut mentioned: Vec<&str> = Vec::new();
    match &a.owner {
        None => fields.push(vec![
            span("owns its data", Role::Kind),
            plain(format!(" ({})", bytes_str(a.nbytes))),
        ]),
        Some(o) => {
            let mut who = vec![span("view of ", Role::Kind)];
            match (o.names.as_slice(), o.out_numbers.as_slice()) {
                ([first, more @ ..], _) => {
                    who.push(span(first.clone(), Role::Name));
                    mentioned.extend(o.names.iter().map(String::as_str));
                    if !more.is_empty() {
                        who.push(plain(format!(" (also {})", more.join(", "))));
                    }
                }
                ([], [k, ..]) => who.push(plain(format!("Out[{k}]"))),
                ([], []) if o.is_bytes => who.push(plain(format!("a bytes object (id {})", o.id))),
                ([], []) if o.is_numpy_copy => who.push(plain("a copy NumPy made")),
                ([], []) if a.derivation.is_some() => who.push(plain("an unnamed array")),
                ([], []) => who.push(plain(format!("an unnamed array (id {})", o.id))),
            }
            if let Some(d) = &a.derivation {
                let room = width.saturating_sub(FIRST.chars().count() + paint::width_of(&who) + 5);
                who.push(plain(format!(" via {}", shorten(d, room.max(8)))));
            }
            fields.push(who);
            fields.push(vec![plain(format!(
                "from byte {} of {}",
                a.offset_bytes, o.nbytes
            ))]);
        }
    }
    // the hex form helps next to C tools, but costs a line when the terminal is narrow
    fields.push(vec![plain(if width >= HEX_WIDTH {
        format!("data at {} ({:#x})", a.data_address, a.data_address)
    } else {
        format!("data at {}", a.data_address)
    })]);
    fields.push(vec![plain(format!("{} {}", a.dtype, shape_str(&a.shape)))]);
    fields.push(vec![plain(format!("strides {}", strides_str(&a.strides)))]);
    let layout = match (a.c_contiguous, a.f_contiguous) {
        (true, true) if a.shape.len() > 1 => "C and F contiguous",
        (true, _) => "C-contiguous",
        (false, true) => "F-contiguous",
        (false, false) => "not contiguous",
    };
    fields.push(vec![plain(layout)]);
    if !a.writeable {
        fields.push(vec![span("read-only", Role::Warn)]);
    }
    fields.push(vec![plain(format!("id {}", a.id))]);
    let news = a.sharing.iter().any(|n| !mentioned.contains(&n.as_str()));
    if a.sharing.len() >= 2 || (news && a.owner.is_some()) {
        let mut shared = vec![plain("shared by ")];
        for (i, n) in a.sharing.iter().enumerate() {
            if i > 0 {
                shared.push(plain(", "));
            }
            shared.push(span(n.clone(), Role::Name));
        }
        fields.push(shared);
    }
    fields
}

/// A "why" note: `why:` and a sentence or two, wrapped to `width`.
pub fn note_lines(n: &Note, width: usize) -> Vec<Line> {
    prose(
        vec![plain("  "), span("why:", Role::Label), plain(" ")],
        &note_text(n),
        width,
    )
}

/// The words of a note.
pub fn note_text(n: &Note) -> String {
    match n {
        Note::Copied(c) => copy_text(c),
        Note::ViewRefused(v) => view_text(v),
        Note::Overlap { per_byte, exact } => {
            let count = if *exact {
                format!("{per_byte} elements per byte at most")
            } else {
                format!(
                    "up to {per_byte} elements per byte (counted near the start, middle and end)"
                )
            };
            format!(
                "elements share bytes: {count}. Writing one element changes every element that shares its bytes."
            )
        }
        Note::ZeroStrides {
            axes,
            repeats,
            writeable,
        } => {
            let axes = axes
                .iter()
                .map(|a| a.to_string())
                .collect::<Vec<_>>()
                .join(" and ");
            let s = if axes.contains(' ') { "axes" } else { "axis" };
            let tail = if *writeable {
                "Writing one of them writes them all."
            } else {
                "That is why it is read-only: one write would change all of them."
            };
            format!(
                "stride 0 on {s} {axes}: moving along it stays on the same bytes, so {repeats} elements of this array share each element in memory. {tail}"
            )
        }
        Note::ScalarCopied {
            views: true,
            type_name,
            expression,
            source,
            offset_bytes,
            itemsize,
        } => format!(
            "{expression} is a new {type_name} object, but not a copy: it refers to the {itemsize} bytes at byte {offset_bytes} of {source}'s buffer, so writing one of its fields ({expression}['...'] = ...) writes into {source}."
        ),
        Note::ScalarCopied {
            views: false,
            type_name,
            expression,
            source,
            offset_bytes,
            itemsize,
        } => format!(
            "{expression} is a new {type_name} object: its {itemsize} bytes were copied from byte {offset_bytes} of {source}'s buffer, so changing {source} later does not change it."
        ),
        Note::IdReuse {
            var,
            array,
            type_name,
        } => format!(
            "each pass made a new {type_name} object from an element of {array}'s buffer. When {var} moved on, the previous object was freed and CPython gave its memory to the next one, so the ids repeat. They are addresses of short-lived objects, not of {array}'s data, which is one buffer of values."
        ),
    }
}

fn copy_text(c: &CopyNote) -> String {
    let src = c.source.clone().unwrap_or_else(|| "the array".into());
    let layout = format!(
        "{src} (shape {}, strides {})",
        shape_str(&c.source_shape),
        strides_str(&c.source_strides)
    );
    let into = format!("a new {} buffer", bytes_str(c.nbytes));
    match &c.kind {
        CopyKind::Reshape { shape } => format!(
            "NumPy copied: {layout} is not {o}-contiguous, and no strides over its bytes give shape {} in {o} order. So reshape copied the elements into {into} and returned a view of the copy.",
            shape_str(shape),
            o = c.order
        ),
        CopyKind::Ravel => format!(
            "NumPy copied: {layout} is not {o}-contiguous, so its elements cannot be read in {o} order with one stride. ravel copied them into {into}.",
            o = c.order
        ),
        CopyKind::AdvancedIndex { boolean } => {
            let what = if *boolean {
                "boolean"
            } else {
                "fancy (integer-array)"
            };
            format!(
                "{what} indexing always copies: a view needs evenly spaced elements (one stride per axis), and picked elements need not be. The picked elements of {src} were copied into {into}."
            )
        }
        CopyKind::ArrayDefault => format!(
            "np.array copies by default (copy=True): this is {into}, not {src}'s. np.asarray({src}) would return {src} itself."
        ),
        CopyKind::ForOrder => format!(
            "NumPy copied: {layout} is not {o}-contiguous, so it was copied into {into} in {o} order.",
            o = c.order
        ),
        CopyKind::Sequence { type_name, len } => format!(
            "np.array read the {len} objects of the {type_name} and wrote their values into {into}: the array holds values, the {type_name} holds references to objects."
        ),
    }
}

fn view_text(v: &ViewRefusal) -> String {
    let rule = "Since NumPy 1.23, a view with another itemsize reinterprets the bytes of the last axis only";
    match (&v.rule, &v.source) {
        (ViewRule::LastAxisNotContiguous, Some(s)) => {
            let last = s.strides.last().copied().unwrap_or(0);
            format!(
                "{rule}, so the last axis must be contiguous: its stride must equal the itemsize ({} B). The last axis of {} has stride {last} B. A copy is contiguous: {}.copy().view(...).",
                s.itemsize, s.name, s.name
            )
        }
        (ViewRule::LastAxisNotContiguous, None) => format!(
            "{rule}, so the last axis must be contiguous: its stride must equal the itemsize. Here it does not. A copy is contiguous: .copy().view(...)."
        ),
        (ViewRule::ZeroDim, _) => {
            "A 0-d array has no last axis to split or regroup, so only a dtype of the same itemsize can view it.".into()
        }
        (ViewRule::SmallerNotDivisor, _) => format!(
            "{rule}: each item is split into smaller ones, so the new itemsize must divide the old one."
        ),
        (ViewRule::LargerNotDivisor, s) => {
            let total = s.as_ref().map(|s| {
                format!(
                    " ({} elements × {} B = {} B here)",
                    s.shape.last().copied().unwrap_or(0),
                    s.itemsize,
                    s.shape.last().copied().unwrap_or(0) * s.itemsize
                )
            });
            format!(
                "{rule}: its bytes{} are regrouped into bigger items, so the new itemsize must divide them.",
                total.unwrap_or_default()
            )
        }
    }
}

pub fn strides_str(strides: &[isize]) -> String {
    match strides {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            strides
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A byte count as people read it: `80 B`, `9.8 KiB`, `7.6 MiB`.
pub fn bytes_str(n: usize) -> String {
    match n {
        0..=9_999 => format!("{n} B"),
        10_000..=9_999_999 => format!("{:.1} KiB", n as f64 / 1024.0),
        10_000_000..=9_999_999_999 => format!("{:.1} MiB", n as f64 / (1 << 20) as f64),
        _ => format!("{:.1} GiB", n as f64 / (1u64 << 30) as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::super::facts::OwnerFacts;
    use super::super::paint::render;
    use super::*;

    fn view() -> ArrayFacts {
        ArrayFacts {
            dtype: "int64".into(),
            shape: vec![3],
            strides: vec![16],
            itemsize: 8,
            id: 139896379441440,
            data_address: 0x55d0a0000020,
            buffer_address: 0x55d0a0000010,
            offset_bytes: 16,
            nbytes: 24,
            buffer_nbytes: 96,
            owns_data: false,
            writeable: true,
            c_contiguous: false,
            f_contiguous: false,
            owner: Some(OwnerFacts {
                id: 1,
                is_bytes: false,
                names: vec!["a".into(), "b".into()],
                out_numbers: vec![],
                nbytes: 96,
                is_numpy_copy: false,
            }),
            sharing: vec!["a".into(), "b".into(), "c".into()],
            derivation: Some("a[2:8:2]".into()),
        }
    }

    #[test]
    fn the_line_uses_pythons_numbers() {
        let text = render(&memory_lines(&Facts::Array(Box::new(view())), 200), false);
        assert!(text.contains("id 139896379441440"), "{text}");
        // __array_interface__['data'][0] is the data pointer: buffer + offset
        assert!(
            text.contains(&format!("data at {} (0x55d0a0000020)", 0x55d0a0000020u64)),
            "{text}"
        );
        assert!(text.contains("view of a (also b) via a[2:8:2]"), "{text}");
        assert!(text.contains("shared by a, b, c"), "{text}");
    }

    #[test]
    fn the_line_fits_the_width() {
        for width in [100, 80, 60] {
            let lines = memory_lines(&Facts::Array(Box::new(view())), width);
            let text = render(&lines, false);
            assert!(
                text.lines().all(|l| l.chars().count() <= width),
                "{width}:\n{text}"
            );
            assert!(text.contains("strides (16,)"), "never split inside a field");
        }
        assert_eq!(memory_lines(&Facts::Array(Box::new(view())), 60).len(), 3);
        let text = render(&memory_lines(&Facts::Array(Box::new(view())), 20), false);
        assert!(
            text.contains("data at 94354525913120\n"),
            "a field wider than the line keeps a line of its own:\n{text}"
        );
    }

    #[test]
    fn long_derivations_are_shortened_to_fit() {
        let mut f = view();
        f.derivation = Some(format!(
            "np.lib.stride_tricks.as_strided(x, {})",
            "(8, 3), ".repeat(9)
        ));
        let text = render(&memory_lines(&Facts::Array(Box::new(f)), 60), false);
        let first = text.lines().next().unwrap();
        assert!(
            first.chars().count() <= 60 && first.ends_with('…'),
            "{text}"
        );
    }
}
