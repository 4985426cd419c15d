//! The front end's entry: cell text → `Cell`. The lexer lays the cell out (layout markers,
//! tokenizer errors), pest parses the layout text with grammar/arrsh.pest, and the builder here
//! and in expr.rs turns pest's pairs into the AST, checking what CPython checks after parsing
//! (assignment targets, argument order, `break` outside a loop).
//!
//! **Error columns.** `PyError::col` is a 0-based *character offset into the whole cell text*
//! as given to `parse_cell`; for a one-line cell that is the column. `locate` turns it into a
//! line and a column for showing the caret. Columns follow CPython 3.11's `SyntaxError.offset`
//! minus one where arrsh reproduces the error.
//!
//! **Depth.** Nothing here recurses without bound. The lexer refuses more than 200 open brackets
//! before pest runs; every chain that needs no brackets (`not not x`, `-----1`, `1+1+...`,
//! `a if b else c if ...`, `lambda: lambda: ...`, `a.b.c...`) is a repetition in the grammar and
//! is built iteratively, and every built node carries the depth of its tree: a tree deeper than
//! `MAX_DEPTH` is refused with CPython's RecursionError before it can be built.

use std::cell::Cell as Counter;
use std::num::NonZeroUsize;

use pest::Parser;
use pest::iterators::{Pair, Pairs};

use super::ast::{Cell, Expr, Stmt, Target};
use super::lexer::{self, Layout, MAX_BRACKET_DEPTH, Tok, char_col};
use super::{diagnose, messages};
use crate::error::{PyError, PyResult};

/// The pest parser for grammar/arrsh.pest; `Rule` is its enum of rule names.
#[derive(pest_derive::Parser)]
#[grammar = "grammar/arrsh.pest"]
pub(super) struct Grammar;

/// The deepest expression tree a cell may build (CPython gives up around here too, with
/// "maximum recursion depth exceeded during compilation").
pub(super) const MAX_DEPTH: usize = 3000;

/// A backstop on pest's work per parse (counted rule calls). The grammar is linear, so only a
/// bug could come near this; a 1 MB cell takes a few million calls.
const CALL_LIMIT: usize = 200_000_000;

/// CPython's compiler allows this many nested loops (CO_MAXBLOCKS).
const MAX_NESTED_LOOPS: usize = 20;

/// Parses one cell (one or more lines, as submitted at one prompt).
pub fn parse_cell(src: &str) -> PyResult<Cell> {
    let layout = lexer::lex(src, MAX_BRACKET_DEPTH)?;
    let cell = run_pest(Rule::cell, src, &layout)?;
    let b = Builder {
        src,
        layout: &layout,
        loops: Counter::new(0),
    };
    let stmts = b.statements(cell.into_inner())?;
    let last = layout
        .tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::End));
    let quiet = last.is_some_and(|t| &src[t.start..t.end] == ";");
    Ok(Cell { stmts, quiet })
}

/// The line (0-based) and column (0-based, in characters) of a `PyError::col` offset in `src`.
pub fn locate(src: &str, offset: usize) -> (usize, usize) {
    let mut line = 0;
    let mut col = 0;
    for (i, c) in src.chars().enumerate() {
        if i == offset {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Parses an f-string field's expression text (strings.rs), which starts at cell column `col`;
/// errors are moved to the cell and worded as CPython 3.11 words them ("f-string: ...").
pub(super) fn parse_field(text: &str, col: usize) -> PyResult<(Expr, usize)> {
    let src = format!("({text})");
    let inner = || -> PyResult<Node> {
        let layout = lexer::lex(&src, MAX_BRACKET_DEPTH)?;
        let input = run_pest(Rule::eval_input, &src, &layout)?;
        let b = Builder {
            src: &src,
            layout: &layout,
            loops: Counter::new(0),
        };
        let items = input
            .into_inner()
            .find(|p| p.as_rule() == Rule::star_expressions);
        b.star_expressions(items.expect("eval_input holds star_expressions"))
    };
    inner().map(|n| (n.expr, n.depth)).map_err(|mut e| {
        if let Some(c) = e.col {
            e.col = Some(col + c.saturating_sub(1));
        }
        if e.kind.is_subclass_of(crate::error::ErrorKind::SyntaxError)
            && !e.msg.starts_with("f-string")
        {
            e.msg = format!("f-string: {}", e.msg);
        }
        e
    })
}

fn run_pest<'l>(rule: Rule, src: &str, layout: &'l Layout) -> PyResult<Pair<'l, Rule>> {
    pest::set_call_limit(NonZeroUsize::new(CALL_LIMIT));
    match Grammar::parse(rule, &layout.text) {
        Ok(mut pairs) => Ok(pairs.next().expect("a successful parse has its top rule")),
        Err(err) => Err(diagnose::explain(src, layout, &err)),
    }
}

/// A built expression and the depth of its tree.
pub(super) struct Node {
    pub expr: Expr,
    pub depth: usize,
}

impl Node {
    /// A leaf: a name or a literal.
    pub fn leaf(expr: Expr) -> Node {
        Node { expr, depth: 1 }
    }

    /// A node one level above children whose deepest tree is `child_depth` deep.
    pub fn over(expr: Expr, child_depth: usize) -> PyResult<Node> {
        let depth = child_depth + 1;
        if depth > MAX_DEPTH {
            return Err(PyError::recursion_during_compilation());
        }
        Ok(Node { expr, depth })
    }
}

/// Builds the AST from pest's pairs.
pub(super) struct Builder<'s> {
    pub src: &'s str,
    pub layout: &'s Layout,
    /// Loops around the statement being built (for `break` and CPython's nesting limit).
    pub loops: Counter<usize>,
}

/// CPython's name for an expression in "cannot assign to ..." (`_PyPegen_get_expr_name`).
pub(super) fn expr_kind(e: &Expr) -> &'static str {
    use super::ast::CompKind;
    match e {
        Expr::Name(_) => "name",
        Expr::Attribute(..) => "attribute",
        Expr::Subscript(..) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Call { .. } => "function call",
        Expr::Compare(..) => "comparison",
        Expr::BinOp(..) | Expr::Unary(..) | Expr::Not(_) | Expr::BoolOp(..) => "expression",
        Expr::IfExp { .. } => "conditional expression",
        Expr::Lambda { .. } => "lambda",
        Expr::Comp {
            kind: CompKind::List,
            ..
        } => "list comprehension",
        Expr::Comp {
            kind: CompKind::Set,
            ..
        } => "set comprehension",
        Expr::Comp {
            kind: CompKind::Generator,
            ..
        } => "generator expression",
        Expr::DictComp { .. } => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::True => "True",
        Expr::False => "False",
        Expr::None => "None",
        Expr::Ellipsis => "ellipsis",
        Expr::Slice { .. } => "slice",
        Expr::Str(_) | Expr::Bytes(_) | Expr::Int(_) | Expr::Float(_) | Expr::Imag(_) => "literal",
    }
}

/// What a target is checked for: assignment (with or without CPython's "Maybe you meant '=='"
/// hint), `del`, or a loop variable.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetUse {
    Assign { hint: bool },
    Del,
}

impl<'s> Builder<'s> {
    /// The cell column where a pair starts.
    pub fn col(&self, p: &Pair<Rule>) -> usize {
        char_col(self.src, self.layout.to_cell(p.as_span().start()))
    }

    /// The cell column where a pair ends.
    pub fn end_col(&self, p: &Pair<Rule>) -> usize {
        char_col(self.src, self.layout.to_cell(p.as_span().end()))
    }

    // ----- statements

    pub fn statements(&self, pairs: Pairs<Rule>) -> PyResult<Vec<Stmt>> {
        let mut out = Vec::new();
        for p in pairs {
            match p.as_rule() {
                Rule::simple_stmts => {
                    for s in p.into_inner() {
                        if !matches!(s.as_rule(), Rule::semi | Rule::nl) {
                            self.simple_stmt(s, &mut out)?;
                        }
                    }
                }
                Rule::if_stmt => out.push(self.if_stmt(p)?),
                Rule::for_stmt | Rule::while_stmt => out.push(self.loop_stmt(p)?),
                Rule::EOI | Rule::nl | Rule::indent | Rule::dedent => {}
                r => unreachable!("statement cannot be {r:?}"),
            }
        }
        Ok(out)
    }

    fn block(&self, p: Pair<Rule>) -> PyResult<Vec<Stmt>> {
        self.statements(p.into_inner())
    }

    fn simple_stmt(&self, p: Pair<Rule>, out: &mut Vec<Stmt>) -> PyResult<()> {
        let col = self.col(&p);
        match p.as_rule() {
            Rule::pass_stmt => out.push(Stmt::Pass),
            Rule::break_stmt | Rule::continue_stmt => {
                let is_break = p.as_rule() == Rule::break_stmt;
                if self.loops.get() == 0 {
                    return Err(messages::outside_loop(
                        if is_break { "break" } else { "continue" },
                        col,
                    ));
                }
                out.push(if is_break {
                    Stmt::Break
                } else {
                    Stmt::Continue
                });
            }
            Rule::del_stmt => {
                let items = p.into_inner().nth(1).expect("del_stmt has targets");
                let (targets, _) = self.target_list(items, TargetUse::Del)?;
                out.push(Stmt::Del(targets));
            }
            Rule::import_stmt => {
                for d in p
                    .into_inner()
                    .filter(|d| d.as_rule() == Rule::dotted_as_name)
                {
                    let mut parts = d.into_inner();
                    let module = dotted(parts.next().expect("dotted_as_name has a module"));
                    let alias = parts
                        .find(|x| x.as_rule() == Rule::name)
                        .map(|x| x.as_str().to_string());
                    out.push(Stmt::Import { module, alias });
                }
            }
            Rule::from_stmt => {
                let mut module = Vec::new();
                let mut names = Vec::new();
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::dotted_name => module = dotted(x),
                        Rule::star => names.push(("*".to_string(), None)),
                        Rule::import_as_names => {
                            for n in x
                                .into_inner()
                                .filter(|n| n.as_rule() == Rule::import_as_name)
                            {
                                let mut ns = n.into_inner().filter(|y| y.as_rule() == Rule::name);
                                let name = ns
                                    .next()
                                    .expect("import_as_name has a name")
                                    .as_str()
                                    .to_string();
                                names.push((name, ns.next().map(|a| a.as_str().to_string())));
                            }
                        }
                        _ => {}
                    }
                }
                out.push(Stmt::FromImport { module, names });
            }
            Rule::expr_stmt => out.push(self.expr_stmt(p)?),
            r => unreachable!("simple_stmt cannot be {r:?}"),
        }
        Ok(())
    }

    fn expr_stmt(&self, p: Pair<Rule>) -> PyResult<Stmt> {
        let mut parts = Vec::new();
        let mut aug = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::star_expressions => parts.push(x),
                Rule::assign => {}
                r => aug = Some(aug_op(r)),
            }
        }
        if let Some(op) = aug {
            let value = self
                .star_expressions(parts.pop().expect("augmented assignment has a value"))?
                .expr;
            let t = parts.pop().expect("augmented assignment has a target");
            let col = self.col(&t);
            let target = self.star_expressions(t)?.expr;
            let target = match target {
                Expr::Name(n) => Target::Name(n),
                Expr::Attribute(obj, name) => Target::Attribute { obj, name },
                Expr::Subscript(obj, index) => Target::Subscript { obj, index },
                other => return Err(messages::illegal_augmented_target(expr_kind(&other), col)),
            };
            return Ok(Stmt::AugAssign { target, op, value });
        }
        let value_pair = parts.pop().expect("expr_stmt has an expression");
        if parts.is_empty() {
            return Ok(Stmt::Expr(self.star_expressions(value_pair)?.expr));
        }
        // CPython words the error for the target just before the first `=` as "cannot assign to
        // X here. Maybe you meant '==' instead of '='?" when the value after it is a simple
        // expression that is not assigned on in turn (its rule `invalid_named_expression`).
        let hint = parts.len() == 1 && self.is_bitwise_or_start(&value_pair);
        let mut targets = Vec::with_capacity(parts.len());
        for (i, t) in parts.into_iter().enumerate() {
            let (mut list, bare_tuple) = self.target_list(
                t,
                TargetUse::Assign {
                    hint: hint && i == 0,
                },
            )?;
            targets.push(if bare_tuple {
                Target::Tuple(list)
            } else {
                list.pop().expect("one target")
            });
        }
        let value = self.star_expressions(value_pair)?.expr;
        Ok(Stmt::Assign { targets, value })
    }

    fn if_stmt(&self, p: Pair<Rule>) -> PyResult<Stmt> {
        let mut branches = Vec::new();
        let mut orelse = None;
        let mut cond = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::expression => cond = Some(self.expression(x)?.expr),
                Rule::block => branches.push((
                    cond.take().expect("a branch has a condition"),
                    self.block(x)?,
                )),
                Rule::elif_clause => {
                    let mut inner = x
                        .into_inner()
                        .filter(|y| matches!(y.as_rule(), Rule::expression | Rule::block));
                    let c = self
                        .expression(inner.next().expect("elif has a condition"))?
                        .expr;
                    branches.push((c, self.block(inner.next().expect("elif has a body"))?));
                }
                Rule::else_clause => {
                    let body = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::block)
                        .expect("else has a body");
                    orelse = Some(self.block(body)?);
                }
                _ => {}
            }
        }
        Ok(Stmt::If { branches, orelse })
    }

    fn loop_stmt(&self, p: Pair<Rule>) -> PyResult<Stmt> {
        let col = self.col(&p);
        let is_for = p.as_rule() == Rule::for_stmt;
        let mut target = None;
        let mut head = None;
        let mut body = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::star_targets => target = Some(self.star_targets(x)?),
                Rule::star_expressions => head = Some(self.star_expressions(x)?.expr),
                Rule::expression => head = Some(self.expression(x)?.expr),
                Rule::block => {
                    if self.loops.get() >= MAX_NESTED_LOOPS {
                        return Err(messages::too_many_nested_blocks(col));
                    }
                    self.loops.set(self.loops.get() + 1);
                    let b = self.block(x);
                    self.loops.set(self.loops.get() - 1);
                    body = Some(b?);
                }
                _ => {}
            }
        }
        let (head, body) = (
            head.expect("a loop has a head"),
            body.expect("a loop has a body"),
        );
        Ok(match target {
            Some(target) if is_for => Stmt::For {
                target,
                iter: head,
                body,
            },
            _ => Stmt::While { cond: head, body },
        })
    }

    // ----- targets

    /// Loop targets (`for a, (b, c) in ...`), parsed by the grammar as primaries.
    pub fn star_targets(&self, p: Pair<Rule>) -> PyResult<Target> {
        let mut has_comma = false;
        let mut items = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::comma => has_comma = true,
                Rule::starred_target => {
                    return Err(messages::unsupported("starred assignment targets"));
                }
                _ => items.push(self.target(x, TargetUse::Assign { hint: false })?),
            }
        }
        if items.len() == 1 && !has_comma {
            return Ok(items.pop().expect("one target"));
        }
        Ok(Target::Tuple(items))
    }

    /// The targets of `del` or of one `=`, and whether they were written with a comma (a bare
    /// tuple).
    fn target_list(&self, p: Pair<Rule>, use_: TargetUse) -> PyResult<(Vec<Target>, bool)> {
        let has_comma = p.clone().into_inner().any(|x| x.as_rule() == Rule::comma);
        let items: Vec<Pair<Rule>> = p
            .into_inner()
            .filter(|x| x.as_rule() != Rule::comma)
            .collect();
        // CPython tries its hint on the element right before `=` while it is still parsing, so
        // that error comes before any other element's.
        if let (TargetUse::Assign { hint: true }, Some(last)) = (use_, items.last())
            && self.hint_applies(last)
        {
            let built = self.any(last.clone())?.expr;
            if !matches!(
                built,
                Expr::Name(_)
                    | Expr::Attribute(..)
                    | Expr::Subscript(..)
                    | Expr::Tuple(_)
                    | Expr::List(_)
            ) {
                return Err(messages::cannot_assign(
                    expr_kind(&built),
                    true,
                    self.col(last),
                ));
            }
        }
        let nested = if use_ == TargetUse::Del {
            TargetUse::Del
        } else {
            TargetUse::Assign { hint: false }
        };
        let targets = items
            .into_iter()
            .map(|x| self.target(x, nested))
            .collect::<PyResult<_>>()?;
        Ok((targets, has_comma))
    }

    /// One target: the expression is built, then checked the way CPython checks it; the
    /// elements of a bracketed list of targets are checked one by one, at their own columns.
    fn target(&self, p: Pair<Rule>, use_: TargetUse) -> PyResult<Target> {
        let col = self.col(&p);
        if p.as_rule() == Rule::starred {
            return Err(messages::unsupported("starred assignment targets"));
        }
        let built = if p.as_rule() == Rule::target {
            self.target_primary(p.clone())?
        } else {
            self.any(p.clone())?
        };
        match built.expr {
            Expr::Name(n) => Ok(Target::Name(n)),
            Expr::Attribute(obj, name) => Ok(Target::Attribute { obj, name }),
            Expr::Subscript(obj, index) => Ok(Target::Subscript { obj, index }),
            Expr::Tuple(_) | Expr::List(_) => {
                let display = unwrap_display(p).expect("a tuple or list comes from a display");
                let items = display
                    .into_inner()
                    .filter(|x| matches!(x.as_rule(), Rule::starred | Rule::expression));
                let items = items
                    .map(|x| self.target(x, use_))
                    .collect::<PyResult<_>>()?;
                Ok(Target::Tuple(items))
            }
            Expr::Starred(_) => Err(messages::unsupported("starred assignment targets")),
            other => Err(match use_ {
                TargetUse::Del => messages::cannot_delete(expr_kind(&other), col),
                TargetUse::Assign { .. } => messages::cannot_assign(expr_kind(&other), false, col),
            }),
        }
    }

    /// Whether CPython's hint applies to this target: it is a plain operator expression (a
    /// `bitwise_or`, not a comparison or `not`) that does not start with a list or tuple display,
    /// a generator, `True`, `None` or `False`.
    fn hint_applies(&self, p: &Pair<Rule>) -> bool {
        let Some(bor) = unwrap_to(p.clone(), Rule::bitwise_or) else {
            return false;
        };
        let Some(first) = bor.into_inner().next() else {
            return false;
        };
        let inner: Vec<Rule> = first.clone().into_inner().map(|x| x.as_rule()).collect();
        match first.as_rule() {
            Rule::kw_true | Rule::kw_none | Rule::kw_false => false,
            // A list comprehension gets the hint; a list display does not.
            Rule::list_display => inner.contains(&Rule::comp_for),
            // A parenthesised expression gets it; a tuple or a generator does not.
            Rule::paren => {
                inner.len() > 2 && !inner.contains(&Rule::comma) && !inner.contains(&Rule::comp_for)
            }
            _ => true,
        }
    }

    /// Whether a value starts as a plain operator expression (not `lambda`, `not`, or `*`).
    fn is_bitwise_or_start(&self, p: &Pair<Rule>) -> bool {
        let Some(first) = p.clone().into_inner().next() else {
            return false;
        };
        first.as_rule() == Rule::expression && unwrap_to(first, Rule::bitwise_or).is_some()
    }
}

/// Descends through single-child wrappers (`expression` → `disjunction` → ... ) to `rule`.
pub(super) fn unwrap_to(p: Pair<Rule>, rule: Rule) -> Option<Pair<Rule>> {
    let mut p = p;
    loop {
        if p.as_rule() == rule {
            return Some(p);
        }
        match p.as_rule() {
            Rule::star_expressions
            | Rule::expression
            | Rule::disjunction
            | Rule::conjunction
            | Rule::inversion
            | Rule::comparison => {
                let mut inner = p.into_inner();
                let first = inner.next()?;
                if inner.next().is_some() {
                    return None;
                }
                p = first;
            }
            _ => return None,
        }
    }
}

/// The tuple or list display (or bare tuple) a target expression was written as.
fn unwrap_display(p: Pair<Rule>) -> Option<Pair<Rule>> {
    if p.as_rule() == Rule::star_expressions
        && p.clone().into_inner().any(|x| x.as_rule() == Rule::comma)
    {
        return Some(p);
    }
    let bor = match p.as_rule() {
        Rule::target => p,
        _ => unwrap_to(p, Rule::bitwise_or)?,
    };
    let mut inner = bor.into_inner();
    let first = inner.next()?;
    if inner.next().is_some() {
        return None;
    }
    matches!(first.as_rule(), Rule::paren | Rule::list_display).then_some(first)
}

fn dotted(p: Pair<Rule>) -> Vec<String> {
    p.into_inner()
        .filter(|x| x.as_rule() == Rule::name)
        .map(|x| x.as_str().to_string())
        .collect()
}

fn aug_op(r: Rule) -> super::ast::BinOp {
    use super::ast::BinOp::*;
    match r {
        Rule::aug_add => Add,
        Rule::aug_sub => Sub,
        Rule::aug_mul => Mul,
        Rule::aug_div => Div,
        Rule::aug_floordiv => FloorDiv,
        Rule::aug_mod => Mod,
        Rule::aug_pow => Pow,
        Rule::aug_matmul => MatMul,
        Rule::aug_lshift => LShift,
        Rule::aug_rshift => RShift,
        Rule::aug_bitand => BitAnd,
        Rule::aug_bitor => BitOr,
        Rule::aug_bitxor => BitXor,
        r => unreachable!("augassign cannot be {r:?}"),
    }
}
