//! Mistakes around `=` and `:` in CPython's words: targets that cannot be assigned to, `=`
//! where an expression goes on, loop targets, annotations.

use super::super::ast::Expr;
use super::super::lexer::Tok;
use super::super::messages;
use super::super::parser::parse_field;
use super::super::targets::expr_kind;
use super::Diagnosis;
use crate::error::PyError;

impl Diagnosis<'_> {
    /// `for a + b in x`: the grammar stops at `+`; CPython reads the target as an expression and
    /// names what cannot be assigned to.
    pub(super) fn bad_loop_target(&self, x: usize) -> Option<PyError> {
        let level = self.inside_level(x);
        let at_level = |k: usize| {
            self.tokens[k].level == level && !matches!(self.tokens[k].kind, Tok::Newline)
        };
        let for_ = (0..x)
            .rev()
            .take_while(|&k| self.tokens[k].level >= level)
            .find(|&k| at_level(k) && self.is(k, "for"))?;
        let in_ = (x..self.tokens.len())
            .take_while(|&k| self.tokens[k].level >= level && self.tokens[k].kind != Tok::Newline)
            .find(|&k| at_level(k) && self.is(k, "in"))?;
        let mut start = for_ + 1;
        for k in for_ + 1..=in_ {
            if k < in_ && !(at_level(k) && self.is(k, ",")) {
                continue;
            }
            if start < k {
                let text = &self.src[self.tokens[start].start..self.tokens[k - 1].end];
                if let Ok((e, _)) = parse_field(text, self.col(start)) {
                    let kind = expr_kind(&e);
                    if !matches!(
                        kind,
                        "name" | "attribute" | "subscript" | "tuple" | "list" | "starred"
                    ) {
                        return Some(messages::cannot_assign(kind, false, self.col(start)));
                    }
                }
            }
            start = k + 1;
        }
        None
    }

    /// `=` where an expression goes on: `if x = 1:`, `[a = 1]`, `f(a.b=1)`.
    pub(super) fn misplaced_assign(&self, x: usize) -> PyError {
        let generic = messages::invalid_syntax(self.col(x));
        if x == 0 || !self.ends_operand(x - 1) {
            return generic;
        }
        let (start, _) = self.expression_start(x - 1);
        let before = start.checked_sub(1);
        let col = self.node_col(start);
        let level = self.tokens[x].level;
        let opener = (0..x).rev().find(|&k| self.tokens[k].level < level);
        let argument_start = before.is_some_and(|q| Some(q) == opener || self.is(q, ","));
        let in_call = opener.is_some_and(|k| self.is(k, "(") && k > 0 && self.ends_operand(k - 1));
        if in_call && argument_start {
            return messages::kwarg_is_expression(col);
        }
        // CPython tries its `=` hints only where a named expression may stand (an element of
        // a display, an index, the condition of `if`/`elif`/`while`), and only when a plain
        // operand follows the `=`.
        let condition = before.is_some_and(|q| {
            let head = self.line_start(q);
            ["if", "elif", "while"].iter().any(|kw| self.is(q, kw)) && head == q
                // a case's guard
                || self.is(q, "if") && self.tokens[q].level == 0 && self.is(head, "case")
        });
        let rhs_plain = x + 1 < self.tokens.len()
            && (self.starts_operand(x + 1) || matches!(self.text(x + 1), "-" | "+" | "~"))
            && !self.is(x + 1, "lambda");
        if !(argument_start || condition) || !rhs_plain {
            return generic;
        }
        if start + 1 == x && self.tokens[start].kind == Tok::Name && !self.is_keyword(start) {
            return messages::maybe_meant_eq_or_walrus(col);
        }
        if !self.hint_start(start) {
            return generic;
        }
        let text = &self.src[self.tokens[start].start..self.tokens[x - 1].end];
        match parse_field(text, col) {
            Ok((e, _)) if !matches!(e, Expr::Compare(..) | Expr::BoolOp(..) | Expr::Not(_)) => {
                messages::cannot_assign(expr_kind(&e), true, col)
            }
            _ => generic,
        }
    }

    /// In `target = value` (or a chain of them) on the line of token `x`, the first target that
    /// cannot be assigned to, named as CPython names it.
    pub(super) fn bad_assignment_target(&self, x: usize) -> Option<PyError> {
        let head = self.line_start(x);
        if self.tokens[head].kind != Tok::Name && !self.starts_operand(head) && !self.is(head, "*")
        {
            return None;
        }
        if self.tokens[head].kind == Tok::Name
            && self.is_keyword(head)
            && !self.starts_operand(head)
        {
            return None;
        }
        let assigns: Vec<usize> = (head..x)
            .filter(|&k| self.tokens[k].level == 0 && self.is(k, "="))
            .collect();
        let last = *assigns.last()?;
        // CPython's hint needs the one target to be followed by a plain operand.
        let hint = assigns.len() == 1
            && last + 1 < self.tokens.len()
            && (self.starts_operand(last + 1) || matches!(self.text(last + 1), "-" | "+" | "~"))
            && !self.is(last + 1, "lambda");
        let mut from = head;
        for (n, &eq) in assigns.iter().enumerate() {
            let elements = self.split_top_level(from, eq);
            for (i, &(a, b)) in elements.iter().enumerate() {
                let text = &self.src[self.tokens[a].start..self.tokens[b - 1].end];
                let Ok((e, _)) = parse_field(text, self.col(a)) else {
                    return None;
                };
                let kind = expr_kind(&e);
                if !matches!(
                    kind,
                    "name" | "attribute" | "subscript" | "tuple" | "list" | "starred"
                ) {
                    let here = hint && n == 0 && i + 1 == elements.len() && self.hint_start(a);
                    return Some(messages::cannot_assign(kind, here, self.node_col(a)));
                }
            }
            from = eq + 1;
        }
        None
    }

    /// Token ranges of the comma-separated parts of tokens `from..to` at bracket depth 0.
    fn split_top_level(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut start = from;
        for k in from..=to {
            if k == to || (self.tokens[k].level == 0 && self.is(k, ",")) {
                if start < k {
                    parts.push((start, k));
                }
                start = k + 1;
            }
        }
        parts
    }

    /// Whether CPython's "Maybe you meant '=='" hint may name an expression starting at token
    /// `i`: not one starting with a tuple, a list display, a generator, `True`, `None`, `False`.
    fn hint_start(&self, i: usize) -> bool {
        if matches!(self.text(i), "True" | "None" | "False") {
            return false;
        }
        let Some(close) = self.tokens[i]
            .partner
            .filter(|_| self.is(i, "(") || self.is(i, "["))
        else {
            return true;
        };
        let inner = self.tokens[i].level + 1;
        let has = |t: &str| (i + 1..close).any(|j| self.tokens[j].level == inner && self.is(j, t));
        if self.is(i, "[") {
            return has("for");
        }
        close > i + 1 && !has(",") && !has("for")
    }

    /// `x: int = 5` is a variable annotation, valid Python that arrsh does not run.
    pub(super) fn annotation(&self, x: usize) -> Option<PyError> {
        if !self.is(x, ":") || self.tokens[x].level != 0 || x == 0 || !self.ends_operand(x - 1) {
            return None;
        }
        let head = self.line_start(x);
        if self.is_keyword(head) || (head..x).any(|k| self.tokens[k].level == 0 && self.is(k, "="))
        {
            return None;
        }
        // Only `target: expression` or `target: expression = value` is an annotation.
        let end = (x..self.tokens.len())
            .find(|&k| matches!(self.tokens[k].kind, Tok::Newline | Tok::End))?;
        let eq = (x + 1..end).find(|&k| self.tokens[k].level == 0 && self.is(k, "="));
        let parses = |a: usize, b: usize| {
            a < b && parse_field(&self.src[self.tokens[a].start..self.tokens[b - 1].end], 0).is_ok()
        };
        let valid = match eq {
            Some(eq) => parses(x + 1, eq) && parses(eq + 1, end),
            None => parses(x + 1, end),
        };
        if !valid {
            return None;
        }
        let text = &self.src[self.tokens[head].start..self.tokens[x - 1].end];
        if let Ok((e, _)) = parse_field(text, self.col(head))
            && !matches!(e, Expr::Name(_) | Expr::Attribute(..) | Expr::Subscript(..))
        {
            return Some(messages::illegal_annotation_target(self.col(head)));
        }
        Some(messages::unsupported("variable annotations (`x: int = 5`)"))
    }
}
