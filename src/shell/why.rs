//! Finding the "why" notes of a cell: facts about a copy NumPy made unasked, a refused dtype
//! view, overlapping or repeated elements, a scalar copied out of a buffer, ids reused in a loop.
//! Only looks at what the cell shows (its value, its error, its top-level loop), so the cost is
//! per cell, never per element.

use std::rc::{Rc, Weak};

use super::facts::{CopyNote, Derivation, Note, ViewRefusal, ViewRule, ViewSource, user_names};
use crate::error::PyError;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::runtime::buffer::Buffer;
use crate::runtime::origin::CopyKind;
use crate::runtime::{Layout, NdArray, Order, coverage};
use crate::syntax::ast::{Arg, Cell, Expr, Stmt, StmtKind, Target, UnaryOp};

/// Elements counted at most when working out how many share a byte.
const COUNT_BUDGET: usize = 1 << 20;

/// What the session remembers between cells to keep notes from repeating.
#[derive(Default)]
pub struct Explained {
    /// Buffers whose copy was already explained when shown by name.
    buffers: Vec<Weak<Buffer>>,
    /// `np.array(list)` explained once per session.
    sequence: bool,
}

/// Notes about a displayed array. `by_name`: the cell showed a bare variable (an old result,
/// whose copy note is not repeated).
pub fn array_notes(
    interp: &Interp,
    a: &Rc<NdArray>,
    shown: Option<&Expr>,
    explained: &mut Explained,
) -> Vec<Note> {
    let mut notes = Vec::new();
    if let Some(n) = copy_note(interp, a, shown, explained) {
        notes.push(n);
    }
    let layout = a.layout().clone();
    let zero_axes: Vec<usize> = (0..layout.ndim())
        .filter(|&ax| layout.shape[ax] > 1 && layout.strides[ax] == 0)
        .collect();
    if !zero_axes.is_empty() {
        let repeats = zero_axes
            .iter()
            .map(|&ax| layout.shape[ax] as u128)
            .fold(1u128, |p, n| p.saturating_mul(n));
        notes.push(Note::ZeroStrides {
            axes: zero_axes.clone(),
            repeats,
            writeable: a.is_writeable(),
        });
    }
    // overlap among the axes that move
    let moving = Layout {
        shape: (0..layout.ndim())
            .map(|ax| {
                if zero_axes.contains(&ax) {
                    1
                } else {
                    layout.shape[ax]
                }
            })
            .collect(),
        strides: layout.strides.clone(),
        offset_bytes: layout.offset_bytes,
    };
    if coverage::may_overlap(&moving, a.itemsize()) {
        let (per_byte, exact) = match coverage::max_per_byte(&moving, a.itemsize(), COUNT_BUDGET) {
            Some(k) => (k, true),
            None => (sampled_max_per_byte(&moving, a.itemsize()), false),
        };
        if per_byte > 1 {
            notes.push(Note::Overlap { per_byte, exact });
        }
    }
    notes
}

/// The most elements on one byte in three 4 KiB windows (start, middle, end of the extent).
fn sampled_max_per_byte(layout: &Layout, itemsize: usize) -> u128 {
    let Some((lo, hi)) = layout.byte_extent(itemsize) else {
        return 1;
    };
    let w: i128 = 4096;
    let mid = lo + (hi - lo) / 2;
    let mut best = 1u128;
    for start in [lo, mid - w / 2, hi - w] {
        let start = start.max(lo);
        let end = (start + w).min(hi);
        let mut diff = vec![0i128; (end - start) as usize + itemsize + 1];
        let last = diff.len() - 1;
        coverage::visit_window(layout, itemsize, start, end, COUNT_BUDGET, &mut |h| {
            let s = (h.offset_bytes - start).max(-(itemsize as i128));
            let a = s.max(0) as usize;
            let b = (s + itemsize as i128).max(0) as usize;
            diff[a] += h.repeats as i128;
            diff[b.min(last)] -= h.repeats as i128;
        });
        let mut run = 0i128;
        for d in diff {
            run += d;
            best = best.max(run.max(0) as u128);
        }
    }
    best
}

fn copy_note(
    interp: &Interp,
    a: &Rc<NdArray>,
    shown: Option<&Expr>,
    explained: &mut Explained,
) -> Option<Note> {
    let by_name = is_name(shown);
    let buf = a.buffer();
    let origin = buf.origin()?;
    // a view of a named copy (`b = a[[0, 2]]; b[1:]`) is b's business, not a new surprise
    let owner_named = !a.owns_data()
        && interp.memory_owner(a).is_some_and(|o| {
            !user_names(
                interp,
                |v| matches!(v, Value::Array(x) if Rc::ptr_eq(x, &o)),
            )
            .is_empty()
        });
    if owner_named {
        return None;
    }
    explained.buffers.retain(|w| w.strong_count() > 0);
    let seen = explained
        .buffers
        .iter()
        .any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(buf)));
    if matches!(origin.kind, CopyKind::Sequence { .. }) {
        if explained.sequence {
            return None;
        }
        explained.sequence = true;
    } else if by_name && seen {
        return None;
    }
    if !seen {
        explained.buffers.push(Rc::downgrade(buf));
    }
    let source = origin
        .source
        .upgrade()
        .and_then(|s| {
            user_names(
                interp,
                |v| matches!(v, Value::Array(x) if Rc::ptr_eq(x, &s)),
            )
            .into_iter()
            .next()
        })
        .or_else(|| shown.and_then(copied_expression));
    Some(Note::Copied(CopyNote {
        kind: origin.kind.clone(),
        order: if origin.order == Order::F { 'F' } else { 'C' },
        source,
        source_shape: origin.source_shape.clone(),
        source_strides: origin.source_strides.clone(),
        source_itemsize: origin.source_itemsize,
        nbytes: buf.nbytes(),
    }))
}

/// The text of what a displayed call copied: `m.T` in `m.T.reshape(10)`, `x` in `np.array(x)`.
fn copied_expression(e: &Expr) -> Option<String> {
    let Expr::Call { func, args } = e else {
        return None;
    };
    let Expr::Attribute(recv, method) = &**func else {
        return None;
    };
    match (&**recv, method.as_str(), args.first()) {
        (
            Expr::Name(np),
            "array" | "asarray" | "ascontiguousarray" | "asfortranarray",
            Some(Arg::Pos(x)),
        ) if np == "np" || np == "numpy" => Some(x.to_string()),
        (Expr::Name(np), _, _) if np == "np" || np == "numpy" => None,
        (r, "reshape" | "ravel", _) => Some(r.to_string()),
        _ => None,
    }
}

/// The note for a displayed scalar: where its bytes were copied from, when the cell's
/// expression is `name[literal index]` or a name bound to such an expression earlier.
pub fn scalar_note(
    interp: &Interp,
    v: &Value,
    expr: Option<&Expr>,
    derivations: &[Derivation],
) -> Option<Note> {
    let Value::Scalar(s) = v else { return None };
    let type_name = format!("numpy.{}", s.dtype.scalar_type_name());
    let (expression, (source, offset_bytes, itemsize)) = match expr? {
        Expr::Name(_) => {
            let d = derivations.iter().find(|d| d.object.is(v))?;
            (d.text.clone(), d.scalar_source.clone()?)
        }
        e => (e.to_string(), scalar_source(interp, e)?),
    };
    Some(Note::ScalarCopied {
        views: s.base.is_some(),
        type_name,
        expression,
        source,
        offset_bytes,
        itemsize,
    })
}

/// `name[i, j, ...]` with integer literals, `name` an array: (name, the element's byte offset
/// in the buffer, itemsize).
pub fn scalar_source(interp: &Interp, e: &Expr) -> Option<(String, isize, usize)> {
    let Expr::Subscript(obj, idx) = e else {
        return None;
    };
    let Expr::Name(name) = &**obj else {
        return None;
    };
    let Some(Value::Array(a)) = interp.globals.get(name) else {
        return None;
    };
    let index = literal_index(idx)?;
    let layout = a.layout();
    if index.len() != layout.ndim() {
        return None;
    }
    let mut off = layout.offset_bytes;
    for ((&i, &n), &s) in index.iter().zip(&layout.shape).zip(&layout.strides) {
        let i = if i < 0 { i + n as i128 } else { i };
        if i < 0 || i >= n as i128 {
            return None;
        }
        off += i as isize * s;
    }
    Some((name.clone(), off, a.itemsize()))
}

fn literal_index(e: &Expr) -> Option<Vec<i128>> {
    let one = |e: &Expr| match e {
        Expr::Int(i) => i128::try_from(i).ok(),
        Expr::Unary(UnaryOp::Neg, x) => match &**x {
            Expr::Int(i) => i128::try_from(i).ok().map(|i| -i),
            _ => None,
        },
        _ => None,
    };
    match e {
        Expr::Tuple(items) => items.iter().map(one).collect(),
        e => one(e).map(|i| vec![i]),
    }
}

/// The note for a refused `x.view(dtype)`, naming `x`'s last axis when `x` is a variable.
pub fn error_note(interp: &Interp, err: &PyError, cell: &Cell) -> Option<Note> {
    let rule = if *err == PyError::view_last_axis_not_contiguous() {
        ViewRule::LastAxisNotContiguous
    } else if *err == PyError::view_zero_dim() {
        ViewRule::ZeroDim
    } else if *err == PyError::view_smaller_not_divisor() {
        ViewRule::SmallerNotDivisor
    } else if *err == PyError::view_larger_not_divisor() {
        ViewRule::LargerNotDivisor
    } else {
        return None;
    };
    let source = cell.stmts.last().and_then(|s| {
        let e = match &s.kind {
            StmtKind::Expr(e) | StmtKind::Assign { value: e, .. } => e,
            _ => return None,
        };
        let Expr::Call { func, .. } = e else {
            return None;
        };
        let Expr::Attribute(recv, method) = &**func else {
            return None;
        };
        let Expr::Name(name) = &**recv else {
            return None;
        };
        match interp.globals.get(name) {
            Some(Value::Array(a)) if method == "view" => Some(ViewSource {
                name: name.clone(),
                shape: a.shape().to_vec(),
                strides: a.strides().to_vec(),
                itemsize: a.itemsize(),
            }),
            _ => None,
        }
    });
    Some(Note::ViewRefused(ViewRefusal { rule, source }))
}

/// The note after `for v in arr: ... id(v) ...` over a 1-d array (or a subscript of one,
/// `arr[:4]`): ids of new scalar objects.
pub fn loop_note(interp: &Interp, cell: &Cell) -> Option<Note> {
    cell.stmts.iter().find_map(|s| {
        let StmtKind::For {
            target: Target::Name(var),
            iter,
            ..
        } = &s.kind
        else {
            return None;
        };
        let arr = match iter {
            Expr::Name(arr) => arr,
            Expr::Subscript(obj, _) => match &**obj {
                Expr::Name(arr) => arr,
                _ => return None,
            },
            _ => return None,
        };
        let Some(Value::Array(a)) = interp.globals.get(arr) else {
            return None;
        };
        if a.ndim() != 1 || !calls_id_of(&s.to_string(), var) {
            return None;
        }
        Some(Note::IdReuse {
            var: var.clone(),
            array: arr.clone(),
            type_name: format!("numpy.{}", a.dtype().scalar_type_name()),
        })
    })
}

/// Whether canonical source text calls `id(var)` (not `myid(var)`).
fn calls_id_of(text: &str, var: &str) -> bool {
    let pat = format!("id({var})");
    text.match_indices(&pat).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'))
    })
}

/// The text of the expression a one-line `name = expression` cell binds (as typed), or of a
/// one-line expression cell; `None` for anything else.
pub fn expression_text(src: &str, cell: &Cell) -> Option<String> {
    let [stmt] = cell.stmts.as_slice() else {
        return None;
    };
    let line = src.trim();
    if line.contains('\n') {
        return None;
    }
    match &stmt.kind {
        StmtKind::Expr(_) => Some(line.trim_end_matches(';').trim_end().to_string()),
        StmtKind::Assign { targets, .. } => {
            let [Target::Name(name)] = targets.as_slice() else {
                return None;
            };
            let rest = line.strip_prefix(name.as_str())?.trim_start();
            let rest = rest.strip_prefix('=')?;
            if rest.starts_with('=') {
                return None;
            }
            Some(rest.trim().trim_end_matches(';').trim_end().to_string())
        }
        _ => None,
    }
}

/// The value of `name = value` as typed, for a statement sharing its line with others
/// (`a = np.arange(10); r = a[::-1]`).
fn typed_value(src: &str, cell: &Cell, stmt: &Stmt, name: &str) -> Option<String> {
    let on_line: Vec<&Stmt> = cell.stmts.iter().filter(|t| t.line == stmt.line).collect();
    let k = on_line.iter().position(|t| std::ptr::eq(*t, stmt))?;
    let line = src.lines().nth((stmt.line as usize).checked_sub(1)?)?;
    let parts = top_level_statements(line)?;
    if parts.len() != on_line.len() {
        return None;
    }
    let rest = parts[k].trim().strip_prefix(name)?.trim_start();
    let rest = rest.strip_prefix('=')?;
    (!rest.starts_with('=')).then(|| rest.trim().to_string())
}

/// A line cut at its top-level `;` (outside brackets, strings and a comment); `None` when a
/// bracket or string is still open at its end (the statement goes on).
fn top_level_statements(line: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, '#') => {
                parts.push(&line[start..i]);
                start = line.len();
                break;
            }
            (None, ';') if depth == 0 => {
                parts.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 || quote.is_some() {
        return None;
    }
    parts.push(&line[start.min(line.len())..]);
    parts.retain(|p| !p.trim().is_empty());
    Some(parts)
}

/// The derivations a cell made: one per top-level `name = expression` binding an array or a
/// NumPy scalar (the last one for each name).
pub fn derivations(interp: &Interp, src: &str, cell: &Cell) -> Vec<Derivation> {
    let mut out: Vec<Derivation> = Vec::new();
    for s in &cell.stmts {
        let StmtKind::Assign { targets, value } = &s.kind else {
            continue;
        };
        let [Target::Name(name)] = targets.as_slice() else {
            continue;
        };
        let Some(v) = interp.globals.get(name) else {
            continue;
        };
        let Some(object) = super::facts::WeakObj::of(v) else {
            continue;
        };
        let text = expression_text(src, cell)
            .or_else(|| typed_value(src, cell, s, name))
            .unwrap_or_else(|| value.to_string());
        let scalar_source = match v {
            Value::Scalar(_) => scalar_source(interp, value),
            _ => None,
        };
        out.retain(|d| !d.object.is(v));
        out.push(Derivation {
            object,
            text,
            scalar_source,
        });
    }
    out
}

/// Whether an expression is a bare variable.
pub fn is_name(e: Option<&Expr>) -> bool {
    matches!(e, Some(Expr::Name(_)))
}

/// The last statement's expression when it is an expression statement.
pub fn shown_expression(cell: &Cell) -> Option<&Expr> {
    match &cell.stmts.last()?.kind {
        StmtKind::Expr(e) => Some(e),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_calls_are_found_by_word() {
        assert!(calls_id_of("for i in a: { print(id(i)) }", "i"));
        assert!(calls_id_of("print(i, id(i))", "i"));
        assert!(!calls_id_of("print(myid(i))", "i"), "another function");
        assert!(!calls_id_of("print(id(ii))", "i"), "another variable");
    }

    #[test]
    fn expression_text_is_the_right_side_as_typed() {
        let text = |src: &str| {
            let cell = crate::syntax::parse(src).unwrap();
            expression_text(src, &cell)
        };
        assert_eq!(text("v = a[2:8:2].T").as_deref(), Some("a[2:8:2].T"));
        assert_eq!(text("v=a.view('S3')").as_deref(), Some("a.view('S3')"));
        assert_eq!(text("a[1:]").as_deref(), Some("a[1:]"));
        assert_eq!(
            text("a == b").as_deref(),
            Some("a == b"),
            "an expression, not a binding"
        );
        assert_eq!(text("a = 1; b = 2"), None, "two statements");
        assert_eq!(text("v = w = a[1:]"), None, "two targets");
    }

    #[test]
    fn literal_indexes_only() {
        let idx = |src: &str| match crate::syntax::parse(src).unwrap().stmts.as_slice() {
            [
                crate::syntax::ast::Stmt {
                    kind: StmtKind::Expr(Expr::Subscript(_, i)),
                    ..
                },
            ] => literal_index(i),
            _ => None,
        };
        assert_eq!(idx("a[5]"), Some(vec![5]));
        assert_eq!(idx("a[-1]"), Some(vec![-1]));
        assert_eq!(idx("a[1, 2]"), Some(vec![1, 2]));
        assert_eq!(idx("a[i]"), None, "a variable could have changed");
        assert_eq!(idx("a[1:]"), None);
    }

    #[test]
    fn lines_cut_at_top_level_semicolons() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("a = 1; r = a[::-1]", Some(&["a = 1", " r = a[::-1]"])),
            ("s = 'x;y'; t = (1; 2)", Some(&["s = 'x;y'", " t = (1; 2)"])),
            ("b = a[0]  # c; d", Some(&["b = a[0]  "])),
            ("x = 1;", Some(&["x = 1"])),
            ("m = np.array([[1, 2],", None),
            ("s = 'it\\'s; open", None),
        ];
        for (line, want) in cases {
            assert_eq!(top_level_statements(line).as_deref(), *want, "{line:?}");
        }
    }
}
