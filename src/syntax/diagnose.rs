//! Why a parse failed, in CPython 3.11's words.
//!
//! pest reports the furthest position it reached and the rules it expected there. CPython's
//! parser, when its first pass fails, runs a second pass with extra `invalid_*` rules that
//! recognise common mistakes. This module plays that second pass from the token list: it looks at
//! the token pest stopped at and its neighbours, and picks the message CPython would give. What
//! it does not recognise is "invalid syntax" at the failing token, which is also CPython's
//! fallback.

mod assign;
mod displays;

use pest::Parser;
use pest::error::{Error, ErrorVariant, InputLocation};

use super::KEYWORDS;
use super::lexer::{Layout, Tok, Token};
use super::messages;
use super::parser::{Grammar, Rule, parse_field};
use super::strings::{self, Literal};
use crate::error::PyError;

/// Statements arrsh does not run, refused as unsupported rather than as bad syntax.
const UNSUPPORTED_STATEMENTS: [&str; 1] = ["async"];

/// Explains a failed parse of `layout` (made from the cell `src`).
pub(super) fn explain(src: &str, layout: &Layout, err: &Error<Rule>) -> PyError {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((p, _)) => p,
    };
    let positives: &[Rule] = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        // pest's own limits ("call limit reached", "stack limit reached").
        ErrorVariant::CustomError { .. } => return PyError::recursion_ast_construction(),
    };
    let d = Diagnosis {
        src,
        tokens: &layout.tokens,
        layout,
        positives,
    };
    d.explain(d.failing_token(pos))
}

struct Diagnosis<'a> {
    src: &'a str,
    tokens: &'a [Token],
    layout: &'a Layout,
    positives: &'a [Rule],
}

impl Diagnosis<'_> {
    /// The token at a layout offset where pest failed (or the next one, if it failed in blanks).
    fn failing_token(&self, pos: usize) -> usize {
        let i = self.layout.token_at_layout(pos);
        if i > 0 {
            let prev = &self.tokens[i - 1];
            let width = match prev.kind {
                Tok::Newline | Tok::Indent | Tok::Dedent => 1,
                _ => prev.end - prev.start,
            };
            if pos < prev.layout_start + width {
                return i - 1;
            }
        }
        i
    }

    fn text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.src[t.start..t.end]
    }

    fn col(&self, i: usize) -> usize {
        self.layout.col(self.tokens[i].start)
    }

    fn is(&self, i: usize, text: &str) -> bool {
        matches!(self.tokens[i].kind, Tok::Name | Tok::Op) && self.text(i) == text
    }

    fn is_keyword(&self, i: usize) -> bool {
        self.tokens[i].kind == Tok::Name && KEYWORDS.contains(&self.text(i))
    }

    fn is_opener(&self, i: usize) -> bool {
        self.tokens[i].kind == Tok::Op && matches!(self.text(i), "(" | "[" | "{")
    }

    fn is_closer(&self, i: usize) -> bool {
        self.tokens[i].kind == Tok::Op && matches!(self.text(i), ")" | "]" | "}")
    }

    /// A token that can end an operand: a name, a literal, a closing bracket.
    fn ends_operand(&self, i: usize) -> bool {
        match self.tokens[i].kind {
            Tok::Number | Tok::Str => true,
            Tok::Name => !self.is_keyword(i) || matches!(self.text(i), "None" | "True" | "False"),
            Tok::Op => self.is_closer(i) || self.text(i) == "...",
            _ => false,
        }
    }

    /// A token that can start an operand.
    fn starts_operand(&self, i: usize) -> bool {
        match self.tokens[i].kind {
            Tok::Number | Tok::Str => true,
            Tok::Name => {
                !self.is_keyword(i) || matches!(self.text(i), "None" | "True" | "False" | "lambda")
            }
            Tok::Op => self.is_opener(i) || matches!(self.text(i), "..." | "~"),
            _ => false,
        }
    }

    /// A token inside an operator expression (CPython's `disjunction`): operators and the
    /// keywords of boolean and comparison operators.
    fn joins_operands(&self, i: usize) -> bool {
        match self.tokens[i].kind {
            Tok::Op => matches!(
                self.text(i),
                "+" | "-"
                    | "*"
                    | "/"
                    | "//"
                    | "%"
                    | "@"
                    | "**"
                    | "<<"
                    | ">>"
                    | "&"
                    | "|"
                    | "^"
                    | "~"
                    | "<"
                    | ">"
                    | "<="
                    | ">="
                    | "=="
                    | "!="
                    | "."
            ),
            Tok::Name => matches!(self.text(i), "not" | "and" | "or" | "in" | "is"),
            _ => false,
        }
    }

    /// The first token of the operator expression that ends at token `j`, scanning back over
    /// operands, operators and bracketed groups at the same depth. Also says whether the scan
    /// stopped at the `in` of a `for` (a comprehension's iterable, where CPython does not suggest
    /// a comma).
    fn expression_start(&self, j: usize) -> (usize, bool) {
        let mut k = j;
        loop {
            if self.is_closer(k)
                && let Some(open) = self.tokens[k].partner
            {
                k = open;
            }
            if k == 0 {
                return (0, false);
            }
            let q = k - 1;
            if self.is(q, "in") && self.in_belongs_to_for(q) {
                return (k, true);
            }
            let continues = self.ends_operand(q) || self.joins_operands(q);
            if !continues {
                return (k, false);
            }
            // A star right after `(`, `,` or `=` unpacks (`f(*a b)`): it is not part of the operand.
            if matches!(self.text(q), "*" | "**") && (q == 0 || !self.ends_operand(q - 1)) {
                return (k, false);
            }
            k = q;
        }
    }

    /// Whether the `in` at token `i` is the `in` of a `for` at the same depth.
    fn in_belongs_to_for(&self, i: usize) -> bool {
        let level = self.tokens[i].level;
        let mut k = i;
        while k > 0 {
            k -= 1;
            let t = &self.tokens[k];
            if t.level < level || matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
                return false;
            }
            if t.level == level && t.kind == Tok::Op && matches!(self.text(k), "," | ":" | "=") {
                return false;
            }
            if t.level == level && self.is(k, "for") {
                return true;
            }
        }
        false
    }

    /// Whether reading an expression from token `i` runs into the end of the cell: CPython's
    /// parser then asks its tokenizer for the token after the last one, and the tokenizer
    /// reports the bracket that was never closed. pest answers by parsing from there.
    fn reaches_end(&self, i: usize) -> bool {
        let rest = &self.layout.text[self.tokens[i].layout_start..];
        match Grammar::parse(Rule::expression_probe, rest) {
            Ok(_) => true,
            Err(e) => match e.location {
                InputLocation::Pos(p) | InputLocation::Span((p, _)) => rest[p..].trim().is_empty(),
            },
        }
    }

    /// The column CPython gives an expression that starts at token `i`: an expression in
    /// grouping parentheses is placed at its first token inside them.
    fn node_col(&self, i: usize) -> usize {
        let mut k = i;
        while self.is(k, "(")
            && let Some(close) = self.tokens[k].partner
            && close > k + 1
        {
            let inner = self.tokens[k].level + 1;
            let tuple_or_generator = (k + 1..close)
                .any(|j| self.tokens[j].level == inner && (self.is(j, ",") || self.is(j, "for")));
            if tuple_or_generator {
                break;
            }
            k += 1;
        }
        self.col(k)
    }

    /// The first token of the logical line that token `i` is on.
    fn line_start(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0
            && !matches!(
                self.tokens[k - 1].kind,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
        {
            k -= 1;
        }
        k
    }

    /// Whether token `i` begins a statement.
    fn at_statement_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.tokens[i - 1].kind,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
            || self.is(i - 1, ";")
            || (self.is(i - 1, ":") && self.tokens[i - 1].level == 0)
    }

    /// The bracket depth of the expression that token `x` belongs to or ends.
    fn inside_level(&self, x: usize) -> usize {
        self.tokens[x].level + usize::from(self.is_closer(x))
    }

    fn expects(&self, rule: Rule) -> bool {
        self.positives.contains(&rule)
    }

    fn explain(&self, x: usize) -> PyError {
        let tok = self.tokens[x];
        // String literals before the failure are decoded first: CPython decodes them as it parses.
        if let Some(err) = self.literal_error_before(x) {
            return err;
        }
        if tok.kind == Tok::Indent {
            return messages::unexpected_indent(self.col(x).saturating_sub(1));
        }
        if let Some(err) = self.missing_block(x) {
            return err;
        }
        if let Some(u) = self.layout.unclosed
            && (tok.kind == Tok::End || tok.line > u.line)
        {
            return messages::never_closed(u.ch, self.layout.col(u.start));
        }
        if let Some(err) = self.unsupported(x) {
            return err;
        }
        if let Some(err) = self.bad_dict_display(x) {
            return err;
        }
        // `a if b` without `else`: CPython's `invalid_expression` tries this before a comma.
        if self.expects(Rule::kw_else)
            && let Some(body) = self.conditional_body(x)
        {
            return messages::expected_else(self.node_col(body));
        }
        if self.is(x, "=") {
            return self.misplaced_assign(x);
        }
        if self.expects(Rule::kw_in)
            && let Some(err) = self.bad_loop_target(x)
        {
            return err;
        }
        let juxtaposed = x > 0 && self.ends_operand(x - 1) && self.starts_operand(x);
        if juxtaposed && let Some(err) = self.missing_comma(x) {
            return err;
        }
        // A statement `target = value` whose value is broken: CPython still names a target it
        // cannot assign to.
        if let Some(err) = self.bad_assignment_target(x) {
            return err;
        }
        if juxtaposed {
            return messages::invalid_syntax(self.col(x));
        }
        if let Some(err) = self.annotation(x) {
            return err;
        }
        if self.expects(Rule::colon) {
            let head = self.line_start(x);
            // `match` and `case` are soft keywords: only a line that failed as their statement
            // reaches here with them at its head
            let opens_block = ["if", "elif", "while", "for", "match", "case"]
                .iter()
                .any(|kw| self.is(head, kw));
            if (tok.kind == Tok::Newline && opens_block) || (x > 0 && self.is(x - 1, "else")) {
                return messages::expected(Rule::colon, self.col(x));
            }
        }
        if tok.kind == Tok::Dedent {
            return messages::unexpected_unindent(self.col(x));
        }
        messages::invalid_syntax(self.col(x))
    }

    /// A decoding error in a string literal that comes before token `x`.
    fn literal_error_before(&self, x: usize) -> Option<PyError> {
        let mut k = 0;
        while k < x {
            if self.tokens[k].kind != Tok::Str {
                k += 1;
                continue;
            }
            let mut lits = Vec::new();
            while k < x && self.tokens[k].kind == Tok::Str {
                let t = &self.tokens[k];
                lits.push(Literal {
                    text: &self.src[t.start..t.end],
                    start_col: self.layout.col(t.start),
                    end_col: self.layout.col(t.end),
                });
                k += 1;
            }
            if let Err(e) = strings::concat(&lits, &parse_field) {
                return Some(e);
            }
        }
        None
    }

    /// "expected an indented block after 'for' statement on line 1".
    fn missing_block(&self, x: usize) -> Option<PyError> {
        if x < 2 || self.tokens[x - 1].kind != Tok::Newline || !self.is(x - 2, ":") {
            return None;
        }
        let head = self.line_start(x - 2);
        let keyword = ["for", "while", "if", "elif", "else", "match", "case"]
            .into_iter()
            .find(|kw| self.is(head, kw))?;
        // At the end of the cell CPython points after the last character (a final line break
        // aside), even when that is on a comment line.
        let at_end = matches!(self.tokens[x].kind, Tok::End | Tok::Dedent);
        let end = self.src.trim_end_matches(['\n', '\r']).len();
        let col = if at_end {
            self.layout.col(end)
        } else {
            self.col(x)
        };
        Some(messages::expected_indented_block(
            keyword,
            self.tokens[head].line,
            col,
        ))
    }

    /// Python that arrsh does not run, refused as such rather than as a syntax error.
    fn unsupported(&self, x: usize) -> Option<PyError> {
        let text = self.text(x);
        let is_name = self.tokens[x].kind == Tok::Name;
        // Valid Python, but arrsh has no functions: CPython's compiler words it the same way.
        if is_name
            && (matches!(text, "yield" | "await")
                || (text == "return" && self.at_statement_start(x)))
        {
            return Some(messages::outside_function(text, self.col(x)));
        }
        if is_name && self.at_statement_start(x) && UNSUPPORTED_STATEMENTS.contains(&text) {
            return Some(messages::unsupported(&format!("'{text}' statements")));
        }
        if self.is(x, ":=") && self.tokens[x].level > 0 {
            return Some(messages::unsupported("assignment expressions (':=')"));
        }
        if x > 0 && self.is(x, ".") && self.is(x - 1, "from") {
            return Some(messages::unsupported("relative imports"));
        }
        if self.in_lambda_params(x) {
            return Some(messages::unsupported(
                "lambda parameters other than plain names",
            ));
        }
        None
    }

    /// Whether token `x` sits between `lambda` and its `:`.
    fn in_lambda_params(&self, x: usize) -> bool {
        let level = self.tokens[x].level;
        let mut k = x;
        while k > 0 {
            k -= 1;
            let t = &self.tokens[k];
            if t.level != level || self.is(k, ":") || matches!(t.kind, Tok::Newline) {
                return false;
            }
            if self.is(k, "lambda") {
                return true;
            }
            if !(t.kind == Tok::Name || self.is(k, ",")) {
                return false;
            }
        }
        false
    }

    /// Two operands side by side: a missing comma, a Python 2 `print`, or a bracket never
    /// closed; `None` leaves it to the later checks.
    fn missing_comma(&self, x: usize) -> Option<PyError> {
        let (start, in_for_iterable) = self.expression_start(x - 1);
        let first = self.text(start);
        if start + 1 == x
            && matches!(first, "print" | "exec")
            && self.tokens[start].kind == Tok::Name
        {
            return Some(messages::missing_parentheses(first, self.col(start)));
        }
        if let Some(u) = self.layout.unclosed
            && self.reaches_end(x)
        {
            return Some(messages::never_closed(u.ch, self.layout.col(u.start)));
        }
        // CPython's `invalid_expression` skips `NAME STRING` (string prefixes) and soft keywords.
        let name_then_string =
            self.tokens[start].kind == Tok::Name && self.tokens[start + 1].kind == Tok::Str;
        let soft_keyword = matches!(first, "_" | "match" | "case");
        if self.tokens[x].level > 0
            && !in_for_iterable
            && !name_then_string
            && !soft_keyword
            && !self.in_case_pattern(x)
        {
            return Some(messages::forgot_comma(self.node_col(start)));
        }
        None
    }

    /// Whether token `x` is in a `case` line's pattern (before its guard) under a `match`:
    /// patterns are not expressions, and CPython has no comma hint for them.
    fn in_case_pattern(&self, x: usize) -> bool {
        let head = self.line_start(x);
        self.is(head, "case")
            && !(head..x).any(|k| self.is(k, "if") && self.tokens[k].level == 0)
            && (0..head).any(|k| self.is(k, "match") && self.at_statement_start(k))
    }

    /// For `a if c` without `else`: the first token of `a`.
    fn conditional_body(&self, x: usize) -> Option<usize> {
        let level = self.inside_level(x);
        let mut k = x;
        while k > 0 {
            k -= 1;
            let t = &self.tokens[k];
            if t.level < level || matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
                return None;
            }
            if t.level == level && self.is(k, "if") {
                return (k > 0 && self.ends_operand(k - 1)).then(|| self.expression_start(k - 1).0);
            }
        }
        None
    }
}
