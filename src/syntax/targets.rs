//! Assignment, `del` and loop targets: built as expressions, then checked the way CPython checks
//! them, with its messages ("cannot assign to function call here. Maybe you meant '==' ...").

use pest::iterators::Pair;

use super::ast::{Expr, Target};
use super::messages;
use super::parser::{Builder, Rule};
use crate::error::PyResult;

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
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::NamedExpr(..) => "named expression",
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
pub(super) enum TargetUse {
    Assign { hint: bool },
    Del,
}

impl Builder<'_> {
    /// Loop targets (`for a, (b, c) in ...`), parsed by the grammar as primaries.
    pub fn star_targets(&self, p: Pair<Rule>) -> PyResult<Target> {
        let has_comma = p.clone().into_inner().any(|x| x.as_rule() == Rule::comma);
        let mut items = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::comma => {}
                Rule::starred_target if !has_comma => {
                    return Err(messages::starred_target_alone(self.col(&x)));
                }
                Rule::starred_target => {
                    let inner = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::target)
                        .expect("a starred target has a target");
                    let t = self.target(inner, TargetUse::Assign { hint: false })?;
                    items.push(Target::Starred(Box::new(t)));
                }
                _ => items.push(self.target(x, TargetUse::Assign { hint: false })?),
            }
        }
        if items.len() == 1 && !has_comma {
            return Ok(items.pop().expect("one target"));
        }
        check_one_star(&items, 0)?;
        Ok(Target::Tuple(items))
    }

    /// The targets of `del` or of one `=`, and whether they were written with a comma (a bare
    /// tuple).
    pub fn target_list(&self, p: Pair<Rule>, use_: TargetUse) -> PyResult<(Vec<Target>, bool)> {
        let has_comma = p.clone().into_inner().any(|x| x.as_rule() == Rule::comma);
        let items: Vec<Pair<Rule>> = p
            .into_inner()
            .filter(|x| x.as_rule() != Rule::comma)
            .collect();
        if let ([only], false) = (items.as_slice(), has_comma)
            && only.as_rule() == Rule::starred
            && use_ != TargetUse::Del
        {
            return Err(messages::starred_target_alone(self.col(only)));
        }
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
                    self.node_col(last),
                ));
            }
        }
        let nested = if use_ == TargetUse::Del {
            TargetUse::Del
        } else {
            TargetUse::Assign { hint: false }
        };
        let col = items.first().map(|x| self.col(x)).unwrap_or(0);
        let targets: Vec<Target> = items
            .into_iter()
            .map(|x| self.target(x, nested))
            .collect::<PyResult<_>>()?;
        if has_comma {
            check_one_star(&targets, col)?;
        }
        Ok((targets, has_comma))
    }

    /// One target of a `with ... as` or a loop.
    pub fn one_target(&self, p: Pair<Rule>, use_: TargetUse) -> PyResult<Target> {
        self.target(p, use_)
    }

    /// One target: the expression is built, then checked the way CPython checks it; the
    /// elements of a bracketed list of targets are checked one by one, at their own columns.
    fn target(&self, p: Pair<Rule>, use_: TargetUse) -> PyResult<Target> {
        let col = self.node_col(&p);
        if p.as_rule() == Rule::starred {
            if use_ == TargetUse::Del {
                return Err(messages::cannot_delete("starred", col));
            }
            let inner = p
                .into_inner()
                .find(|x| x.as_rule() == Rule::bitwise_or)
                .expect("starred has a value");
            return Ok(Target::Starred(Box::new(self.target(inner, use_)?)));
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
                let items = display.into_inner().filter(|x| {
                    matches!(
                        x.as_rule(),
                        Rule::starred | Rule::expression | Rule::named_expression
                    )
                });
                let items: Vec<Target> = items
                    .map(|x| self.target(x, use_))
                    .collect::<PyResult<_>>()?;
                check_one_star(&items, col)?;
                Ok(Target::Tuple(items))
            }
            Expr::Starred(_) => Err(messages::starred_target_alone(col)),
            other => Err(match use_ {
                TargetUse::Del => messages::cannot_delete(expr_kind(&other), col),
                TargetUse::Assign { .. } => messages::cannot_assign(expr_kind(&other), false, col),
            }),
        }
    }

    /// The column CPython gives an expression: in grouping parentheses, that of what is inside.
    pub fn node_col(&self, p: &Pair<Rule>) -> usize {
        let mut p = p.clone();
        while let Some(bor) = unwrap_to(p.clone(), Rule::bitwise_or) {
            let mut inner = bor.into_inner();
            let (Some(first), None) = (inner.next(), inner.next()) else {
                break;
            };
            if first.as_rule() != Rule::paren {
                break;
            }
            let items: Vec<Pair<Rule>> = first
                .into_inner()
                .filter(|x| !matches!(x.as_rule(), Rule::lpar | Rule::rpar))
                .collect();
            match items.as_slice() {
                [one] if one.as_rule() == Rule::expression => p = one.clone(),
                [one] if one.as_rule() == Rule::named_expression => {
                    match one.clone().into_inner().collect::<Vec<_>>().as_slice() {
                        [e] if e.as_rule() == Rule::expression => p = e.clone(),
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        self.col(&p)
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
    pub fn is_bitwise_or_start(&self, p: &Pair<Rule>) -> bool {
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
            | Rule::named_expression
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

/// CPython's compiler allows one starred target per tuple or list of targets.
fn check_one_star(items: &[Target], col: usize) -> PyResult<()> {
    let stars = items
        .iter()
        .filter(|t| matches!(t, Target::Starred(_)))
        .count();
    if stars > 1 {
        return Err(crate::error::PyError::syntax(
            "multiple starred expressions in assignment",
            col,
        ));
    }
    Ok(())
}
