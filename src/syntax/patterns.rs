//! The `match` statement's syntax (PEP 634): the subject, `case` blocks and patterns, with the
//! checks CPython 3.11's parser makes on them ("positional patterns follow keyword patterns",
//! "cannot use '_' as a target", complex literals). What CPython's compiler checks (unreachable
//! patterns, repeated names) is checked where the VM compiles them (`eval::vm::compile_match`).

use pest::iterators::Pair;

use super::ast::{Expr, MatchCase, Pattern, PatternKind, StmtKind, UnaryOp};
use super::parser::{Builder, Ident, Rule};
use crate::error::{PyError, PyResult};

impl Builder<'_> {
    pub fn match_stmt(&self, p: Pair<Rule>) -> PyResult<StmtKind> {
        let mut subject = None;
        let mut cases = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::match_subject => subject = Some(self.match_subject(x)?),
                Rule::case_block => cases.push(self.case_block(x)?),
                _ => {}
            }
        }
        Ok(StmtKind::Match {
            subject: subject.expect("match has a subject"),
            cases,
        })
    }

    fn match_subject(&self, p: Pair<Rule>) -> PyResult<Expr> {
        let mut items = Vec::new();
        let mut comma = false;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::comma => comma = true,
                _ => items.push(self.any(x)?.expr),
            }
        }
        Ok(if comma {
            Expr::Tuple(items)
        } else {
            items.pop().expect("a subject")
        })
    }

    fn case_block(&self, p: Pair<Rule>) -> PyResult<MatchCase> {
        let mut line = self.line(&p);
        let mut pattern = None;
        let mut guard = None;
        let mut body = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::patterns => {
                    line = self.line(&x);
                    let inner = x.into_inner().next().expect("patterns has a pattern");
                    let col = self.col(&inner);
                    pattern = Some(match inner.as_rule() {
                        Rule::open_sequence_pattern => Pattern {
                            kind: PatternKind::Sequence(self.pattern_list(inner)?),
                            col,
                        },
                        _ => self.pattern(inner)?,
                    });
                }
                Rule::guard => {
                    let e = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::named_expression)
                        .expect("a guard has a condition");
                    guard = Some(self.named_expression(e)?.expr);
                }
                Rule::block => body = self.block(x)?,
                _ => {}
            }
        }
        Ok(MatchCase {
            line,
            pattern: pattern.expect("a case has a pattern"),
            guard,
            body,
        })
    }

    /// The elements of `open_sequence_pattern` / `maybe_sequence_pattern`, flattened.
    fn pattern_list(&self, p: Pair<Rule>) -> PyResult<Vec<Pattern>> {
        let mut out = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::comma => {}
                Rule::maybe_sequence_pattern => out.extend(self.pattern_list(x)?),
                _ => out.push(self.pattern(x)?),
            }
        }
        Ok(out)
    }

    /// Any pattern rule → `Pattern`.
    fn pattern(&self, p: Pair<Rule>) -> PyResult<Pattern> {
        let col = self.col(&p);
        let at = |kind| Ok(Pattern { kind, col });
        match p.as_rule() {
            Rule::pattern => {
                let mut inner = p.into_inner();
                let or = self.pattern(inner.next().expect("pattern has an or_pattern"))?;
                let Some(target) = inner.find(|x| x.as_rule() == Rule::as_target) else {
                    return Ok(or);
                };
                let t = target.into_inner().next().expect("as has a target");
                let col = self.col(&t);
                if t.as_rule() == Rule::name && t.as_str() == "_" {
                    return Err(PyError::syntax("cannot use '_' as a target", col));
                }
                if t.as_rule() != Rule::name {
                    return Err(PyError::syntax("invalid pattern target", col));
                }
                at(PatternKind::As {
                    pattern: Some(Box::new(or)),
                    name: Some(t.ident()),
                })
            }
            Rule::or_pattern => {
                let mut alts = Vec::new();
                for x in p.into_inner() {
                    if x.as_rule() != Rule::bitor {
                        alts.push(self.pattern(x)?);
                    }
                }
                if alts.len() == 1 {
                    Ok(alts.pop().expect("one alternative"))
                } else {
                    at(PatternKind::Or(alts))
                }
            }
            Rule::literal_pattern => self.literal_pattern(p),
            Rule::value_pattern => at(PatternKind::Value(self.dotted_expr(p))),
            Rule::capture_pattern => {
                let n = p.into_inner().next().expect("a capture has a name").ident();
                at(PatternKind::As {
                    pattern: None,
                    name: (n != "_").then_some(n),
                })
            }
            Rule::star_pattern => {
                let n = p
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::name)
                    .expect("*name")
                    .ident();
                at(PatternKind::Star((n != "_").then_some(n)))
            }
            Rule::group_pattern => self.pattern(
                p.into_inner()
                    .find(|x| x.as_rule() == Rule::pattern)
                    .expect("(pattern)"),
            ),
            Rule::sequence_pattern => {
                let mut out = Vec::new();
                for x in p.into_inner() {
                    if matches!(
                        x.as_rule(),
                        Rule::maybe_sequence_pattern | Rule::open_sequence_pattern
                    ) {
                        out = self.pattern_list(x)?;
                    }
                }
                at(PatternKind::Sequence(out))
            }
            Rule::mapping_pattern => {
                let mut keys = Vec::new();
                let mut patterns = Vec::new();
                let mut rest = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::key_value_pattern => {
                            let mut kv = x.into_inner().filter(|y| y.as_rule() != Rule::colon);
                            let k = kv.next().expect("a key");
                            keys.push(match k.as_rule() {
                                Rule::value_pattern => self.dotted_expr(k),
                                _ => match self.literal_pattern(k)?.kind {
                                    PatternKind::Value(e) | PatternKind::Singleton(e) => e,
                                    other => unreachable!("literal_pattern gave {other:?}"),
                                },
                            });
                            patterns.push(self.pattern(kv.next().expect("a value pattern"))?);
                        }
                        Rule::double_star_pattern => {
                            rest = x
                                .into_inner()
                                .find(|y| y.as_rule() == Rule::name)
                                .map(|n| n.ident());
                        }
                        _ => {}
                    }
                }
                at(PatternKind::Mapping {
                    keys,
                    patterns,
                    rest,
                })
            }
            Rule::class_pattern => self.class_pattern(p),
            r => unreachable!("not a pattern rule: {r:?}"),
        }
    }

    /// `Point(x, y=0)`: positional sub-patterns must come first (CPython's
    /// `invalid_class_pattern`).
    fn class_pattern(&self, p: Pair<Rule>) -> PyResult<Pattern> {
        let col = self.col(&p);
        let mut cls: Option<Expr> = None;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        let mut in_args = false;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::name if !in_args => {
                    let n = x.ident();
                    cls = Some(match cls {
                        None => Expr::Name(n),
                        Some(obj) => Expr::Attribute(Box::new(obj), n),
                    });
                }
                Rule::lpar => in_args = true,
                Rule::keyword_pattern => {
                    let mut inner = x.into_inner();
                    kwd_attrs.push(inner.next().expect("a keyword").ident());
                    let v = inner.find(|y| y.as_rule() == Rule::pattern).expect("=p");
                    kwd_patterns.push(self.pattern(v)?);
                }
                Rule::pattern => {
                    if !kwd_attrs.is_empty() {
                        return Err(PyError::syntax(
                            "positional patterns follow keyword patterns",
                            self.col(&x),
                        ));
                    }
                    patterns.push(self.pattern(x)?);
                }
                _ => {}
            }
        }
        Ok(Pattern {
            kind: PatternKind::Class {
                cls: cls.expect("a class pattern names its class"),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            col,
        })
    }

    /// `a.b.c` of a value pattern.
    fn dotted_expr(&self, p: Pair<Rule>) -> Expr {
        let mut e: Option<Expr> = None;
        for x in p.into_inner().filter(|x| x.as_rule() == Rule::name) {
            let n = x.ident();
            e = Some(match e {
                None => Expr::Name(n),
                Some(obj) => Expr::Attribute(Box::new(obj), n),
            });
        }
        e.expect("a dotted name")
    }

    fn literal_pattern(&self, p: Pair<Rule>) -> PyResult<Pattern> {
        let col = self.col(&p);
        let x = p.into_inner().next().expect("a literal");
        let kind = match x.as_rule() {
            Rule::kw_none => PatternKind::Singleton(Expr::None),
            Rule::kw_true => PatternKind::Singleton(Expr::True),
            Rule::kw_false => PatternKind::Singleton(Expr::False),
            Rule::strings => PatternKind::Value(self.atom(x)?.expr),
            Rule::signed_number => PatternKind::Value(self.signed_number(x)?),
            Rule::complex_pattern => {
                let mut inner = x.into_inner();
                let real_pair = inner.next().expect("a real part");
                let real_col = self.col(&real_pair);
                let real = self.signed_number(real_pair)?;
                let op = inner.next().expect("+ or -");
                let imag_pair = inner.next().expect("an imaginary part");
                let imag_col = self.col(&imag_pair);
                let imag = self.atom(imag_pair)?.expr;
                let is_imag = |e: &Expr| match e {
                    Expr::Unary(_, e) => matches!(**e, Expr::Imag(_)),
                    e => matches!(e, Expr::Imag(_)),
                };
                if is_imag(&real) {
                    return Err(PyError::syntax(
                        "real number required in complex literal",
                        real_col,
                    ));
                }
                if !matches!(imag, Expr::Imag(_)) {
                    return Err(PyError::syntax(
                        "imaginary number required in complex literal",
                        imag_col,
                    ));
                }
                let op = if op.as_rule() == Rule::add {
                    super::ast::BinOp::Add
                } else {
                    super::ast::BinOp::Sub
                };
                PatternKind::Value(Expr::BinOp(Box::new(real), op, Box::new(imag)))
            }
            r => unreachable!("literal_pattern cannot be {r:?}"),
        };
        Ok(Pattern { kind, col })
    }

    fn signed_number(&self, p: Pair<Rule>) -> PyResult<Expr> {
        let mut neg = false;
        let mut value = None;
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::neg => neg = true,
                _ => value = Some(self.atom(x)?.expr),
            }
        }
        let v = value.expect("a number");
        Ok(if neg {
            Expr::Unary(UnaryOp::Neg, Box::new(v))
        } else {
            v
        })
    }
}
