//! The front end's entry: cell text → `Cell`. The lexer lays the cell out (layout markers,
//! tokenizer errors), pest parses the layout text with grammar/arrsh.pest, and the builder
//! (statements here, targets in targets.rs, expressions in expr.rs and displays.rs) turns pest's
//! pairs into the AST, checking what CPython checks after parsing (assignment targets, argument
//! order, `break` outside a loop). A failed parse is explained by diagnose.rs.
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

use super::ast::{Cell, Expr, Stmt, StmtKind, Target};
use super::lexer::{self, Layout, MAX_BRACKET_DEPTH, Tok};
use super::targets::{TargetUse, expr_kind};
use super::{diagnose, messages};
use crate::error::{PyError, PyResult};

/// The pest parser for grammar/arrsh.pest; `Rule` is its enum of rule names.
#[derive(pest_derive::Parser)]
#[grammar = "grammar/arrsh.pest"]
pub(super) struct Grammar;

/// The deepest expression tree a cell may build (CPython gives up around here too, with
/// "maximum recursion depth exceeded during compilation").
pub(super) const MAX_DEPTH: usize = super::limits::AST_CONSTRUCTION_DEPTH - 1;

/// A backstop on pest's work per parse (counted rule calls). The grammar is linear, so only a
/// bug could come near this; a 1 MB cell takes a few million calls.
const CALL_LIMIT: usize = 200_000_000;

/// CPython's compiler allows this many nested loops (CO_MAXBLOCKS).
const MAX_NESTED_LOOPS: usize = 20;

/// Below this much free stack, a parse moves to a fresh stack segment. pest and the builder
/// recurse once per open bracket (at most 200, times the few levels of nested f-strings), and in
/// a debug build a cell nested 200 deep needs several MB; a release build needs far less.
const STACK_RED_ZONE: usize = 32 << 20;
/// The size of that segment. It is mapped lazily, so only the pages used cost memory.
const STACK_SEGMENT: usize = 64 << 20;

/// Parses one cell (one or more lines, as submitted at one prompt). Safe on any thread: a parse
/// that might run out of stack runs on a segment of its own (`stacker`).
pub fn parse_cell(src: &str) -> PyResult<Cell> {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || parse_here(src))
}

fn parse_here(src: &str) -> PyResult<Cell> {
    let layout = lexer::lex(src, MAX_BRACKET_DEPTH)?;
    let cell = run_pest(Rule::cell, src, &layout)?;
    let b = Builder::new(&layout);
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
        let b = Builder::new(&layout);
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
            return Err(PyError::recursion_ast_construction());
        }
        Ok(Node { expr, depth })
    }
}

/// Builds the AST from pest's pairs.
pub(super) struct Builder<'s> {
    pub layout: &'s Layout,
    /// Loops around the statement being built (for `break` and CPython's nesting limit).
    pub loops: Counter<usize>,
    /// The scope the statement being built is in (for `return`, `yield`, `nonlocal`).
    pub scope: Counter<Scope>,
    /// Layout offsets of the line breaks (statement line numbers).
    line_breaks: Vec<usize>,
}

/// What kind of scope encloses the code being built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    Module,
    Class,
    Function,
}

impl<'s> Builder<'s> {
    pub fn new(layout: &'s Layout) -> Builder<'s> {
        let line_breaks = layout
            .text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Builder {
            layout,
            loops: Counter::new(0),
            scope: Counter::new(Scope::Module),
            line_breaks,
        }
    }

    /// The 1-based cell line where a pair starts.
    pub fn line(&self, p: &Pair<Rule>) -> u32 {
        let pos = p.as_span().start();
        (self.line_breaks.partition_point(|&b| b < pos) + 1) as u32
    }

    /// Runs `f` for a body in a new scope: loops outside it do not count inside.
    pub fn in_scope<T>(&self, scope: Scope, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
        let (loops, outer) = (self.loops.replace(0), self.scope.replace(scope));
        let r = f();
        self.loops.set(loops);
        self.scope.set(outer);
        r
    }

    /// The cell column where a pair starts.
    pub fn col(&self, p: &Pair<Rule>) -> usize {
        self.layout.col(self.layout.to_cell(p.as_span().start()))
    }

    /// The cell column where a pair ends.
    pub fn end_col(&self, p: &Pair<Rule>) -> usize {
        self.layout.col(self.layout.to_cell(p.as_span().end()))
    }

    // ----- statements

    pub fn statements(&self, pairs: Pairs<Rule>) -> PyResult<Vec<Stmt>> {
        let mut out = Vec::new();
        for p in pairs {
            let line = self.line(&p);
            let kind = match p.as_rule() {
                Rule::simple_stmts => {
                    for s in p.into_inner() {
                        if !matches!(s.as_rule(), Rule::semi | Rule::nl) {
                            let line = self.line(&s);
                            let mut kinds = Vec::new();
                            self.simple_stmt(s, &mut kinds)?;
                            out.extend(kinds.into_iter().map(|kind| Stmt { line, kind }));
                        }
                    }
                    continue;
                }
                Rule::if_stmt => self.if_stmt(p)?,
                Rule::for_stmt | Rule::while_stmt => self.loop_stmt(p)?,
                Rule::function_def => self.function_def(p, Vec::new())?,
                Rule::class_def => self.class_def(p, Vec::new())?,
                Rule::decorated => self.decorated(p)?,
                Rule::try_stmt => self.try_stmt(p)?,
                Rule::with_stmt => self.with_stmt(p)?,
                Rule::match_stmt => self.match_stmt(p)?,
                Rule::EOI | Rule::nl | Rule::indent | Rule::dedent => continue,
                r => unreachable!("statement cannot be {r:?}"),
            };
            out.push(Stmt { line, kind });
        }
        Ok(out)
    }

    pub fn block(&self, p: Pair<Rule>) -> PyResult<Vec<Stmt>> {
        self.statements(p.into_inner())
    }

    fn simple_stmt(&self, p: Pair<Rule>, out: &mut Vec<StmtKind>) -> PyResult<()> {
        let col = self.col(&p);
        match p.as_rule() {
            Rule::pass_stmt => out.push(StmtKind::Pass),
            Rule::return_stmt
            | Rule::raise_stmt
            | Rule::global_stmt
            | Rule::nonlocal_stmt
            | Rule::assert_stmt => out.push(self.small_stmt(p)?),
            Rule::break_stmt | Rule::continue_stmt => {
                let is_break = p.as_rule() == Rule::break_stmt;
                if self.loops.get() == 0 {
                    return Err(messages::outside_loop(
                        if is_break { "break" } else { "continue" },
                        col,
                    ));
                }
                out.push(if is_break {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                });
            }
            Rule::del_stmt => {
                let items = p.into_inner().nth(1).expect("del_stmt has targets");
                let (targets, _) = self.target_list(items, TargetUse::Del)?;
                out.push(StmtKind::Del(targets));
            }
            Rule::import_stmt => {
                for d in p
                    .into_inner()
                    .filter(|d| d.as_rule() == Rule::dotted_as_name)
                {
                    let mut parts = d.into_inner();
                    let module = dotted(parts.next().expect("dotted_as_name has a module"));
                    let alias = parts.find(|x| x.as_rule() == Rule::name).map(|x| x.ident());
                    out.push(StmtKind::Import { module, alias });
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
                                let name = ns.next().expect("import_as_name has a name").ident();
                                names.push((name, ns.next().map(|a| a.ident())));
                            }
                        }
                        _ => {}
                    }
                }
                if module == ["__future__"] {
                    self.future_names(&names, col)?;
                }
                out.push(StmtKind::FromImport { module, names });
            }
            Rule::expr_stmt => out.push(self.expr_stmt(p)?),
            r => unreachable!("simple_stmt cannot be {r:?}"),
        }
        Ok(())
    }

    fn expr_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let mut parts = Vec::new();
        let mut aug = None;
        let mut annotation = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::star_expressions | Rule::yield_expr => parts.push(x),
                Rule::assign => {}
                Rule::annotation => annotation = Some(x),
                r => aug = Some(aug_op(r)),
            }
        }
        if let Some(ann) = annotation {
            return self.ann_assign(parts, ann);
        }
        if let Some(op) = aug {
            let value = self
                .rhs(parts.pop().expect("augmented assignment has a value"))?
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
            return Ok(StmtKind::AugAssign { target, op, value });
        }
        let value_pair = parts.pop().expect("expr_stmt has an expression");
        if parts.is_empty() {
            return Ok(StmtKind::Expr(self.rhs(value_pair)?.expr));
        }
        // CPython words the error for the target just before the first `=` as "cannot assign to
        // X here. Maybe you meant '==' instead of '='?" when the value after it is a simple
        // expression that is not assigned on in turn (its rule `invalid_named_expression`).
        let hint = parts.len() == 1
            && value_pair.as_rule() != Rule::yield_expr
            && self.is_bitwise_or_start(&value_pair);
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
        let value = self.rhs(value_pair)?.expr;
        Ok(StmtKind::Assign { targets, value })
    }

    fn if_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let mut branches = Vec::new();
        let mut orelse = None;
        let mut cond = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::named_expression => cond = Some(self.named_expression(x)?.expr),
                Rule::block => branches.push((
                    cond.take().expect("a branch has a condition"),
                    self.block(x)?,
                )),
                Rule::elif_clause => {
                    let mut inner = x
                        .into_inner()
                        .filter(|y| matches!(y.as_rule(), Rule::named_expression | Rule::block));
                    let c = self
                        .named_expression(inner.next().expect("elif has a condition"))?
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
        Ok(StmtKind::If { branches, orelse })
    }

    fn loop_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let col = self.col(&p);
        let is_for = p.as_rule() == Rule::for_stmt;
        let mut target = None;
        let mut head = None;
        let mut body = None;
        let mut orelse = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::star_targets => target = Some(self.star_targets(x)?),
                Rule::star_expressions => head = Some(self.star_expressions(x)?.expr),
                Rule::named_expression => head = Some(self.named_expression(x)?.expr),
                Rule::else_clause => {
                    let b = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::block)
                        .expect("else has a body");
                    orelse = self.block(b)?;
                }
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
            Some(target) if is_for => StmtKind::For {
                target,
                iter: head,
                body,
                orelse,
            },
            _ => StmtKind::While {
                cond: head,
                body,
                orelse,
            },
        })
    }
}

/// A name as Python sees it: CPython normalises non-ASCII identifiers to NFKC (PEP 3131), so
/// `ﬁ` and `fi`, `ａ` and `a` are one name.
pub(super) trait Ident {
    fn ident(&self) -> String;
}

impl Ident for Pair<'_, Rule> {
    fn ident(&self) -> String {
        let s = self.as_str();
        if s.is_ascii() {
            s.to_string()
        } else {
            use unicode_normalization::UnicodeNormalization;
            s.nfkc().collect()
        }
    }
}

fn dotted(p: Pair<Rule>) -> Vec<String> {
    p.into_inner()
        .filter(|x| x.as_rule() == Rule::name)
        .map(|x| x.ident())
        .collect()
}

pub(super) fn aug_op(r: Rule) -> super::ast::BinOp {
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

#[cfg(test)]
mod tests;
