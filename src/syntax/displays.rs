//! Displays, comprehensions, subscripts and calls: the bracketed forms, with the checks CPython
//! makes on them (starred elements, argument order, bare generators).

use pest::iterators::Pair;

use super::ast::{Arg, CompKind, Comprehension, Expr};
use super::expr::unzip;
use super::messages;
use super::parser::{Builder, Ident, Node, Rule};
use crate::error::PyResult;

impl Builder<'_> {
    /// The elements of a display and its comprehension clauses, if any.
    fn display_items(&self, p: Pair<Rule>) -> PyResult<Display> {
        let mut d = Display {
            items: Vec::new(),
            has_comma: false,
            comps: Vec::new(),
            starred_col: None,
        };
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::comma => d.has_comma = true,
                Rule::comp_for => d.comps.push(self.comp_for(x)?),
                Rule::starred | Rule::expression | Rule::named_expression => {
                    if x.as_rule() == Rule::starred {
                        d.starred_col.get_or_insert(self.col(&x));
                    }
                    d.items.push(self.any(x)?);
                }
                Rule::yield_expr => d.items.push(self.yield_expr(x)?),
                _ => {}
            }
        }
        Ok(d)
    }

    pub fn paren(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut d = self.display_items(p)?;
        if !d.comps.is_empty() {
            return d.comprehension(CompKind::Generator);
        }
        if d.items.len() == 1 && !d.has_comma {
            if let Some(col) = d.starred_col {
                return Err(messages::starred_in_parens(col));
            }
            return Ok(d.items.pop().expect("one item"));
        }
        let (exprs, depth) = unzip(d.items);
        Node::over(Expr::Tuple(exprs), depth)
    }

    pub fn list_display(&self, p: Pair<Rule>) -> PyResult<Node> {
        let d = self.display_items(p)?;
        if !d.comps.is_empty() {
            return d.comprehension(CompKind::List);
        }
        let (exprs, depth) = unzip(d.items);
        Node::over(Expr::List(exprs), depth)
    }

    pub fn brace_display(&self, p: Pair<Rule>) -> PyResult<Node> {
        let mut first = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::starred | Rule::expression => {
                    first = Some((self.col(&x), x.as_rule(), self.any(x)?))
                }
                Rule::dict_unpack => first = Some((self.col(&x), x.as_rule(), self.unpack(x)?)),
                Rule::dict_rest | Rule::dict_more => {
                    let (_, rule, first) = first.take().expect("a dict has a first item");
                    return self.dict(first, rule == Rule::dict_unpack, x);
                }
                Rule::set_rest => {
                    let (col, rule, elt) = first.take().expect("a set has a first element");
                    let mut d = self.display_items(x)?;
                    d.items.insert(0, elt);
                    if rule == Rule::starred {
                        d.starred_col = Some(col);
                    }
                    if !d.comps.is_empty() {
                        return d.comprehension(CompKind::Set);
                    }
                    let (exprs, depth) = unzip(d.items);
                    return Node::over(Expr::Set(exprs), depth);
                }
                _ => {}
            }
        }
        Ok(Node::leaf(Expr::Dict(Vec::new())))
    }

    /// The mapping of a `**mapping` dict item.
    fn unpack(&self, p: Pair<Rule>) -> PyResult<Node> {
        let m = p.into_inner().find(|y| y.as_rule() == Rule::bitwise_or);
        self.any(m.expect("`**` is followed by a mapping"))
    }

    /// A dict display or comprehension: `first` is its first key, or its first `**mapping` when
    /// `unpacked`; `rest` holds the rest.
    fn dict(&self, first: Node, unpacked: bool, rest: Pair<Rule>) -> PyResult<Node> {
        let mut value = None;
        let mut gens = Vec::new();
        let mut pairs = Vec::new();
        let mut depth = first.depth;
        for x in rest.into_inner() {
            match x.as_rule() {
                Rule::expression => value = Some(self.expression(x)?),
                Rule::comp_for => gens.push(self.comp_for(x)?),
                Rule::kv_pair => {
                    let mut kv = x.into_inner();
                    let item = kv.next().expect("a dict item");
                    if item.as_rule() == Rule::dict_unpack {
                        let m = self.unpack(item)?;
                        depth = depth.max(m.depth);
                        pairs.push((None, m.expr));
                        continue;
                    }
                    let k = self.expression(item)?;
                    let v = kv.find(|y| y.as_rule() == Rule::expression);
                    let v = self.expression(v.expect("a value"))?;
                    depth = depth.max(k.depth).max(v.depth);
                    pairs.push((Some(k.expr), v.expr));
                }
                _ => {}
            }
        }
        if unpacked {
            pairs.insert(0, (None, first.expr));
            return Node::over(Expr::Dict(pairs), depth);
        }
        let value = value.expect("a dict has a first value");
        depth = depth.max(value.depth);
        if !gens.is_empty() {
            let (gens, d) = unzip_gens(gens);
            let e = Expr::DictComp {
                key: Box::new(first.expr),
                value: Box::new(value.expr),
                gens,
            };
            return Node::over(e, depth.max(d));
        }
        pairs.insert(0, (Some(first.expr), value.expr));
        Node::over(Expr::Dict(pairs), depth)
    }

    pub fn comp_for(&self, p: Pair<Rule>) -> PyResult<(Comprehension, usize)> {
        let mut target = None;
        let mut iter = None;
        let mut conds = Vec::new();
        let mut depth = 0;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::star_targets => target = Some(self.star_targets(x)?),
                Rule::disjunction => {
                    let n = self.disjunction(x)?;
                    depth = depth.max(n.depth);
                    iter = Some(n.expr);
                }
                Rule::comp_if => {
                    let mut name = None;
                    let mut cond = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::name => name = Some(y.ident()),
                            Rule::disjunction => cond = Some(self.disjunction(y)?),
                            _ => {}
                        }
                    }
                    let n = cond.expect("if has a condition");
                    depth = depth.max(n.depth);
                    conds.push(match name {
                        Some(name) => Expr::NamedExpr(name, Box::new(n.expr)),
                        None => n.expr,
                    });
                }
                _ => {}
            }
        }
        let target = target.expect("for has a target");
        Ok((
            Comprehension {
                target,
                iter: iter.expect("for has an iterable"),
                conds,
            },
            depth,
        ))
    }

    pub fn subscript(&self, obj: Node, p: Pair<Rule>) -> PyResult<Node> {
        let items = p
            .into_inner()
            .find(|x| x.as_rule() == Rule::slice_items)
            .expect("subscript has items");
        let mut has_comma = false;
        let mut starred = false;
        let mut nodes = Vec::new();
        for x in items.into_inner() {
            match x.as_rule() {
                Rule::comma => has_comma = true,
                _ => {
                    let (n, s) = self.slice_item(x)?;
                    starred |= s;
                    nodes.push(n);
                }
            }
        }
        let index = if nodes.len() == 1 && !has_comma && !starred {
            nodes.pop().expect("one item")
        } else {
            let (exprs, depth) = unzip(nodes);
            Node::over(Expr::Tuple(exprs), depth)?
        };
        let depth = obj.depth.max(index.depth);
        Node::over(
            Expr::Subscript(Box::new(obj.expr), Box::new(index.expr)),
            depth,
        )
    }

    /// One index item and whether it is starred.
    fn slice_item(&self, p: Pair<Rule>) -> PyResult<(Node, bool)> {
        let mut lower = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::starred => return Ok((self.any(x)?, true)),
                Rule::expression => lower = Some(self.expression(x)?),
                Rule::slice_tail => {
                    let mut depth = lower.as_ref().map_or(0, |n: &Node| n.depth);
                    let (mut colons, mut upper, mut step) = (0, None, None);
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::colon => colons += 1,
                            _ => {
                                let n = self.expression(y)?;
                                depth = depth.max(n.depth);
                                let slot = if colons == 1 { &mut upper } else { &mut step };
                                *slot = Some(Box::new(n.expr));
                            }
                        }
                    }
                    let lower = lower.take().map(|n| Box::new(n.expr));
                    return Ok((
                        Node::over(Expr::Slice { lower, upper, step }, depth)?,
                        false,
                    ));
                }
                r => unreachable!("slice_item cannot hold {r:?}"),
            }
        }
        Ok((lower.expect("slice_item has an expression"), false))
    }

    /// Call arguments, checked in CPython's order.
    pub fn call(&self, func: Node, p: Pair<Rule>) -> PyResult<Node> {
        let (args, depth) = match p.into_inner().find(|x| x.as_rule() == Rule::arguments) {
            Some(arguments) => self.arguments(arguments)?,
            None => (Vec::new(), 0),
        };
        Node::over(
            Expr::Call {
                func: Box::new(func.expr),
                args,
            },
            depth.max(func.depth),
        )
    }

    /// The arguments of a call or of a class's bases, and the depth of their deepest tree.
    pub fn arguments(&self, arguments: Pair<Rule>) -> PyResult<(Vec<Arg>, usize)> {
        // CPython reports a positional argument in the wrong place at the closing parenthesis,
        // which follows the arguments (and perhaps blanks: it is where the next token starts).
        let close_col = self.closing_col(&arguments);
        let mut depth = 0;
        let mut args = Vec::new();
        {
            let has_comma = arguments
                .clone()
                .into_inner()
                .any(|x| x.as_rule() == Rule::comma);
            let list: Vec<Pair<Rule>> = arguments
                .into_inner()
                .filter(|x| x.as_rule() != Rule::comma)
                .collect();
            let alone = list.len() == 1 && !has_comma;
            let (mut keyword, mut keyword_unpacking) = (false, false);
            let mut names: Vec<String> = Vec::new();
            for a in list {
                let col = self.col(&a);
                let rule = a.as_rule();
                let mut inner = a.into_inner().filter(|x| {
                    !matches!(x.as_rule(), Rule::star | Rule::double_star | Rule::assign)
                });
                let arg = match rule {
                    Rule::positional_arg => {
                        let elt = self.named_expression(inner.next().expect("an argument"))?;
                        let gens = inner
                            .map(|c| self.comp_for(c))
                            .collect::<PyResult<Vec<_>>>()?;
                        let n = if gens.is_empty() {
                            elt
                        } else if !alone {
                            return Err(messages::generator_needs_parens(col));
                        } else {
                            let (gens, d) = unzip_gens(gens);
                            let e = Expr::Comp {
                                kind: CompKind::Generator,
                                elt: Box::new(elt.expr),
                                gens,
                            };
                            Node::over(e, elt.depth.max(d))?
                        };
                        if keyword_unpacking {
                            return Err(messages::positional_after_keyword_unpacking(close_col));
                        }
                        if keyword {
                            return Err(messages::positional_after_keyword(close_col));
                        }
                        depth = depth.max(n.depth);
                        Arg::Pos(n.expr)
                    }
                    Rule::kwarg => {
                        let name = inner.next().expect("a keyword").ident();
                        if names.contains(&name) {
                            return Err(messages::keyword_repeated(&name, col));
                        }
                        keyword = true;
                        let n = self.expression(inner.next().expect("a value"))?;
                        depth = depth.max(n.depth);
                        names.push(name.clone());
                        Arg::Kw(name, n.expr)
                    }
                    Rule::star_arg => {
                        if keyword_unpacking {
                            return Err(messages::iterable_after_keyword_unpacking(col));
                        }
                        let n = self.expression(inner.next().expect("a value"))?;
                        depth = depth.max(n.depth);
                        Arg::Star(n.expr)
                    }
                    Rule::double_star_arg => {
                        keyword_unpacking = true;
                        let n = self.expression(inner.next().expect("a value"))?;
                        depth = depth.max(n.depth);
                        Arg::StarStar(n.expr)
                    }
                    r => unreachable!("argument cannot be {r:?}"),
                };
                args.push(arg);
            }
        }
        Ok((args, depth))
    }

    /// The column of the token after a pair (the `)` closing a call's arguments).
    fn closing_col(&self, p: &Pair<Rule>) -> usize {
        let end = p.as_span().end();
        let i = self.layout.token_at_layout(end);
        let t = self.layout.tokens[i];
        self.layout.col(t.start)
    }
}

fn unzip_gens(gens: Vec<(Comprehension, usize)>) -> (Vec<Comprehension>, usize) {
    let depth = gens.iter().map(|g| g.1).max().unwrap_or(0);
    (gens.into_iter().map(|g| g.0).collect(), depth)
}

/// A display's parts: elements, whether a comma was written, comprehension clauses.
struct Display {
    items: Vec<Node>,
    has_comma: bool,
    comps: Vec<(Comprehension, usize)>,
    starred_col: Option<usize>,
}

impl Display {
    fn comprehension(mut self, kind: CompKind) -> PyResult<Node> {
        if let Some(col) = self.starred_col {
            return Err(messages::unpacking_in_comprehension(col));
        }
        let elt = self.items.pop().expect("a comprehension has an element");
        let (gens, depth) = unzip_gens(self.comps);
        Node::over(
            Expr::Comp {
                kind,
                elt: Box::new(elt.expr),
                gens,
            },
            elt.depth.max(depth),
        )
    }
}
