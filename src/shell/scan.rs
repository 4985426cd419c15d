//! Is a cell complete? A pure scan of brackets, strings, backslashes and block headers, used by
//! the REPL to decide between running the cell and asking for another line with `...:`.

/// What the scan found at the end of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    /// Open brackets, an unterminated triple-quoted string, or a trailing backslash.
    Incomplete,
    /// Inside an indented block: complete once an empty line is entered.
    Block,
}

/// Scans `src` (one or more lines) like Python's tokenizer would for line joining.
pub fn completeness(src: &str) -> Completeness {
    let mut depth = 0i64;
    let mut chars = src.chars().peekable();
    let mut quote: Option<(char, bool)> = None; // (quote char, triple)
    let mut last_code_line_colon = false;
    let mut line_has_code = false;
    let mut any_block = false;
    while let Some(c) = chars.next() {
        if let Some((q, triple)) = quote {
            match c {
                '\\' => {
                    chars.next();
                }
                _ if c == q => {
                    if triple {
                        let mut rest = chars.clone();
                        if rest.next() == Some(q) && rest.next() == Some(q) {
                            chars.next();
                            chars.next();
                            quote = None;
                        }
                    } else {
                        quote = None;
                    }
                }
                '\n' if !triple => quote = None, // unterminated: let the parser report it
                _ => {}
            }
            continue;
        }
        match c {
            '#' => {
                while chars.peek().is_some_and(|&n| n != '\n') {
                    chars.next();
                }
            }
            '\'' | '"' => {
                let mut rest = chars.clone();
                let triple = rest.next() == Some(c) && rest.next() == Some(c);
                if triple {
                    chars.next();
                    chars.next();
                }
                quote = Some((c, triple));
                line_has_code = true;
                last_code_line_colon = false;
            }
            '(' | '[' | '{' => {
                depth += 1;
                line_has_code = true;
                last_code_line_colon = false;
            }
            ')' | ']' | '}' => {
                depth -= 1;
                line_has_code = true;
                last_code_line_colon = false;
            }
            '\n' => {
                if depth <= 0 && line_has_code && last_code_line_colon {
                    any_block = true;
                }
                line_has_code = false;
            }
            ':' => {
                line_has_code = true;
                last_code_line_colon = depth <= 0;
            }
            c if c.is_whitespace() => {}
            '\\' if chars.peek().is_none() => return Completeness::Incomplete,
            _ => {
                line_has_code = true;
                last_code_line_colon = false;
            }
        }
    }
    if matches!(quote, Some((_, true))) || depth > 0 {
        return Completeness::Incomplete;
    }
    if depth <= 0
        && line_has_code
        && last_code_line_colon
        && opens_block_line(src.lines().last().unwrap_or(""))
    {
        return Completeness::Block;
    }
    if any_block && src.lines().count() > 1 && !src.ends_with('\n') {
        return Completeness::Block;
    }
    Completeness::Complete
}

/// A line like `for x in y:` (header with an empty body); `for x in y: print(x)` is complete.
fn opens_block_line(line: &str) -> bool {
    super::replay::opens_block(line.trim())
}

/// The indentation to offer on the next line of a block: the last line's, plus four spaces
/// after a header.
pub fn next_indent(src: &str) -> String {
    let last = src.lines().last().unwrap_or("");
    let base: String = last.chars().take_while(|c| *c == ' ').collect();
    if opens_block_line(last) {
        format!("{base}    ")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Completeness::*;

    #[test]
    fn scans_like_the_tokenizer() {
        let cases = [
            ("a = 1", Complete),
            ("a = (1,", Incomplete),
            ("a = [1, 2,\n 3]", Complete),
            ("s = '''abc", Incomplete),
            ("s = '(' ", Complete),   // brackets inside strings do not count
            ("x = 1  # (", Complete), // nor inside comments
            ("x = 1 + \\", Incomplete),
            ("for i in a:", Block),
            ("for i in a: print(i)", Complete),
            ("for i in a:\n    print(i)", Block),
            ("d = {'a':", Incomplete), // a colon inside brackets is not a block
            ("a[1:", Incomplete),
            ("a[1:]", Complete),
            (")", Complete), // the parser reports the unmatched bracket
        ];
        for (src, want) in cases {
            assert_eq!(completeness(src), want, "{src:?}");
        }
    }

    #[test]
    fn block_bodies_are_indented() {
        assert_eq!(next_indent("for i in a:"), "    ");
        assert_eq!(next_indent("for i in a:\n    x = i"), "    ");
        assert_eq!(next_indent("x = 1"), "");
    }
}
