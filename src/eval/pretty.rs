//! IPython's `pretty()` (the text/plain formatter behind `Out[n]`): lists, tuples, dicts and
//! sets wrapped at 79 columns with its group/breakable algorithm, types shown as `numpy.int64`,
//! everything else by `repr` with its lines re-indented. A port of IPython.lib.pretty's logic.

use std::collections::VecDeque;

use super::Interp;
use super::value::*;
use crate::error::{PyError, PyResult};

const MAX_WIDTH: usize = 79;
const MAX_SEQ_LENGTH: usize = 1000;

struct Group {
    depth: usize,
    breakables: VecDeque<usize>,
    want_break: bool,
}

enum Item {
    Text(String, usize),
    Breakable {
        sep: String,
        indentation: usize,
        group: usize,
    },
}

struct Printer {
    out: String,
    output_width: usize,
    buffer_width: usize,
    indentation: usize,
    buffer: VecDeque<Item>,
    groups: Vec<Group>,
    stack: Vec<usize>,
    queue: Vec<Vec<usize>>,
}

impl Printer {
    fn new() -> Printer {
        let mut p = Printer {
            out: String::new(),
            output_width: 0,
            buffer_width: 0,
            indentation: 0,
            buffer: VecDeque::new(),
            groups: vec![Group {
                depth: 0,
                breakables: VecDeque::new(),
                want_break: false,
            }],
            stack: vec![0],
            queue: Vec::new(),
        };
        p.enqueue(0);
        p
    }

    fn enqueue(&mut self, g: usize) {
        let depth = self.groups[g].depth;
        while self.queue.len() <= depth {
            self.queue.push(Vec::new());
        }
        self.queue[depth].push(g);
    }

    /// IPython's `GroupQueue.deq` (including its quirk of deleting by reversed index).
    fn dequeue(&mut self) -> Option<usize> {
        for li in 0..self.queue.len() {
            let level = self.queue[li].clone();
            for (idx, &g) in level.iter().rev().enumerate() {
                if !self.groups[g].breakables.is_empty() {
                    self.queue[li].remove(idx);
                    self.groups[g].want_break = true;
                    return Some(g);
                }
            }
            for &g in &level {
                self.groups[g].want_break = true;
            }
            self.queue[li].clear();
        }
        None
    }

    fn unqueue(&mut self, g: usize) {
        let depth = self.groups[g].depth;
        if let Some(level) = self.queue.get_mut(depth)
            && let Some(pos) = level.iter().position(|&x| x == g)
        {
            level.remove(pos);
        }
    }

    fn output_item(&mut self, item: Item) {
        match item {
            Item::Text(s, w) => {
                self.out.push_str(&s);
                self.output_width += w;
            }
            Item::Breakable {
                sep,
                indentation,
                group,
            } => {
                self.groups[group].breakables.pop_front();
                if self.groups[group].want_break {
                    self.out.push('\n');
                    self.out.push_str(&" ".repeat(indentation));
                    self.output_width = indentation;
                } else {
                    if self.groups[group].breakables.is_empty() {
                        self.unqueue(group);
                    }
                    self.out.push_str(&sep);
                    self.output_width += sep.len();
                }
            }
        }
    }

    fn item_width(item: &Item) -> usize {
        match item {
            Item::Text(_, w) => *w,
            Item::Breakable { sep, .. } => sep.len(),
        }
    }

    fn break_one_group(&mut self, g: usize) {
        while !self.groups[g].breakables.is_empty() {
            let Some(x) = self.buffer.pop_front() else {
                break;
            };
            self.buffer_width -= Self::item_width(&x);
            self.output_item(x);
        }
        while matches!(self.buffer.front(), Some(Item::Text(..))) {
            if let Some(x) = self.buffer.pop_front() {
                self.buffer_width -= Self::item_width(&x);
                self.output_item(x);
            }
        }
    }

    fn break_outer_groups(&mut self) {
        while MAX_WIDTH < self.output_width + self.buffer_width {
            let Some(g) = self.dequeue() else { return };
            self.break_one_group(g);
        }
    }

    fn text(&mut self, s: &str) {
        let w = s.chars().count();
        if !self.buffer.is_empty() {
            if let Some(Item::Text(t, tw)) = self.buffer.back_mut() {
                t.push_str(s);
                *tw += w;
            } else {
                self.buffer.push_back(Item::Text(s.to_string(), w));
            }
            self.buffer_width += w;
            self.break_outer_groups();
        } else {
            self.out.push_str(s);
            self.output_width += w;
        }
    }

    fn breakable(&mut self) {
        let g = *self.stack.last().unwrap_or(&0);
        if self.groups[g].want_break {
            self.flush();
            self.out.push('\n');
            self.out.push_str(&" ".repeat(self.indentation));
            self.output_width = self.indentation;
            self.buffer_width = 0;
        } else {
            let idx = self.buffer.len();
            self.groups[g].breakables.push_back(idx);
            self.buffer.push_back(Item::Breakable {
                sep: " ".into(),
                indentation: self.indentation,
                group: g,
            });
            self.buffer_width += 1;
            self.break_outer_groups();
        }
    }

    fn break_(&mut self) {
        if let Some(g) = self.dequeue() {
            self.break_one_group(g);
        }
        self.flush();
        self.out.push('\n');
        self.out.push_str(&" ".repeat(self.indentation));
        self.output_width = self.indentation;
        self.buffer_width = 0;
    }

    fn begin(&mut self, indent: usize, open: &str) {
        if !open.is_empty() {
            self.text(open);
        }
        let depth = self.groups[*self.stack.last().unwrap_or(&0)].depth + 1;
        self.groups.push(Group {
            depth,
            breakables: VecDeque::new(),
            want_break: false,
        });
        let g = self.groups.len() - 1;
        self.stack.push(g);
        self.enqueue(g);
        self.indentation += indent;
    }

    fn end(&mut self, dedent: usize, close: &str) {
        self.indentation -= dedent;
        if let Some(g) = self.stack.pop()
            && self.groups[g].breakables.is_empty()
        {
            self.unqueue(g);
        }
        if !close.is_empty() {
            self.text(close);
        }
    }

    fn flush(&mut self) {
        while let Some(x) = self.buffer.pop_front() {
            self.output_item(x);
        }
        self.buffer_width = 0;
    }
}

impl Interp {
    /// IPython's text for `Out[n]`.
    pub fn pretty(&mut self, v: &Value) -> PyResult<String> {
        let mut p = Printer::new();
        self.pretty_into(&mut p, v)?;
        p.flush();
        Ok(p.out)
    }

    fn pretty_into(&mut self, p: &mut Printer, v: &Value) -> PyResult<()> {
        // IPython's printer recurses in Python: nesting past the recursion limit fails there too
        self.repr_depth += 1;
        if self.repr_depth > 1000 {
            self.repr_depth -= 1;
            return Err(PyError::recursion_depth(" while calling a Python object"));
        }
        p.begin(0, "");
        let r = self.pretty_dispatch(p, v);
        p.end(0, "");
        self.repr_depth -= 1;
        r
    }

    fn pretty_dispatch(&mut self, p: &mut Printer, v: &Value) -> PyResult<()> {
        match v {
            Value::Tuple(t) => {
                let items = t.items.clone();
                let trailing = if items.len() == 1 { "," } else { "" };
                self.pretty_items(p, "(", &items, ")", trailing)
            }
            Value::List(l) => {
                let items = l.items.borrow().clone();
                self.pretty_items(p, "[", &items, "]", "")
            }
            Value::Set(s) => {
                let items = s.items.borrow().clone();
                if items.is_empty() {
                    p.text("set()");
                    return Ok(());
                }
                self.pretty_items(p, "{", &items, "}", "")
            }
            Value::Dict(d) => {
                let items = d.items.borrow().clone();
                p.begin(1, "{");
                for (i, (k, val)) in items.iter().enumerate() {
                    if i >= MAX_SEQ_LENGTH {
                        p.text(",");
                        p.breakable();
                        p.text("...");
                        break;
                    }
                    if i > 0 {
                        p.text(",");
                        p.breakable();
                    }
                    self.pretty_into(p, k)?;
                    p.text(": ");
                    self.pretty_into(p, val)?;
                }
                p.end(1, "}");
                Ok(())
            }
            Value::Type(t) => {
                p.text(&super::pyrepr::type_qualname(t.kind));
                Ok(())
            }
            Value::Dummy(_) => {
                let id = self.id_of(v);
                p.text(&format!(
                    "<numpy.lib._stride_tricks_impl.DummyArray at {id:#x}>"
                ));
                Ok(())
            }
            Value::Builtin(b) => {
                let name = b.name.rsplit('.').next().unwrap_or(b.name);
                p.text(&format!("<function {name}>"));
                Ok(())
            }
            other => {
                let r = self.repr(other)?;
                p.begin(0, "");
                for (i, line) in r.lines().enumerate() {
                    if i > 0 {
                        p.break_();
                    }
                    p.text(line);
                }
                p.end(0, "");
                Ok(())
            }
        }
    }

    fn pretty_items(
        &mut self,
        p: &mut Printer,
        open: &str,
        items: &[Value],
        close: &str,
        trailing: &str,
    ) -> PyResult<()> {
        p.begin(open.len(), open);
        for (i, x) in items.iter().enumerate() {
            if i >= MAX_SEQ_LENGTH {
                p.text(",");
                p.breakable();
                p.text("...");
                break;
            }
            if i > 0 {
                p.text(",");
                p.breakable();
            }
            self.pretty_into(p, x)?;
        }
        if !trailing.is_empty() {
            p.text(trailing);
        }
        p.end(open.len(), close);
        Ok(())
    }
}
