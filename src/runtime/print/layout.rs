//! arrayprint's `_formatArray`: nested brackets, rows wrapped at the line width, `...` where an
//! axis is summarised; and `_leading_trailing`'s choice of which elements get printed at all.

use super::format::ElementFormat;
use super::{Elements, py_len};
use crate::runtime::scalar::Scalar;

/// The indices whose elements size the format (`_leading_trailing`): all of an axis, or its
/// first and last `edgeitems` when the array is summarised and the axis is longer than
/// `2 * edgeitems`. numpy quirk kept: with `edgeitems=0`, `a[-0:]` is the whole axis, so every
/// element is read although only the last of each axis is printed.
pub(super) fn printed_indices(
    shape: &[usize],
    edgeitems: usize,
    summarise: bool,
) -> Vec<Vec<usize>> {
    shape
        .iter()
        .map(|&n| {
            if summarise && n > edgeitems.saturating_mul(2) && edgeitems > 0 {
                (0..edgeitems).chain(n - edgeitems..n).collect()
            } else {
                (0..n).collect()
            }
        })
        .collect()
}

/// The printed elements in C order: what numpy's formatters are sized over.
pub(super) fn printed_elements(a: &dyn Elements, kept: &[Vec<usize>]) -> Vec<Scalar> {
    let mut out = Vec::new();
    if kept.iter().any(|k| k.is_empty()) {
        return out;
    }
    let mut pos = vec![0usize; kept.len()];
    let mut index: Vec<usize> = kept.iter().map(|k| k[0]).collect();
    loop {
        out.push(a.get(&index));
        // odometer step over the kept indices, last axis fastest
        let mut axis = kept.len();
        loop {
            if axis == 0 {
                return out;
            }
            axis -= 1;
            pos[axis] += 1;
            if pos[axis] < kept[axis].len() {
                index[axis] = kept[axis][pos[axis]];
                break;
            }
            pos[axis] = 0;
            index[axis] = kept[axis][0];
        }
    }
}

/// The fixed arguments of `_formatArray`'s recursion.
pub(super) struct Layout<'a> {
    pub array: &'a dyn Elements,
    pub format: &'a ElementFormat,
    pub separator: &'a str,
    pub edge_items: usize,
    /// Whether `...` may replace middles (`summary_insert` is non-empty).
    pub summarise: bool,
}

fn char_len(s: &str) -> i64 {
    py_len(s) as i64
}

/// `_extendLine`: start a new line when `word` would pass `line_width`, unless the line holds
/// no more than its indent (wrapping would not help).
fn extend_line(
    s: &mut String,
    line: &mut String,
    word: &str,
    line_width: i64,
    next_line_prefix: &str,
) {
    let line_len = char_len(line);
    let needs_wrap =
        line_len + char_len(word) > line_width && line_len > char_len(next_line_prefix);
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(next_line_prefix);
    }
    line.push_str(word);
}

impl Layout<'_> {
    /// `_formatArray(a, ..., line_width, next_line_prefix, ...)`.
    pub(super) fn render(&self, line_width: i64, next_line_prefix: &str) -> String {
        let mut index = Vec::with_capacity(self.array.shape().len());
        self.recurse(&mut index, next_line_prefix, line_width)
    }

    fn recurse(&self, index: &mut Vec<usize>, hanging_indent: &str, curr_width: i64) -> String {
        let shape = self.array.shape();
        let axis = index.len();
        let axes_left = shape.len() - axis;
        if axes_left == 0 {
            return self.format.format(&self.array.get(index));
        }
        // nested rows sit one column right of their '[' and must leave room for a ']'
        let next_hanging_indent = format!("{hanging_indent} ");
        let next_width = curr_width - 1;
        let a_len = shape[axis];
        let show_summary = self.summarise && self.edge_items.saturating_mul(2) < a_len;
        let (leading, trailing) = if show_summary {
            (self.edge_items, self.edge_items)
        } else {
            (0, a_len)
        };
        let mut child = |i: usize| {
            index.push(i);
            let text = self.recurse(index, &next_hanging_indent, next_width);
            index.pop();
            text
        };
        // leading items, `...` (None) when summarising, then the trailing items but the last
        let items: Vec<Option<usize>> = (0..leading)
            .map(Some)
            .chain(show_summary.then_some(None))
            .chain((2..=trailing).rev().map(|i| Some(a_len - i)))
            .collect();
        let mut word = |item: Option<usize>| item.map_or_else(|| "...".to_string(), &mut child);

        let mut s = String::new();
        if axes_left == 1 {
            let elem_width = curr_width - char_len(self.separator.trim_end()).max(1);
            let mut line = hanging_indent.to_string();
            for &item in &items {
                extend_line(&mut s, &mut line, &word(item), elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            extend_line(
                &mut s,
                &mut line,
                &word(Some(a_len - 1)),
                elem_width,
                hanging_indent,
            );
            s.push_str(&line);
        } else {
            let line_sep = format!(
                "{}{}",
                self.separator.trim_end(),
                "\n".repeat(axes_left - 1)
            );
            for &item in &items {
                s.push_str(hanging_indent);
                s.push_str(&word(item));
                s.push_str(&line_sep);
            }
            s.push_str(hanging_indent);
            s.push_str(&word(Some(a_len - 1)));
        }
        // drop the hanging indent of the first line: the '[' stands there
        format!("[{}]", &s[hanging_indent.len()..])
    }
}
