//! Statements with bodies and the small statements that only make sense with them: `def`,
//! `class`, decorators, `try`, `with`, `return`, `raise`, `global`/`nonlocal`, `assert`,
//! annotated assignments and `yield` — with the checks CPython's parser and compiler make on them
//! before anything runs ("'return' outside function", "non-default argument follows default
//! argument").

use pest::iterators::Pair;

use super::ast::{ClassDef, ExceptHandler, Expr, FunctionDef, Param, Params, StmtKind, Target};
use super::messages;
use super::parser::{Builder, Ident, Node, Rule, Scope};
use super::targets::TargetUse;
use crate::error::{PyError, PyResult};

/// The features `from __future__ import` knows (CPython 3.11's `__future__.all_feature_names`).
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl Builder<'_> {
    /// `return`, `raise`, `global`, `nonlocal`, `assert`.
    pub fn small_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let col = self.col(&p);
        let rule = p.as_rule();
        let mut exprs = Vec::new();
        let mut names = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::star_expressions => exprs.push(self.star_expressions(x)?.expr),
                Rule::expression => exprs.push(self.expression(x)?.expr),
                Rule::name => names.push(x.ident()),
                _ => {}
            }
        }
        let mut exprs = exprs.into_iter();
        Ok(match rule {
            Rule::return_stmt => {
                if self.scope.get() != Scope::Function {
                    return Err(messages::outside_function("return", col));
                }
                StmtKind::Return(exprs.next())
            }
            Rule::raise_stmt => StmtKind::Raise {
                exc: exprs.next(),
                cause: exprs.next(),
            },
            Rule::global_stmt => StmtKind::Global(names),
            Rule::nonlocal_stmt => {
                if self.scope.get() == Scope::Module {
                    return Err(PyError::syntax(
                        "nonlocal declaration not allowed at module level",
                        col,
                    ));
                }
                StmtKind::Nonlocal(names)
            }
            Rule::assert_stmt => StmtKind::Assert {
                test: exprs.next().expect("assert has a test"),
                msg: exprs.next(),
            },
            r => unreachable!("small_stmt cannot be {r:?}"),
        })
    }

    /// `from __future__ import x`: only CPython's feature names (each statement of a cell is
    /// compiled on its own, so "must occur at the beginning of the file" never applies).
    pub fn future_names(&self, names: &[(String, Option<String>)], col: usize) -> PyResult<()> {
        for (n, _) in names {
            if n == "braces" {
                return Err(PyError::syntax("not a chance", col));
            }
            if !FUTURE_FEATURES.contains(&n.as_str()) {
                return Err(PyError::syntax(
                    format!("future feature {n} is not defined"),
                    col,
                ));
            }
        }
        Ok(())
    }

    /// The right side of an assignment: expressions or a `yield`.
    pub fn rhs(&self, p: Pair<Rule>) -> PyResult<Node> {
        match p.as_rule() {
            Rule::yield_expr => self.yield_expr(p),
            _ => self.star_expressions(p),
        }
    }

    /// `yield`, `yield x`, `yield from it` (only inside a function).
    pub fn yield_expr(&self, p: Pair<Rule>) -> PyResult<Node> {
        let col = self.col(&p);
        if self.scope.get() != Scope::Function {
            return Err(messages::outside_function("yield", col));
        }
        let mut from = false;
        let mut value = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::kw_from => from = true,
                Rule::expression => value = Some(self.expression(x)?),
                Rule::star_expressions => value = Some(self.star_expressions(x)?),
                _ => {}
            }
        }
        match (from, value) {
            (true, Some(v)) => Node::over(Expr::YieldFrom(Box::new(v.expr)), v.depth),
            (_, Some(v)) => Node::over(Expr::Yield(Some(Box::new(v.expr))), v.depth),
            _ => Ok(Node::leaf(Expr::Yield(None))),
        }
    }

    /// `x: int = 5`: one simple target (a name, attribute or subscript).
    pub fn ann_assign(&self, mut parts: Vec<Pair<Rule>>, ann: Pair<Rule>) -> PyResult<StmtKind> {
        let annotation = ann
            .into_inner()
            .find(|x| x.as_rule() == Rule::expression)
            .expect("an annotation has an expression");
        let annotation = self.expression(annotation)?.expr;
        let value = if parts.len() > 1 {
            Some(self.rhs(parts.pop().expect("a value"))?.expr)
        } else {
            None
        };
        let t = parts.pop().expect("an annotated target");
        let col = self.col(&t);
        let target = match self.star_expressions(t)?.expr {
            Expr::Name(n) => Target::Name(n),
            Expr::Attribute(obj, name) => Target::Attribute { obj, name },
            Expr::Subscript(obj, index) => Target::Subscript { obj, index },
            Expr::Tuple(_) => {
                return Err(PyError::syntax(
                    "only single target (not tuple) can be annotated",
                    col,
                ));
            }
            Expr::List(_) => {
                return Err(PyError::syntax(
                    "only single target (not list) can be annotated",
                    col,
                ));
            }
            _ => {
                return Err(PyError::syntax("illegal target for annotation", col));
            }
        };
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
        })
    }

    /// Decorators, then the `def` or `class` they decorate.
    pub fn decorated(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let mut decorators = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::decorator => {
                    let e = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::named_expression)
                        .expect("a decorator has an expression");
                    decorators.push(self.named_expression(e)?.expr);
                }
                Rule::function_def => return self.function_def(x, decorators),
                Rule::class_def => return self.class_def(x, decorators),
                _ => {}
            }
        }
        unreachable!("decorated holds a def or a class")
    }

    pub fn function_def(&self, p: Pair<Rule>, decorators: Vec<Expr>) -> PyResult<StmtKind> {
        let mut name = String::new();
        let mut params = Params::default();
        let mut body = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::name => name = x.ident(),
                Rule::params => params = self.params(x)?,
                // the return annotation is evaluated by CPython and then unused
                Rule::expression => {
                    self.expression(x)?;
                }
                Rule::block => body = self.in_scope(Scope::Function, || self.block(x))?,
                _ => {}
            }
        }
        Ok(StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            params,
            body,
            decorators,
        })))
    }

    /// A parameter list of a `def` (`params`) or a `lambda` (`lambda_params`), with CPython's
    /// checks in its order.
    pub fn params(&self, p: Pair<Rule>) -> PyResult<Params> {
        let mut out = Params::default();
        let mut seen_star = false;
        let mut bare_star_col = None;
        let mut seen_default = false;
        let mut names: Vec<String> = Vec::new();
        let mut check_dup = |n: &str, col: usize| -> PyResult<()> {
            if names.iter().any(|m| m == n) {
                return Err(messages::duplicate_lambda_argument(n, col));
            }
            names.push(n.to_string());
            Ok(())
        };
        let mut dups = Vec::new();
        for x in p.into_inner() {
            let col = self.col(&x);
            match x.as_rule() {
                Rule::comma => {}
                Rule::slash => {
                    out.posonly = std::mem::take(&mut out.args);
                }
                Rule::param | Rule::lambda_param => {
                    if out.kwarg.is_some() {
                        return Err(PyError::syntax(
                            "arguments cannot follow var-keyword argument",
                            col,
                        ));
                    }
                    let mut inner = x.into_inner();
                    let n = inner.next().expect("a parameter has a name");
                    let pname = n.ident();
                    dups.push((pname.clone(), self.col(&n)));
                    let mut default = None;
                    let mut after_assign = false;
                    for y in inner {
                        match y.as_rule() {
                            Rule::assign => after_assign = true,
                            Rule::expression if after_assign => {
                                default = Some(self.expression(y)?.expr)
                            }
                            // an annotation: evaluated by CPython, unused
                            Rule::expression => {
                                self.expression(y)?;
                            }
                            _ => {}
                        }
                    }
                    let param = Param {
                        name: pname,
                        default,
                    };
                    if seen_star {
                        bare_star_col = None;
                        out.kwonly.push(param);
                    } else {
                        if param.default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            return Err(PyError::syntax(
                                "non-default argument follows default argument",
                                col,
                            ));
                        }
                        out.args.push(param);
                    }
                }
                Rule::star_param | Rule::lambda_star => {
                    seen_star = true;
                    match x.into_inner().find(|y| y.as_rule() == Rule::name) {
                        Some(n) => {
                            dups.push((n.ident(), self.col(&n)));
                            out.vararg = Some(n.ident());
                        }
                        None => bare_star_col = Some(col),
                    }
                }
                Rule::double_star_param | Rule::lambda_double_star => {
                    if let Some(c) = bare_star_col {
                        return Err(PyError::syntax("named arguments must follow bare *", c));
                    }
                    let n = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::name)
                        .expect("**kwargs has a name");
                    dups.push((n.ident(), self.col(&n)));
                    out.kwarg = Some(n.ident());
                }
                _ => {}
            }
        }
        if let Some(c) = bare_star_col {
            return Err(PyError::syntax("named arguments must follow bare *", c));
        }
        for (n, col) in dups {
            check_dup(&n, col)?;
        }
        Ok(out)
    }

    pub fn class_def(&self, p: Pair<Rule>, decorators: Vec<Expr>) -> PyResult<StmtKind> {
        let mut name = String::new();
        let mut bases = Vec::new();
        let mut body = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::name => name = x.ident(),
                Rule::arguments => bases = self.arguments(x)?.0,
                Rule::block => body = self.in_scope(Scope::Class, || self.block(x))?,
                _ => {}
            }
        }
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            body,
            decorators,
        })))
    }

    pub fn try_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let mut body = Vec::new();
        let mut handlers = Vec::new();
        let mut orelse = Vec::new();
        let mut finalbody = Vec::new();
        let body_of = |x: Pair<Rule>| -> PyResult<Vec<_>> {
            let b = x
                .into_inner()
                .find(|y| y.as_rule() == Rule::block)
                .expect("a clause has a body");
            self.block(b)
        };
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::block => body = self.block(x)?,
                Rule::except_clause => {
                    let line = self.line(&x);
                    let clause_at = x.as_span().start();
                    let mut typ = None;
                    let mut name = None;
                    let mut hbody = Vec::new();
                    let mut star = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::except_star => star = Some(y.as_span().end()),
                            Rule::expression => typ = Some(self.expression(y)?.expr),
                            Rule::name => name = Some(y.ident()),
                            Rule::block => hbody = self.block(y)?,
                            _ => {}
                        }
                    }
                    if let (Some(at), None) = (star, &typ) {
                        return Err(PyError::except_star_needs_types(at));
                    }
                    if handlers
                        .last()
                        .is_some_and(|h: &ExceptHandler| h.star != star.is_some())
                    {
                        return Err(PyError::except_and_except_star(clause_at));
                    }
                    handlers.push(ExceptHandler {
                        line,
                        star: star.is_some(),
                        typ,
                        name,
                        body: hbody,
                    });
                }
                Rule::else_clause => orelse = body_of(x)?,
                Rule::finally_clause => finalbody = body_of(x)?,
                _ => {}
            }
        }
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    pub fn with_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let mut items = Vec::new();
        let mut body = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::with_item => {
                    let mut ctx = None;
                    let mut target = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::expression => ctx = Some(self.expression(y)?.expr),
                            Rule::kw_as => {}
                            _ => target = Some(self.with_target(y)?),
                        }
                    }
                    items.push((ctx.expect("a with item has an expression"), target));
                }
                Rule::block => body = self.block(x)?,
                _ => {}
            }
        }
        Ok(StmtKind::With { items, body })
    }

    /// The target after `as` in a `with` item.
    fn with_target(&self, p: Pair<Rule>) -> PyResult<Target> {
        if p.as_rule() == Rule::starred_target {
            return Err(messages::starred_target_alone(self.col(&p)));
        }
        self.one_target(p, TargetUse::Assign { hint: false })
    }
}
