//! Drawing `%mem`'s byte map: a strip of byte cells grouped by the owner's elements under a
//! ruler of byte offsets, one row per array marking the bytes it covers with each element's
//! index at its first byte (or `×k` where k elements share bytes), the middle of large buffers
//! left out around what must be seen, then a line per array and, for 2-d and higher arrays, the
//! grid of each element's byte offset for the arrays asked about. Symbols carry every meaning; colour only repeats them.

use super::facts::{ByteMap, MapRow};
use super::memline::{bytes_str, strides_str};
use super::paint::{Line, Role, pack, plain, prose, span, width_of};
use crate::error::shape_str;
use crate::runtime::{Layout, coverage};

/// Elements visited at most per row and window (a picture never costs more than this).
const VISIT_BUDGET: usize = 200_000;
/// Cells are at most this wide; longer index labels are cut.
const MAX_CELL: usize = 8;
/// An owner element is drawn this wide when the width allows.
const PREFERRED_ELEMENT: usize = 5;
/// A left-out stretch of bytes between two windows.
const GAP: &str = " ┄ ";
/// The columns between two windows: the first one's closing `│`, then `GAP`.
const GAP_WIDTH: usize = 4;
/// Rows and columns of an index grid shown at each end before `…`.
const GRID_EDGE: usize = 3;

/// The picture, laid out for `width` columns.
pub fn draw(map: &ByteMap, width: usize) -> Vec<Line> {
    let mut lines = header(map, width);
    let plan = Plan::new(map, width);
    lines.extend(plan.strip(map));
    for (k, row) in map.rows.iter().enumerate() {
        lines.extend(legend(row, k, plan.margin, width));
    }
    if let Some(key) = plan.key() {
        for line in pack(vec![plain("key: ")], "     ", key, " · ", width) {
            if width_of(&line) <= width {
                lines.push(line);
                continue;
            }
            // narrower than one entry: its words wrap under it
            let text: String = line.iter().map(|s| s.text.as_str()).collect();
            let (lead, rest) = text.split_at("key: ".len());
            lines.extend(prose(vec![plain(lead)], rest, width));
        }
    }
    for row in map.rows.iter().filter(|r| r.shape.len() >= 2 && r.asked) {
        lines.extend(grid(row, width));
    }
    lines
}

fn header(map: &ByteMap, width: usize) -> Vec<Line> {
    let o = &map.owner;
    let whose = match o.names.as_slice() {
        [first, more @ ..] => {
            let mut l = vec![span(first.clone(), Role::Name), plain("'s buffer")];
            if !more.is_empty() {
                l.push(plain(format!(" (also {})", more.join(", "))));
            }
            l
        }
        [] if o.is_bytes => vec![plain("buffer of a bytes object")],
        [] if o.is_numpy_copy => vec![plain("buffer of a copy NumPy made")],
        [] => vec![plain("buffer of an unnamed array")],
    };
    let fields = vec![
        vec![plain(bytes_str(map.nbytes))],
        vec![plain(format!("at {} ({:#x})", map.address, map.address))],
        vec![plain(if o.is_bytes {
            "bytes".to_string()
        } else {
            format!(
                "{} × {} ({} B each)",
                map.nbytes / o.itemsize.max(1),
                o.dtype,
                o.itemsize
            )
        })],
    ];
    let mut first = whose;
    first.push(plain(": "));
    pack(first, "  ", fields, " · ", width)
}

/// How the strip is laid out: the byte unit, the cell width, the windows of owner elements.
struct Plan {
    /// Bytes per cell: every element boundary of every row falls on a multiple of it.
    unit: usize,
    /// Cells per owner element.
    group: usize,
    /// Characters per cell.
    cell: usize,
    owner_itemsize: usize,
    /// Owner elements shown: half-open ranges, in order, with gaps between.
    windows: Vec<(usize, usize)>,
    margin: usize,
    nbytes: usize,
    /// The width the picture must fit (the ruler's last offset may reach past the strip).
    width: usize,
    used_count: std::cell::Cell<bool>,
    /// Fills drawn: 1 = `═` (alternating), 2 = `←` (backwards).
    used_fills: std::cell::Cell<u8>,
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

fn layout_of(row: &MapRow) -> Layout {
    Layout {
        shape: row.shape.clone(),
        strides: row.strides.clone(),
        offset_bytes: row.offset_bytes,
    }
}

/// The byte range `[lo, hi)` a row reaches, if it has elements.
fn extent(row: &MapRow) -> Option<(i128, i128)> {
    layout_of(row).byte_extent(row.itemsize)
}

fn label_len(row: &MapRow) -> usize {
    if row.shape.is_empty() {
        return 2; // "()": the index of a 0-d array's element
    }
    row.shape
        .iter()
        .map(|&n| digits(n.saturating_sub(1)))
        .sum::<usize>()
        + row.shape.len()
        - 1
}

impl Plan {
    fn new(map: &ByteMap, width: usize) -> Plan {
        let owner_itemsize = map.owner.itemsize.max(1);
        let mut unit = owner_itemsize;
        if map.nbytes > 0 {
            unit = gcd(unit, map.nbytes);
        }
        let mut cell = 1;
        for row in &map.rows {
            if extent(row).is_none() {
                continue;
            }
            unit = gcd(unit, row.itemsize.max(1));
            unit = gcd(unit, row.offset_bytes.unsigned_abs());
            for (&n, &s) in row.shape.iter().zip(&row.strides) {
                if n > 1 && s != 0 {
                    unit = gcd(unit, s.unsigned_abs());
                }
            }
        }
        let unit = unit.max(1);
        for row in &map.rows {
            let cells_per_elem = (row.itemsize / unit).max(1);
            let mut need = label_len(row).div_ceil(cells_per_elem);
            if coverage::may_overlap(&layout_of(row), row.itemsize) {
                need = need.max(2); // room for "×k"
            }
            cell = cell.max(need);
        }
        let group = (owner_itemsize / unit).max(1);
        let needed = cell.min(MAX_CELL);
        let margin = map
            .rows
            .iter()
            .map(|r| r.name.chars().count().min(10))
            .max()
            .unwrap_or(0)
            .max(4)
            + 1;
        let elems = map.nbytes.div_ceil(owner_itemsize);
        let mut plan = Plan {
            unit,
            group,
            cell: needed,
            owner_itemsize,
            windows: Vec::new(),
            margin,
            nbytes: map.nbytes,
            width,
            used_count: std::cell::Cell::new(false),
            used_fills: std::cell::Cell::new(0),
        };
        // wider cells read better: take the widest (up to an element of PREFERRED_ELEMENT
        // characters) with which the whole buffer still fits
        let widest = needed.max(PREFERRED_ELEMENT / group);
        for cell in (needed..=widest).rev() {
            plan.cell = cell;
            if plan.strip_width(&[(0, elems)]) <= width {
                break;
            }
        }
        if plan.strip_width(&[(0, elems)]) > width {
            plan.cell = needed;
        }
        plan.windows = plan.choose_windows(map, elems, width);
        plan.width = width;
        plan
    }

    fn elem_width(&self) -> usize {
        self.group * self.cell + 1
    }

    fn strip_width(&self, windows: &[(usize, usize)]) -> usize {
        let elems: usize = windows.iter().map(|(a, b)| b - a).sum();
        self.margin + elems * self.elem_width() + windows.len().saturating_sub(1) * GAP_WIDTH + 1
    }

    /// All owner elements when they fit; otherwise windows around the buffer's ends and the
    /// first and last element each row reaches, as wide as the width allows.
    fn choose_windows(&self, map: &ByteMap, elems: usize, width: usize) -> Vec<(usize, usize)> {
        if elems == 0 {
            return Vec::new();
        }
        let all = vec![(0, elems)];
        if self.strip_width(&all) <= width {
            return all;
        }
        let mut must = vec![0, elems - 1];
        for row in &map.rows {
            if let Some((lo, hi)) = extent(row) {
                must.push((lo.max(0) as usize) / self.owner_itemsize);
                must.push(((hi - 1).max(0) as usize) / self.owner_itemsize);
            }
        }
        must.sort_unstable();
        must.dedup();
        let windows_for = |c: usize| -> Vec<(usize, usize)> {
            let mut w: Vec<(usize, usize)> = Vec::new();
            for &k in &must {
                let (a, b) = (k.saturating_sub(c), (k + c + 1).min(elems));
                match w.last_mut() {
                    // touching windows merge: a gap would hide nothing
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => w.push((a, b)),
                }
            }
            w
        };
        let mut c = 0;
        while c < elems && self.strip_width(&windows_for(c + 1)) <= width {
            c += 1;
        }
        let mut w = windows_for(c);
        // too narrow even for single elements: keep what fits, the buffer's last one included
        while w.len() > 2 && self.strip_width(&w) > width {
            w.remove(w.len() - 2);
        }
        w
    }

    /// What the symbols in the strip mean, for those that appear.
    fn key(&self) -> Option<Vec<Line>> {
        let fills = self.used_fills.get();
        let mut other = "─ its other bytes".to_string();
        if fills & 1 != 0 {
            other.push_str(" (═ for every other element)");
        }
        let mut k = vec![
            vec![plain("a number is an element's index at its first byte")],
            vec![plain(other)],
        ];
        if fills & 2 != 0 {
            k.push(vec![plain("← an element of a row that runs backwards")]);
        }
        if self.used_count.get() {
            k.push(vec![plain("×k: k elements on these bytes")]);
        }
        if self.windows.len() > 1 {
            k.push(vec![plain("┄ bytes left out")]);
        }
        Some(k)
    }

    /// The ruler and one row per array.
    fn strip(&self, map: &ByteMap) -> Vec<Line> {
        let mut lines = vec![self.ruler()];
        for (k, row) in map.rows.iter().enumerate() {
            lines.push(self.row_line(row, k));
        }
        lines
    }

    fn ruler(&self) -> Line {
        let total = (self.strip_width(&self.windows) + 8).min(self.width.max(self.margin + 4));
        let mut chars = vec![' '; total];
        for (i, ch) in "byte".chars().enumerate() {
            chars[i] = ch;
        }
        let mut free = self.margin;
        let mut start = self.margin;
        for &(a, b) in &self.windows {
            for e in a..=b {
                let col = start + (e - a) * self.elem_width();
                let text = (e * self.owner_itemsize).min(self.nbytes).to_string();
                if col >= free && col + text.len() <= total {
                    for (i, ch) in text.chars().enumerate() {
                        chars[col + i] = ch;
                    }
                    free = col + text.len() + 1;
                }
            }
            start += (b - a) * self.elem_width() + GAP_WIDTH;
        }
        let text: String = chars.into_iter().collect();
        vec![span(text.trim_end(), Role::Frame)]
    }

    fn row_line(&self, row: &MapRow, k: usize) -> Line {
        let role = Role::Row(if row.is_owner { 0 } else { k.max(1) });
        let name: String = row.name.chars().take(self.margin - 1).collect();
        let mut line = vec![span(format!("{:<w$}", name, w = self.margin), Role::Name)];
        let layout = layout_of(row);
        let backwards = walks_backwards(row);
        for (wi, &(a, b)) in self.windows.iter().enumerate() {
            if wi > 0 {
                line.push(span("│", Role::Frame));
                line.push(span(GAP, Role::Frame));
            }
            line.extend(self.window_cells(row, &layout, a, b, role, backwards));
        }
        line.push(span("│", Role::Frame));
        line
    }

    /// The cells of owner elements `a..b` for one row: `│` before each element, then its cells.
    fn window_cells(
        &self,
        row: &MapRow,
        layout: &Layout,
        a: usize,
        b: usize,
        role: Role,
        backwards: bool,
    ) -> Line {
        let units = (b - a) * self.group;
        let first_unit = a * self.group;
        let lo = (a * self.owner_itemsize) as i128;
        let hi = ((b * self.owner_itemsize).min(self.nbytes)) as i128;
        let mut count = vec![0u128; units];
        let mut starts: Vec<Option<String>> = vec![None; units];
        // the last unit of the element that starts at each unit (how far a label may spill)
        let mut span_end = vec![0usize; units];
        let itemsize = row.itemsize.max(1) as i128;
        let complete =
            coverage::visit_window(layout, row.itemsize, lo, hi, VISIT_BUDGET, &mut |h| {
                let u = self.unit as i128;
                let first = h.offset_bytes.div_euclid(u) - first_unit as i128;
                let last = (h.offset_bytes + itemsize - 1).div_euclid(u) - first_unit as i128;
                for x in first.max(0)..=last.min(units as i128 - 1) {
                    count[x as usize] += h.repeats;
                }
                if (0..units as i128).contains(&first) {
                    let f = first as usize;
                    starts[f] = Some(index_label(h.index, row.shape.len()));
                    span_end[f] = last.min(units as i128 - 1) as usize;
                }
            });
        let w = self.elem_width();
        let mut cells: Vec<(char, Role)> = Vec::with_capacity((b - a) * w);
        for _ in a..b {
            cells.push(('│', Role::Frame));
            cells.extend(std::iter::repeat_n((' ', role), w - 1));
        }
        let pos = |unit: usize| (unit / self.group) * w + 1 + (unit % self.group) * self.cell;
        if !complete {
            let msg = "too many elements to draw";
            for (i, ch) in msg.chars().enumerate().take(cells.len().saturating_sub(1)) {
                cells[i + 1] = (ch, Role::Warn);
            }
            return cells_to_line(cells);
        }
        // where elements may start inside the owner's elements, neighbours alternate their
        // fill so that each element's extent shows without colour
        let whole = |n: usize| n.is_multiple_of(self.owner_itemsize);
        let straddles = !whole(row.itemsize)
            || !whole(row.offset_bytes.unsigned_abs())
            || row.strides.iter().any(|s| !whole(s.unsigned_abs()));
        let mut parity = vec![false; units];
        // an element cut by the window's left edge counts as the one before the first start
        let mut odd = straddles;
        for x in 0..units {
            if starts[x].is_some() {
                odd = !odd && straddles;
            }
            parity[x] = odd;
        }
        for x in 0..units {
            if count[x] == 1 {
                let fill = match (backwards, parity[x]) {
                    (true, _) => '←',
                    (false, false) => '─',
                    (false, true) => '═',
                };
                self.used_fills
                    .set(self.used_fills.get() | parity[x] as u8 | (backwards as u8) << 1);
                for c in 0..self.cell {
                    cells[pos(x) + c] = (fill, role);
                }
            }
        }
        for x in 0..units {
            if count[x] >= 2 {
                self.used_count.set(true);
                let text = format!("×{}", count[x]);
                let room = self.cell;
                for (i, ch) in text.chars().take(room).enumerate() {
                    cells[pos(x) + i] = (ch, Role::Warn);
                }
                for c in text.chars().count().min(room)..room {
                    cells[pos(x) + c] = (' ', role);
                }
            } else if count[x] == 1
                && let Some(label) = &starts[x]
            {
                // the label may spill over the element's following cells, never past it
                let end = pos(span_end[x]) + self.cell;
                let mut col = pos(x);
                let mut last = None;
                let mut placed = 0;
                for ch in label.chars() {
                    while col < end && cells[col].0 == '│' {
                        col += 1;
                    }
                    if col >= end {
                        break;
                    }
                    cells[col] = (ch, role);
                    last = Some(col);
                    placed += 1;
                    col += 1;
                }
                // a label cut short says so (the grid below has the whole index)
                if placed < label.chars().count()
                    && let Some(l) = last
                {
                    cells[l] = ('…', role);
                }
            }
        }
        cells_to_line(cells)
    }
}

fn cells_to_line(cells: Vec<(char, Role)>) -> Line {
    let mut line: Line = Vec::new();
    for (ch, role) in cells {
        match line.last_mut() {
            Some(s) if s.role == role => s.text.push(ch),
            _ => line.push(span(ch.to_string(), role)),
        }
    }
    line
}

/// Whether the row's index runs towards lower addresses along its fastest-moving axis.
fn walks_backwards(row: &MapRow) -> bool {
    row.shape
        .iter()
        .zip(&row.strides)
        .rev()
        .find(|(n, s)| **n > 1 && **s != 0)
        .is_some_and(|(_, s)| *s < 0)
}

fn index_label(index: &[usize], ndim: usize) -> String {
    if ndim == 0 {
        return "()".into();
    }
    index
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The line under the strip that says what a row is.
fn legend(row: &MapRow, k: usize, margin: usize, width: usize) -> Vec<Line> {
    let role = Role::Row(if row.is_owner { 0 } else { k.max(1) });
    let name: String = row.name.chars().take(margin - 1).collect();
    let first = vec![span(format!("{:<w$}", name, w = margin), Role::Name)];
    let mut fields: Vec<Line> = Vec::new();
    let mut what = if row.is_owner {
        vec![span("owner", role)]
    } else {
        vec![span(format!("view from byte {}", row.offset_bytes), role)]
    };
    if !row.aliases.is_empty() {
        what.push(plain(format!(" (also {})", row.aliases.join(", "))));
    }
    fields.push(what);
    fields.push(vec![plain(format!(
        "{} {}",
        row.dtype,
        shape_str(&row.shape)
    ))]);
    fields.push(vec![plain(format!(
        "strides {}",
        strides_str(&row.strides)
    ))]);
    if let Some((lo, hi)) = extent(row) {
        fields.push(vec![plain(format!("bytes {lo}:{hi}"))]);
    }
    let back: Vec<String> = row
        .shape
        .iter()
        .zip(&row.strides)
        .enumerate()
        .filter(|(_, (n, s))| **n > 1 && **s < 0)
        .map(|(ax, _)| ax.to_string())
        .collect();
    if row.shape.len() == 1 && !back.is_empty() {
        fields.push(vec![plain("runs backwards")]);
    } else if !back.is_empty() {
        let axes = if back.len() == 1 { "axis" } else { "axes" };
        fields.push(vec![plain(format!(
            "runs backwards along {axes} {}",
            back.join(", ")
        ))]);
    }
    if coverage::may_overlap(&layout_of(row), row.itemsize) {
        fields.push(vec![span("elements share bytes", Role::Warn)]);
    }
    if !row.writeable {
        fields.push(vec![span("read-only", Role::Warn)]);
    }
    pack(first, &" ".repeat(margin), fields, " · ", width)
}

/// For a 2-d or higher array: the byte offset of each element, `offset + Σ iₖ·strideₖ`.
fn grid(row: &MapRow, width: usize) -> Vec<Line> {
    let nd = row.shape.len();
    let axes = ["i", "j", "k", "l", "m", "n"];
    let var = |ax: usize| {
        axes.get(ax)
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("i{ax}"))
    };
    let mut formula = row.offset_bytes.to_string();
    for (ax, &s) in row.strides.iter().enumerate() {
        let sign = if s < 0 { " - " } else { " + " };
        formula.push_str(&format!("{sign}{}·{}", s.unsigned_abs(), var(ax)));
    }
    let index = (0..nd).map(var).collect::<Vec<_>>().join(", ");
    let mut lines = pack(
        vec![
            span(row.name.clone(), Role::Name),
            plain(format!("[{index}] starts at byte ")),
        ],
        "  ",
        vec![vec![plain(format!("{formula}:"))]],
        "",
        width,
    );
    let (rows_ax, cols_ax) = (nd - 2, nd - 1);
    let pick = |n: usize| -> Vec<Option<usize>> {
        if n <= 2 * GRID_EDGE + 1 {
            (0..n).map(Some).collect()
        } else {
            let mut v: Vec<Option<usize>> = (0..GRID_EDGE).map(Some).collect();
            v.push(None);
            v.extend((n - GRID_EDGE..n).map(Some));
            v
        }
    };
    let offset = |idx: &[usize]| -> i128 {
        row.offset_bytes as i128
            + idx
                .iter()
                .zip(&row.strides)
                .map(|(&i, &s)| i as i128 * s as i128)
                .sum::<i128>()
    };
    // the leading indices (for 3-d and more): the first and last block only
    let lead_shape = &row.shape[..nd - 2];
    let mut blocks: Vec<Vec<usize>> = vec![vec![0; nd - 2]];
    if lead_shape.iter().product::<usize>() > 1 {
        blocks.push(lead_shape.iter().map(|n| n - 1).collect());
    }
    let rows = pick(row.shape[rows_ax]);
    let cols = pick(row.shape[cols_ax]);
    for (bi, lead) in blocks.iter().enumerate() {
        if nd > 2 {
            if bi > 0 && lead_shape.iter().product::<usize>() > 2 {
                lines.push(vec![plain("  …")]);
            }
            let l = lead
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            lines.push(vec![plain(format!("  [{l}, :, :]"))]);
        }
        let cell_text = |r: usize, c: usize| {
            let mut idx = lead.clone();
            idx.push(r);
            idx.push(c);
            offset(&idx).to_string()
        };
        let mut colw = 3;
        for &c in cols.iter().flatten() {
            colw = colw.max(format!("{}={c}", var(cols_ax)).len());
            for &r in rows.iter().flatten() {
                colw = colw.max(cell_text(r, c).len());
            }
        }
        let roww = rows
            .iter()
            .flatten()
            .map(|r| format!("{}={r}", var(rows_ax)).len())
            .max()
            .unwrap_or(3);
        let mut head = format!("  {:w$}", "", w = roww);
        for c in &cols {
            let t = c.map_or("…".to_string(), |c| format!("{}={c}", var(cols_ax)));
            head.push_str(&format!("  {t:>colw$}"));
        }
        lines.push(vec![span(head, Role::Frame)]);
        for r in &rows {
            let mut l: Line = Vec::new();
            match r {
                None => l.push(plain(format!("  {:>roww$}", "⋮"))),
                Some(r) => {
                    l.push(span(
                        format!("  {:>roww$}", format!("{}={r}", var(rows_ax))),
                        Role::Frame,
                    ));
                    let mut t = String::new();
                    for c in &cols {
                        let v = c.map_or("…".to_string(), |c| cell_text(*r, c));
                        t.push_str(&format!("  {v:>colw$}"));
                    }
                    l.push(plain(t));
                }
            }
            lines.push(l);
        }
    }
    lines
}

#[cfg(test)]
mod tests;
