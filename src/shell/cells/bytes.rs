//! Scripts that are not valid UTF-8. A file or a pipe is read as bytes and decoded here; each
//! byte that is not part of valid UTF-8 becomes a stand-in character (`decode`), so the cutter
//! still finds the cells, and a cell that holds one is a SyntaxError with the words CPython's
//! tokenizer uses when it compiles those bytes (`undecodable`) — outside comments, which
//! CPython never decodes. Every other cell runs as usual.

/// Stand-ins for undecodable bytes 0x80..=0xFF: U+10FF80 + (byte - 0x80), in a private-use
/// plane no lesson uses.
const ESCAPE_BASE: u32 = 0x10_FF00;

fn escape(b: u8) -> char {
    char::from_u32(ESCAPE_BASE + b as u32).unwrap_or('\u{FFFD}')
}

/// The byte a stand-in stands for.
fn escaped(c: char) -> Option<u8> {
    let v = (c as u32).checked_sub(ESCAPE_BASE)?;
    u8::try_from(v).ok().filter(|b| *b >= 0x80)
}

/// Bytes as text: valid UTF-8 as it is, every other byte as its stand-in.
pub fn decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len());
                out.extend(bad[..n].iter().map(|&b| escape(b)));
                rest = &bad[n..];
            }
        }
    }
}

/// The cell as it is shown and run: stand-ins become U+FFFD, as a terminal shows them.
pub fn shown(src: &str) -> std::borrow::Cow<'_, str> {
    if src.chars().any(|c| escaped(c).is_some()) {
        src.chars()
            .map(|c| if escaped(c).is_some() { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        src.into()
    }
}

/// CPython 3.11's message for compiling the cell's bytes, when a stand-in sits outside a
/// comment: the token that holds it (a string's body, or a name) is decoded as UTF-8, and
/// the decoder's complaint is reported, `(unicode error) 'utf-8' codec can't decode byte 0xff
/// in position 2: invalid start byte`.
pub fn undecodable(src: &str) -> Option<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\'' || c == '"' {
            let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
            let q = if triple { 3 } else { 1 };
            let body = i + q;
            let mut j = body;
            let mut bad = false;
            while j < chars.len() {
                if chars[j] == '\\' {
                    j += 2;
                    continue;
                }
                if !triple && chars[j] == '\n' {
                    break;
                }
                if chars[j] == c && (!triple || chars[j..].starts_with(&[c, c, c])) {
                    break;
                }
                bad |= escaped(chars[j]).is_some();
                j += 1;
            }
            let end = j.min(chars.len());
            if bad {
                return Some(message(&chars[body..end]));
            }
            i = end + q;
            continue;
        }
        if escaped(c).is_some() {
            // the name (or stray bytes) around it; a number before it is a token of its own
            let word = |c: char| c.is_alphanumeric() || c == '_' || escaped(c).is_some();
            let mut start = i;
            while start > 0 && word(chars[start - 1]) {
                start -= 1;
            }
            while start < i && chars[start].is_ascii_digit() {
                start += 1;
            }
            let mut end = i;
            while end < chars.len() && word(chars[end]) {
                end += 1;
            }
            return Some(message(&chars[start..end]));
        }
        i += 1;
    }
    None
}

/// The UTF-8 decoder's complaint about a token, in CPython's words.
fn message(token: &[char]) -> String {
    let mut bytes = Vec::new();
    for &c in token {
        match escaped(c) {
            Some(b) => bytes.push(b),
            None => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    let Err(e) = std::str::from_utf8(&bytes) else {
        return "(unicode error) 'utf-8' codec can't decode the cell".into();
    };
    let at = e.valid_up_to();
    let (len, reason) = match e.error_len() {
        None => (bytes.len() - at, "unexpected end of data"),
        Some(1) if matches!(bytes[at], 0x80..=0xC1 | 0xF5..=0xFF) => (1, "invalid start byte"),
        Some(n) => (n, "invalid continuation byte"),
    };
    let what = if len == 1 {
        format!("byte 0x{:02x} in position {at}", bytes[at])
    } else {
        format!("bytes in position {at}-{}", at + len - 1)
    };
    format!("(unicode error) 'utf-8' codec can't decode {what}: {reason}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CPython 3.11's `compile(bytes, '<cell>', 'exec')` on each source.
    #[test]
    fn cpython_words_for_undecodable_cells() {
        let table: &[(&[u8], Option<&str>)] = &[
            (
                b"x = \"\xff\"",
                Some("byte 0xff in position 0: invalid start byte"),
            ),
            (
                b"x = 1\xff",
                Some("byte 0xff in position 0: invalid start byte"),
            ),
            (
                b"\xe9t\xe9 = 1",
                Some("byte 0xe9 in position 0: invalid continuation byte"),
            ),
            (
                b"x = \"ab\xffcd\"",
                Some("byte 0xff in position 2: invalid start byte"),
            ),
            (
                b"x = \"\xe9\"",
                Some("byte 0xe9 in position 0: unexpected end of data"),
            ),
            (
                b"abc\xff = 1",
                Some("byte 0xff in position 3: invalid start byte"),
            ),
            (
                b"x = \"\xc3\xa9\xff\"",
                Some("byte 0xff in position 2: invalid start byte"),
            ),
            (
                b"\xf0\x9f\x98 = 1",
                Some("bytes in position 0-2: unexpected end of data"),
            ),
            (b"x = 1 # \xff", None),
            (b"# caf\xe9\n1 + 1", None),
            ("x = 'é'".as_bytes(), None),
        ];
        for (src, want) in table {
            let got = undecodable(&decode(src));
            let want = want.map(|w| format!("(unicode error) 'utf-8' codec can't decode {w}"));
            assert_eq!(got, want, "{src:?}");
        }
    }

    #[test]
    fn stand_ins_show_as_replacement_characters() {
        let text = decode(b"a = 1\nb = '\xff'\n");
        assert_eq!(text.lines().count(), 2);
        assert_eq!(shown(&text), "a = 1\nb = '\u{FFFD}'\n");
        assert_eq!(decode("plain é".as_bytes()), "plain é");
    }
}
