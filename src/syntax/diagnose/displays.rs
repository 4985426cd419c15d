//! Mistakes inside a dict display, in CPython's words (its `invalid_double_starred_kvpairs` and
//! `invalid_dict_comprehension` rules): a key without `:`, a `:` without a value, a starred value,
//! `**` in a comprehension.

use super::super::lexer::Tok;
use super::super::messages;
use super::Diagnosis;
use crate::error::PyError;

impl Diagnosis<'_> {
    /// The error in the `{...}` display around token `x`, if it is a dict display gone wrong.
    pub(super) fn bad_dict_display(&self, x: usize) -> Option<PyError> {
        let inner = self.inside_level(x);
        let open = (0..x).rev().find(|&k| self.tokens[k].level < inner)?;
        if !self.is(open, "{") {
            return None;
        }
        let at_level = |k: usize| self.tokens[k].level == inner;
        let mut pairs = 0;
        let mut start = open + 1;
        for end in open + 1..self.tokens.len() {
            let closes = self.tokens[end].level < inner || self.tokens[end].kind == Tok::End;
            if !(closes || (at_level(end) && self.is(end, ","))) {
                continue;
            }
            if start < end {
                let comp = (start..end).any(|k| at_level(k) && self.is(k, "for"));
                if self.is(start, "**") {
                    if comp && pairs == 0 {
                        return Some(messages::dict_unpacking_in_comprehension(self.col(start)));
                    }
                } else if comp {
                    return None;
                } else if let Some(c) = (start..end).find(|&k| at_level(k) && self.is(k, ":")) {
                    if c + 1 == end {
                        return Some(messages::dict_value_expected(self.col(c)));
                    }
                    if self.is(c + 1, "*") {
                        return Some(messages::dict_value_starred(self.col(c + 1)));
                    }
                } else if pairs > 0 {
                    return Some(messages::dict_colon_expected(self.col(end - 1)));
                } else {
                    return None;
                }
                pairs += 1;
            }
            if closes {
                break;
            }
            start = end + 1;
        }
        None
    }
}
