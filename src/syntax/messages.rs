//! Syntax-error wording: one constructor per situation, with CPython 3.11.7's exact text, and the
//! table that names grammar rules in messages.
//!
//! These live beside the grammar rather than in `error.rs` because they are the grammar's
//! vocabulary; every constructor still returns a plain `PyError`. Columns are character offsets
//! into the cell (see `parser.rs`).

use super::parser::Rule;
use crate::error::{ErrorKind, PyError};

fn indentation(msg: impl Into<String>, col: usize) -> PyError {
    PyError::with_col(ErrorKind::IndentationError, msg, col)
}

// ----- tokenizer

pub(super) const INVALID_DECIMAL: &str = "invalid decimal literal";

pub(super) fn invalid_digit(c: char, kind: &str) -> String {
    format!("invalid digit '{c}' in {kind} literal")
}
pub(super) fn leading_zeros(col: usize) -> PyError {
    PyError::syntax(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        col,
    )
}
pub(super) fn unterminated_string(line: usize, col: usize) -> PyError {
    PyError::syntax(
        format!("unterminated string literal (detected at line {line})"),
        col,
    )
}
pub(super) fn unterminated_triple_quoted(line: usize, col: usize) -> PyError {
    PyError::syntax(
        format!("unterminated triple-quoted string literal (detected at line {line})"),
        col,
    )
}
pub(super) fn unmatched(close: char, col: usize) -> PyError {
    PyError::syntax(format!("unmatched '{close}'"), col)
}
pub(super) fn mismatched_bracket(
    close: char,
    open: char,
    open_line: Option<usize>,
    col: usize,
) -> PyError {
    let on_line = open_line
        .map(|l| format!(" on line {l}"))
        .unwrap_or_default();
    PyError::syntax(
        format!(
            "closing parenthesis '{close}' does not match opening parenthesis '{open}'{on_line}"
        ),
        col,
    )
}
pub(super) fn never_closed(open: char, col: usize) -> PyError {
    PyError::syntax(format!("'{open}' was never closed"), col)
}
pub(super) fn unexpected_eof(col: usize) -> PyError {
    PyError::syntax("unexpected EOF while parsing", col)
}
pub(super) fn unexpected_after_continuation(col: usize) -> PyError {
    PyError::syntax(
        "unexpected character after line continuation character",
        col,
    )
}
pub(super) fn invalid_character(c: char, col: usize) -> PyError {
    PyError::syntax(format!("invalid character '{c}' (U+{:04X})", c as u32), col)
}
pub(super) fn non_printable(c: char, col: usize) -> PyError {
    PyError::syntax(
        format!("invalid non-printable character U+{:04X}", c as u32),
        col,
    )
}
pub(super) fn null_bytes(col: usize) -> PyError {
    PyError::syntax("source code string cannot contain null bytes", col)
}
pub(super) fn unindent_mismatch(col: usize) -> PyError {
    indentation("unindent does not match any outer indentation level", col)
}
/// CPython raises `TabError`, a subclass of `IndentationError` that arrsh's `ErrorKind` does not
/// have; the message is CPython's.
pub(super) fn inconsistent_tabs(col: usize) -> PyError {
    indentation("inconsistent use of tabs and spaces in indentation", col)
}
pub(super) fn too_deep_indentation(col: usize) -> PyError {
    indentation("too many levels of indentation", col)
}

// ----- parser

pub(super) fn invalid_syntax(col: usize) -> PyError {
    PyError::syntax("invalid syntax", col)
}
pub(super) fn forgot_comma(col: usize) -> PyError {
    PyError::syntax("invalid syntax. Perhaps you forgot a comma?", col)
}
pub(super) fn expected(rule: Rule, col: usize) -> PyError {
    PyError::syntax(format!("expected {}", rule_phrase(rule)), col)
}
pub(super) fn dict_colon_expected(col: usize) -> PyError {
    PyError::syntax("':' expected after dictionary key", col)
}
pub(super) fn dict_value_expected(col: usize) -> PyError {
    PyError::syntax("expression expected after dictionary key and ':'", col)
}
pub(super) fn dict_value_starred(col: usize) -> PyError {
    PyError::syntax("cannot use a starred expression in a dictionary value", col)
}
pub(super) fn dict_unpacking_in_comprehension(col: usize) -> PyError {
    PyError::syntax("dict unpacking cannot be used in dict comprehension", col)
}
pub(super) fn expected_else(col: usize) -> PyError {
    PyError::syntax("expected 'else' after 'if' expression", col)
}
pub(super) fn expected_indented_block(keyword: &str, line: usize, col: usize) -> PyError {
    indentation(
        format!("expected an indented block after '{keyword}' statement on line {line}"),
        col,
    )
}
pub(super) fn unexpected_indent(col: usize) -> PyError {
    indentation("unexpected indent", col)
}
pub(super) fn unexpected_unindent(col: usize) -> PyError {
    indentation("unexpected unindent", col)
}
pub(super) fn missing_parentheses(name: &str, col: usize) -> PyError {
    PyError::syntax(
        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        col,
    )
}
pub(super) fn maybe_meant_eq_or_walrus(col: usize) -> PyError {
    PyError::syntax(
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        col,
    )
}
pub(super) fn kwarg_is_expression(col: usize) -> PyError {
    PyError::syntax(
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        col,
    )
}
/// `what` is CPython's name for the expression (`_PyPegen_get_expr_name`): "function call", ...
pub(super) fn cannot_assign(what: &str, here: bool, col: usize) -> PyError {
    let hint = if here {
        " here. Maybe you meant '==' instead of '='?"
    } else {
        ""
    };
    PyError::syntax(format!("cannot assign to {what}{hint}"), col)
}
pub(super) fn cannot_delete(what: &str, col: usize) -> PyError {
    PyError::syntax(format!("cannot delete {what}"), col)
}
pub(super) fn illegal_augmented_target(what: &str, col: usize) -> PyError {
    PyError::syntax(
        format!("'{what}' is an illegal expression for augmented assignment"),
        col,
    )
}
/// `f(): int`
pub(super) fn illegal_annotation_target(col: usize) -> PyError {
    PyError::syntax("illegal target for annotation", col)
}
/// `*a = x`: a starred target on its own.
pub(super) fn starred_target_alone(col: usize) -> PyError {
    PyError::syntax("starred assignment target must be in a list or tuple", col)
}
/// A starred expression that is not an element of a display, e.g. `x = *a` (compiler's wording).
pub(super) fn starred_not_allowed(col: usize) -> PyError {
    PyError::syntax("can't use starred expression here", col)
}
/// `(*a)`: the parser's wording, which differs from the compiler's by one word.
pub(super) fn starred_in_parens(col: usize) -> PyError {
    PyError::syntax("cannot use starred expression here", col)
}
pub(super) fn unpacking_in_comprehension(col: usize) -> PyError {
    PyError::syntax("iterable unpacking cannot be used in comprehension", col)
}
pub(super) fn generator_needs_parens(col: usize) -> PyError {
    PyError::syntax("Generator expression must be parenthesized", col)
}
pub(super) fn positional_after_keyword(col: usize) -> PyError {
    PyError::syntax("positional argument follows keyword argument", col)
}
pub(super) fn positional_after_keyword_unpacking(col: usize) -> PyError {
    PyError::syntax(
        "positional argument follows keyword argument unpacking",
        col,
    )
}
pub(super) fn iterable_after_keyword_unpacking(col: usize) -> PyError {
    PyError::syntax(
        "iterable argument unpacking follows keyword argument unpacking",
        col,
    )
}
pub(super) fn keyword_repeated(name: &str, col: usize) -> PyError {
    PyError::syntax(format!("keyword argument repeated: {name}"), col)
}
pub(super) fn duplicate_lambda_argument(name: &str, col: usize) -> PyError {
    PyError::syntax(
        format!("duplicate argument '{name}' in function definition"),
        col,
    )
}
/// CPython's compiler allows 20 nested loops (CO_MAXBLOCKS).
pub(super) fn too_many_nested_blocks(col: usize) -> PyError {
    PyError::syntax("too many statically nested blocks", col)
}
/// `return`, `yield` and `await` outside a function: arrsh has no functions, so always.
pub(super) fn outside_function(keyword: &str, col: usize) -> PyError {
    PyError::syntax(format!("'{keyword}' outside function"), col)
}
pub(super) fn outside_loop(keyword: &str, col: usize) -> PyError {
    let msg = if keyword == "break" {
        "'break' outside loop"
    } else {
        "'continue' not properly in loop"
    };
    PyError::syntax(msg, col)
}

// ----- literals

/// CPython refuses decimal literals longer than `sys.get_int_max_str_digits()`.
pub(super) fn int_too_long(limit: usize, digits: usize, col: usize) -> PyError {
    PyError::syntax(
        format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; \
             use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
             literals to avoid decimal conversion limits."
        ),
        col,
    )
}

pub(super) fn unicode_error(first: usize, last: usize, reason: &str, col: usize) -> PyError {
    let at = if first == last {
        format!("position {first}")
    } else {
        format!("position {first}-{last}")
    };
    let msg = format!("(unicode error) 'unicodeescape' codec can't decode bytes in {at}: {reason}");
    PyError::syntax(msg, col)
}
pub(super) fn bytes_escape_error(escape: char, position: usize, col: usize) -> PyError {
    PyError::syntax(
        format!("(value error) invalid \\{escape} escape at position {position}"),
        col,
    )
}
pub(super) fn bytes_not_ascii(col: usize) -> PyError {
    PyError::syntax("bytes can only contain ASCII literal characters", col)
}
pub(super) fn mixed_bytes(col: usize) -> PyError {
    PyError::syntax("cannot mix bytes and nonbytes literals", col)
}
/// An f-string problem: CPython 3.11 prefixes these with "f-string: ".
pub(super) fn fstring(msg: &str, col: usize) -> PyError {
    PyError::syntax(format!("f-string: {msg}"), col)
}
pub(super) fn fstring_backslash(col: usize) -> PyError {
    PyError::syntax("f-string expression part cannot include a backslash", col)
}
pub(super) fn fstring_hash(col: usize) -> PyError {
    PyError::syntax("f-string expression part cannot include '#'", col)
}

// ----- arrsh's own limits

/// Python that arrsh does not run: `def`, `class`, starred targets, `{**d}`, ...
pub(super) fn unsupported(what: &str) -> PyError {
    PyError::not_implemented(format!("arrsh does not support {what}"))
}

/// How a message names a grammar rule: punctuation and keywords as Python writes them, the rest
/// as a description. pest's own names are internal (and its table for some built-ins is wrong),
/// so messages never show them.
pub(super) fn rule_phrase(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        nl => "newline",
        indent => "an indented block",
        dedent => "an unindent",
        EOI => "end of input",
        lpar => "'('",
        rpar => "')'",
        lbrack => "'['",
        rbrack => "']'",
        lbrace => "'{'",
        rbrace => "'}'",
        comma => "','",
        colon => "':'",
        semi => "';'",
        dot => "'.'",
        ellipsis => "'...'",
        assign => "'='",
        star | mul | except_star => "'*'",
        double_star | pow => "'**'",
        neg | sub => "'-'",
        pos | add => "'+'",
        invert => "'~'",
        matmul => "'@'",
        floordiv => "'//'",
        div => "'/'",
        modulo => "'%'",
        lshift => "'<<'",
        rshift => "'>>'",
        bitand => "'&'",
        bitxor => "'^'",
        bitor => "'|'",
        eq => "'=='",
        ne => "'!='",
        le => "'<='",
        lt => "'<'",
        ge => "'>='",
        gt => "'>'",
        aug_pow => "'**='",
        aug_floordiv => "'//='",
        aug_lshift => "'<<='",
        aug_rshift => "'>>='",
        aug_add => "'+='",
        aug_sub => "'-='",
        aug_mul => "'*='",
        aug_div => "'/='",
        aug_mod => "'%='",
        aug_matmul => "'@='",
        aug_bitand => "'&='",
        aug_bitor => "'|='",
        aug_bitxor => "'^='",
        kw_false => "'False'",
        kw_none => "'None'",
        kw_true => "'True'",
        kw_and => "'and'",
        kw_as => "'as'",
        kw_break => "'break'",
        kw_continue => "'continue'",
        kw_del => "'del'",
        kw_elif => "'elif'",
        kw_else => "'else'",
        kw_for => "'for'",
        kw_from => "'from'",
        kw_if => "'if'",
        kw_import => "'import'",
        kw_in => "'in'",
        kw_is => "'is'",
        kw_lambda => "'lambda'",
        kw_not => "'not'",
        kw_or => "'or'",
        kw_pass => "'pass'",
        kw_while => "'while'",
        kw_def => "'def'",
        kw_class => "'class'",
        kw_return => "'return'",
        kw_raise => "'raise'",
        kw_global => "'global'",
        kw_nonlocal => "'nonlocal'",
        kw_assert => "'assert'",
        kw_try => "'try'",
        kw_except => "'except'",
        kw_finally => "'finally'",
        kw_with => "'with'",
        kw_yield => "'yield'",
        arrow => "'->'",
        walrus => "':='",
        at => "'@'",
        slash => "'/'",
        kw_reserved => "a keyword",
        not_in => "'not in'",
        is_not => "'is not'",
        name => "a name",
        int | float | imag => "a number",
        string | strings => "a string",
        _ => "an expression",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: a rule, and how a message names it.
    #[test]
    fn rules_are_named_as_python_writes_them() {
        let cases: &[(Rule, &str)] = &[
            (Rule::rbrack, "']'"),
            (Rule::rpar, "')'"),
            (Rule::rbrace, "'}'"),
            (Rule::colon, "':'"),
            (Rule::comma, "','"),
            (Rule::assign, "'='"),
            (Rule::pow, "'**'"),
            (Rule::double_star, "'**'"),
            (Rule::floordiv, "'//'"),
            (Rule::aug_floordiv, "'//='"),
            (Rule::le, "'<='"),
            (Rule::not_in, "'not in'"),
            (Rule::kw_else, "'else'"),
            (Rule::kw_in, "'in'"),
            (Rule::nl, "newline"),
            (Rule::indent, "an indented block"),
            (Rule::name, "a name"),
            (Rule::expression, "an expression"),
        ];
        for (rule, want) in cases {
            assert_eq!(rule_phrase(*rule), *want, "{rule:?}");
        }
    }

    /// Each row: the constructor's text and CPython 3.11.7's `SyntaxError.msg`.
    #[test]
    fn messages_match_cpython() {
        let cases: &[(PyError, &str)] = &[
            (expected(Rule::colon, 0), "SyntaxError: expected ':'"),
            (never_closed('[', 0), "SyntaxError: '[' was never closed"),
            (
                mismatched_bracket(']', '(', None, 0),
                "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('",
            ),
            (
                mismatched_bracket(']', '(', Some(1), 0),
                "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1",
            ),
            (
                invalid_character('€', 0),
                "SyntaxError: invalid character '€' (U+20AC)",
            ),
            (
                non_printable('\x01', 0),
                "SyntaxError: invalid non-printable character U+0001",
            ),
            (
                cannot_assign("function call", true, 0),
                "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?",
            ),
            (
                cannot_assign("None", false, 0),
                "SyntaxError: cannot assign to None",
            ),
            (
                expected_indented_block("for", 1, 0),
                "IndentationError: expected an indented block after 'for' statement on line 1",
            ),
            (
                unicode_error(0, 2, "truncated \\xXX escape", 0),
                "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
            ),
            (
                bytes_escape_error('x', 0, 0),
                "SyntaxError: (value error) invalid \\x escape at position 0",
            ),
            (
                fstring("single '}' is not allowed", 0),
                "SyntaxError: f-string: single '}' is not allowed",
            ),
        ];
        for (err, want) in cases {
            assert_eq!(err.to_string(), *want);
        }
    }
}
