//! Substring search in `str.count`/`find`/`rfind`/`index`/`rindex`: in blocks of a few MiB,
//! with a poll for Ctrl-C between blocks, so counting in a 200 MB string can be interrupted.
//! Offsets are bytes here; the caller turns them into CPython's character indices.

use crate::error::PyResult;

/// Bytes searched between two polls.
const BLOCK: usize = 4 << 20;

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// How many non-overlapping `sub` there are in `hay`, leftmost first as `str.count` counts
/// (`sub` not empty). Each block counts the matches that *start* in it; its window reaches
/// `sub.len() - 1` bytes further so a match across the border is seen whole, and the next
/// block starts after the last match counted.
pub fn count(hay: &str, sub: &str, poll: &mut dyn FnMut() -> PyResult<()>) -> PyResult<usize> {
    let mut n = 0;
    let mut pos = 0;
    while pos < hay.len() {
        poll()?;
        let block_end = ceil_boundary(hay, pos + BLOCK);
        let window_end = ceil_boundary(hay, block_end + sub.len() - 1);
        let mut next = block_end;
        for (at, m) in hay[pos..window_end].match_indices(sub) {
            if pos + at >= block_end {
                break;
            }
            n += 1;
            next = next.max(pos + at + m.len());
        }
        pos = next;
    }
    Ok(n)
}

/// The byte offset of the first (or, `from_right`, the last) `sub` in `hay`. A block's
/// window reaches `sub.len() - 1` bytes past it; blocks already searched had no match.
pub fn find(
    hay: &str,
    sub: &str,
    from_right: bool,
    poll: &mut dyn FnMut() -> PyResult<()>,
) -> PyResult<Option<usize>> {
    if hay.len() <= BLOCK || sub.is_empty() {
        return Ok(if from_right {
            hay.rfind(sub)
        } else {
            hay.find(sub)
        });
    }
    let overlap = sub.len() - 1;
    if from_right {
        let mut end = hay.len();
        while end > 0 {
            poll()?;
            let start = floor_boundary(hay, end.saturating_sub(BLOCK));
            let window_end = ceil_boundary(hay, end + overlap);
            if let Some(at) = hay[start..window_end].rfind(sub) {
                return Ok(Some(start + at));
            }
            end = start;
        }
    } else {
        let mut start = 0;
        while start < hay.len() {
            poll()?;
            let end = ceil_boundary(hay, start + BLOCK);
            let window_end = ceil_boundary(hay, end + overlap);
            if let Some(at) = hay[start..window_end].find(sub) {
                return Ok(Some(start + at));
            }
            start = end;
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> impl FnMut() -> PyResult<()> {
        || Ok(())
    }

    #[test]
    fn blocks_give_the_answers_of_one_search() {
        // (haystack, needle, why): matches across block borders and multi-byte characters
        let big_a = "a".repeat(BLOCK * 2 + 5);
        let mut border = "x".repeat(BLOCK - 2);
        border.push_str("abcab");
        border.push_str(&"é".repeat(BLOCK / 2 + 3));
        border.push_str("abc");
        let cases: &[(&str, &str, &str)] = &[
            (&big_a, "aa", "overlapping candidates counted left to right"),
            (&big_a, "aaa", "a needle that does not divide the block"),
            (&border, "abc", "a match straddling the first border"),
            (&border, "éab", "multi-byte characters at a border"),
            (&border, "é", "many short matches"),
            (&border, "zz", "no match at all"),
            ("short", "o", "a string of one block"),
        ];
        for (hay, sub, why) in cases {
            assert_eq!(
                count(hay, sub, &mut never()).unwrap(),
                hay.matches(sub).count(),
                "{why}"
            );
            assert_eq!(
                find(hay, sub, false, &mut never()).unwrap(),
                hay.find(sub),
                "{why}"
            );
            assert_eq!(
                find(hay, sub, true, &mut never()).unwrap(),
                hay.rfind(sub),
                "{why}"
            );
        }
    }

    #[test]
    fn ctrl_c_during_a_search_stops_it_at_the_next_block() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};
        // the key press arrives while the first block is searched (simulated at its poll):
        // the session's own flag, read by `Ctx::check_interrupt`, as in a real cell
        let flag = Arc::new(AtomicBool::new(false));
        let ctx = crate::runtime::Ctx::new(crate::runtime::Heap::new(false, 1 << 30), flag.clone());
        let hay = "a".repeat(BLOCK * 3);
        for (name, from_right) in [
            ("count", None),
            ("find", Some(false)),
            ("rfind", Some(true)),
        ] {
            let mut polls = 0;
            let mut poll = || {
                polls += 1;
                if polls == 1 {
                    flag.store(true, Ordering::SeqCst);
                    return Ok(());
                }
                ctx.check_interrupt()
            };
            let r = match from_right {
                None => count(&hay, "b", &mut poll).map(|_| ()),
                Some(r) => find(&hay, "b", r, &mut poll).map(|_| ()),
            };
            assert!(
                r.is_err_and(|e| e.kind == crate::error::ErrorKind::KeyboardInterrupt),
                "{name}"
            );
            assert_eq!(polls, 2, "{name}: stopped at the next block");
        }
        // control: without the key press the same search runs to its end
        let mut quiet = || ctx.check_interrupt();
        assert_eq!(count(&hay, "b", &mut quiet).unwrap(), 0);
        assert_eq!(find(&hay, "b", true, &mut quiet).unwrap(), None);
    }
}
