//! IPython's `pretty()` (the text/plain formatter behind `Out[n]`): lists, tuples, dicts and
//! sets wrapped at 79 columns with its group/breakable algorithm, types shown as `numpy.int64`,
//! everything else by `repr` with its lines re-indented. A port of IPython.lib.pretty's logic.

use std::collections::VecDeque;

use crate::error::PyResult;
use crate::eval::Interp;
use crate::eval::object::nesting::Nesting;
use crate::eval::object::value::*;

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
    /// Ids of the objects being printed, outermost first (a container met again is a cycle).
    seen: Vec<u64>,
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
            seen: Vec::new(),
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
        self.nested(Nesting::Pretty, |me| {
            let id = me.id_of(v);
            let cycle = p.seen.contains(&id);
            p.seen.push(id);
            p.begin(0, "");
            let r = me.pretty_dispatch(p, v, cycle);
            p.end(0, "");
            p.seen.pop();
            r
        })
    }

    /// IPython's printer for one object: containers break across lines, types print as names,
    /// functions with their signatures, objects without a repr of their own as `<type at 0x..>`.
    fn pretty_dispatch(&mut self, p: &mut Printer, v: &Value, cycle: bool) -> PyResult<()> {
        match v {
            Value::Tuple(t) => {
                if cycle {
                    p.text("(...)");
                    return Ok(());
                }
                let items = t.items.clone();
                let trailing = if items.len() == 1 { "," } else { "" };
                self.pretty_items(p, "(", &items, ")", trailing)
            }
            Value::List(l) => {
                if cycle {
                    p.text("[...]");
                    return Ok(());
                }
                let items = l.items.borrow().clone();
                self.pretty_items(p, "[", &items, "]", "")
            }
            Value::Set(s) => {
                let (open, close) = if s.frozen {
                    ("frozenset({", "})")
                } else {
                    ("{", "}")
                };
                if cycle {
                    p.text(&format!("{open}...{close}"));
                    return Ok(());
                }
                let mut items = Self::set_items(s);
                if items.is_empty() {
                    p.text(if s.frozen { "frozenset()" } else { "set()" });
                    return Ok(());
                }
                if items.len() < MAX_SEQ_LENGTH {
                    // IPython sorts set items (naturally, else by their str) when it can
                    let natural = self.sorted_copy(&items, false);
                    items = match natural {
                        Some(v) => v,
                        None => self.sorted_copy(&items, true).unwrap_or(items),
                    };
                }
                self.pretty_items(p, open, &items, close, "")
            }
            Value::Dict(d) if d.flavor.is_some() => {
                let r = self.repr(v)?;
                p.text(&r);
                Ok(())
            }
            Value::Dict(d) => {
                if cycle {
                    p.text("{...}");
                    return Ok(());
                }
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
                p.text(&crate::eval::text::pyrepr::type_qualname(t.kind));
                Ok(())
            }
            // IPython's `_float_pprint` under `%precision`
            Value::Float(_) if self.float_format.is_some() => {
                let fmt = self.float_format.clone().unwrap_or_default();
                let fmt = self.new_str(fmt);
                let text = self.percent_format(&fmt, v)?;
                let text = self.str(&text)?;
                p.text(&text);
                Ok(())
            }
            Value::Builtin(_) | Value::Method(_) | Value::Function(_) => {
                let t = self.pretty_callable(v);
                p.text(&t);
                Ok(())
            }
            Value::Class(c) => {
                p.text(&format!("__main__.{}", c.qualname));
                Ok(())
            }
            // IPython's default printer for objects without a repr of their own
            Value::Native(n) if n.slots.repr.is_none() && n.repr_head.is_none() => {
                let id = self.id_of(v);
                p.text(&format!(
                    "<{} at {id:#x}{}>",
                    n.type_name,
                    if cycle { " ..." } else { "" }
                ));
                Ok(())
            }
            // a class made natively (`namedtuple`): IPython prints its dotted name
            Value::Native(n) if n.type_name == "type" => {
                let r = self.repr(v)?;
                p.text(r.trim_start_matches("<class '").trim_end_matches("'>"));
                Ok(())
            }
            // a NumPy object without a repr of its own (`np.errstate(...)`): IPython's form
            Value::Native(n) if n.repr_head.is_none() && n.slots.repr.is_none() => {
                let id = self.id_of(v);
                p.text(&format!("<{} at {id:#x}>", n.type_name));
                Ok(())
            }
            Value::Instance(i) if i.class.lookup("__repr__").is_none() => {
                let id = self.id_of(v);
                p.text(&format!(
                    "<__main__.{} at {id:#x}{}>",
                    i.class.qualname,
                    if cycle { " ..." } else { "" }
                ));
                Ok(())
            }
            Value::Exception(e)
                if e.class
                    .as_ref()
                    .is_none_or(|c| c.lookup("__repr__").is_none()) =>
            {
                let name = match &e.class {
                    Some(c) => format!("__main__.{}(", c.qualname),
                    // IPython's `_exception_pprint` names the module when it is not `builtins`
                    None => format!("{}(", e.kind.qualname().unwrap_or(e.kind.name())),
                };
                let args = match &*e.args.borrow() {
                    Value::Tuple(t) => t.items.clone(),
                    _ => Vec::new(),
                };
                self.pretty_items(p, &name, &args, ")", "")
            }
            Value::Descr(d) => {
                let id = self.id_of(v);
                p.text(&format!("<{} at {id:#x}>", d.kind.type_name()));
                Ok(())
            }
            // objects without a __repr__ of their own
            Value::Dummy(_) | Value::Iter(_) | Value::Cell(_) => {
                let name = match v {
                    Value::Iter(it)
                        if it.kind == "generator" || self.native_iter_repr(it).is_some() =>
                    {
                        let r = self.repr(v)?;
                        p.text(&r);
                        return Ok(());
                    }
                    other => other.type_name(),
                };
                let id = self.id_of(v);
                p.text(&format!(
                    "<{name} at {id:#x}{}>",
                    if cycle { " ..." } else { "" }
                ));
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

    /// A sorted copy of `items` (by `str` when `by_str`), or `None` if they do not compare.
    fn sorted_copy(&mut self, items: &[Value], by_str: bool) -> Option<Vec<Value>> {
        let l = match self.new_list(items.to_vec()) {
            Value::List(l) => l,
            _ => return None,
        };
        let key = if by_str {
            Some(self.objects.builtin("str")?)
        } else {
            None
        };
        self.list_sort(&l, key, None).ok()?;
        let v = l.items.borrow().clone();
        Some(v)
    }

    /// `<function len(obj, /)>`, `<function list.append(object, /)>`,
    /// `<function __main__.<lambda>(x)>`, or the object's address when NumPy made it in Python.
    fn pretty_callable(&mut self, v: &Value) -> String {
        let id = self.id_of(v);
        match v {
            Value::Builtin(b) => match crate::eval::registry::get(b.name) {
                Some(e) => self.function_pretty(e, id, None),
                None => format!("<function {}>", b.name),
            },
            Value::Method(m) => self.method_pretty(m),
            Value::Function(f) => {
                let f = f.clone();
                let sig = self.signature_text(&f);
                format!("<function __main__.{}{sig}>", f.qualname.borrow())
            }
            _ => String::new(),
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::runtime::Heap;

    fn shown(src: &[&str]) -> String {
        let mut it = Interp::new(Heap::new(false, 1 << 30), Arc::new(AtomicBool::new(false)));
        let mut last = None;
        for c in src {
            let cell = crate::syntax::parse(c).expect("the test's cell parses");
            last = it.run_cell(&cell).expect("the test's cell runs");
        }
        let v = last.expect("the last cell has a value");
        it.pretty(&v).expect("pretty")
    }

    #[test]
    fn pretty_prints_like_ipython() {
        // (cells, IPython's text, why)
        let cases: [(&[&str], &str, &str); 6] = [
            (
                &["l = [1, 2]", "l.append(l)", "l"],
                "[1, 2, [...]]",
                "a list inside itself",
            ),
            (
                &["d = {}", "d['d'] = d", "d"],
                "{'d': {...}}",
                "a dict inside itself",
            ),
            (&["{3, 1, 2}"], "{1, 2, 3}", "sets are sorted"),
            (
                &["list(range(3))"],
                "[0, 1, 2]",
                "short lists stay on one line",
            ),
            (
                &["len"],
                "<function len(obj, /)>",
                "builtins show their signature",
            ),
            (
                &["[].append"],
                "<function list.append(object, /)>",
                "bound methods too",
            ),
        ];
        for (cells, want, why) in cases {
            assert_eq!(shown(cells), want, "{why}");
        }
        let long = shown(&["list(range(30))"]);
        assert!(
            long.starts_with("[0,\n 1,\n"),
            "control: a long list breaks"
        );
    }
}
