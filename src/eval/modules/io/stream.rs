//! An in-memory stream, as CPython's `_io.StringIO` and `_io.BytesIO` keep one: a buffer of
//! units (chars for text, bytes for binary), a position that may lie past the end, and a
//! closed flag, and for `open()`'s file objects the file it stands for. The rows in `io` turn
//! its answers into Python values.

use super::file::FileTie;

/// What a stream holds: `char` for text (positions count code points) or `u8` for bytes.
pub trait Unit: Copy + PartialEq + Default + 'static {
    /// The line terminator `readline` stops after.
    const NEWLINE: Self;
    /// The units as file bytes (UTF-8 for text).
    fn encode(units: &[Self]) -> Vec<u8>;
}

impl Unit for char {
    const NEWLINE: char = '\n';
    fn encode(units: &[char]) -> Vec<u8> {
        units.iter().collect::<String>().into_bytes()
    }
}

impl Unit for u8 {
    const NEWLINE: u8 = b'\n';
    fn encode(units: &[u8]) -> Vec<u8> {
        units.to_vec()
    }
}

/// A stream's state.
#[derive(Debug)]
pub struct Stream<T: Unit> {
    pub data: Vec<T>,
    /// In units; may lie past the end (`seek(10)`), where a write first pads with zeros.
    pub pos: usize,
    pub closed: bool,
    /// The file an `open()` stream stands for.
    pub file: Option<FileTie>,
}

impl<T: Unit> Stream<T> {
    pub fn new(data: Vec<T>) -> Self {
        Stream {
            data,
            pos: 0,
            closed: false,
            file: None,
        }
    }

    /// `read(size)`: at most `size` units (all when `None`) from the position, which moves.
    pub fn read(&mut self, size: Option<usize>) -> &[T] {
        let start = self.pos.min(self.data.len());
        let end = match size {
            Some(n) => start.saturating_add(n).min(self.data.len()),
            None => self.data.len(),
        };
        self.pos = self.pos.max(end);
        &self.data[start..end]
    }

    /// `readline(size)`: up to and including the next newline, at most `size` units.
    pub fn readline(&mut self, size: Option<usize>) -> &[T] {
        let start = self.pos.min(self.data.len());
        let limit = match size {
            Some(n) => start.saturating_add(n).min(self.data.len()),
            None => self.data.len(),
        };
        let end = self.data[start..limit]
            .iter()
            .position(|&u| u == T::NEWLINE)
            .map_or(limit, |i| start + i + 1);
        self.pos = self.pos.max(end);
        &self.data[start..end]
    }

    /// `write(units)`: overwrites from the position (padding a gap past the end with zeros) and
    /// moves the position past what it wrote; answers how many units it wrote.
    pub fn write(&mut self, units: &[T]) -> usize {
        if let Some(f) = &mut self.file {
            f.dirty = true;
            if f.mode.append {
                self.pos = self.data.len();
            }
        }
        if self.pos > self.data.len() {
            self.data.resize(self.pos, T::default());
        }
        let overlap = (self.data.len() - self.pos).min(units.len());
        self.data[self.pos..self.pos + overlap].copy_from_slice(&units[..overlap]);
        self.data.extend_from_slice(&units[overlap..]);
        self.pos += units.len();
        units.len()
    }

    /// `truncate(size)`: drops what lies past `size` (the position by default); the
    /// position stays where it was (CPython's rule).
    pub fn truncate(&mut self, size: Option<usize>) -> usize {
        let size = size.unwrap_or(self.pos);
        if let Some(f) = &mut self.file {
            f.dirty = true;
        }
        self.data.truncate(size);
        size
    }

    /// The units not yet read (what `bytes` a buffer still holds).
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Stream<char> {
        Stream::new(s.chars().collect())
    }

    fn string(u: &[char]) -> String {
        u.iter().collect()
    }

    /// Each row: initial text, the operations' results as CPython 3.11's StringIO gives them.
    #[test]
    fn reads_and_lines_follow_stringio() {
        let mut s = text("ab\ncd");
        assert_eq!(string(s.readline(None)), "ab\n", "a line keeps its newline");
        assert_eq!(string(s.readline(None)), "cd", "the last line may lack one");
        assert_eq!(string(s.readline(None)), "", "end of stream: empty");
        s.pos = 0;
        assert_eq!(string(s.readline(Some(1))), "a", "a size cuts a line short");
        assert_eq!(string(s.read(Some(2))), "b\n", "read continues from there");
        assert_eq!(string(s.read(None)), "cd", "read() takes the rest");
        s.pos = 10;
        assert_eq!(string(s.read(None)), "", "past the end reads nothing");
        assert_eq!(s.pos, 10, "and leaves the position past the end");
    }

    #[test]
    fn writes_overwrite_and_pad() {
        let mut s = text("hello");
        assert_eq!(s.write(&['J']), 1, "a write answers its length");
        assert_eq!(string(&s.data), "Jello", "it overwrites from the position");
        s.pos = 7;
        s.write(&['!']);
        assert_eq!(string(&s.data), "Jello\0\0!", "past the end pads with NULs");
        assert_eq!(s.truncate(Some(2)), 2);
        assert_eq!(
            (string(&s.data).as_str(), s.pos),
            ("Je", 8),
            "truncate keeps the position"
        );
        let mut b: Stream<u8> = Stream::new(b"x\ny".to_vec());
        assert_eq!(b.readline(None), b"x\n", "bytes lines end at b'\\n'");
        assert_eq!(b.remaining(), 1);
    }
}
