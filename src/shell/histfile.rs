//! The history file, written so it is never corrupted: each cell is appended with one write in
//! rustyline's V2 format (newlines escaped), and compaction writes a new file and renames it.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// rustyline's history file header.
const HEADER: &str = "#V2";
/// Entries kept when the file is compacted.
const KEEP: usize = 10_000;

/// Where history lives: `$ARRSH_HISTORY`, else the user's data dir (`~/.local/share/arrsh`).
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ARRSH_HISTORY") {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("arrsh").join("history"))
}

/// Whether history can be kept at `path`: a missing file will be created, an existing one
/// must be a regular file (never `/dev/zero` or a FIFO, which would be read forever) that can
/// be appended to. The error says why not, for a one-time warning.
pub fn usable(path: &Path) -> Result<(), String> {
    let shown = path.display();
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot use {shown}: {e}")),
        Ok(m) if !m.is_file() => Err(format!("{shown} is not a regular file")),
        Ok(_) => OpenOptions::new()
            .append(true)
            .open(path)
            .map(drop)
            .map_err(|e| format!("cannot write to {shown}: {e}")),
    }
}

fn escape(entry: &str) -> String {
    entry.replace('\\', "\\\\").replace('\n', "\\n")
}

/// Appends one entry (creating the file with its header when needed).
pub fn append(path: &Path, entry: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let fresh = !path.exists();
    let mut f = OpenOptions::new().create(true).append(true).open(path)?;
    let mut line = String::new();
    if fresh {
        line.push_str(HEADER);
        line.push('\n');
    }
    line.push_str(&escape(entry));
    line.push('\n');
    f.write_all(line.as_bytes())
}

/// Keeps the newest entries when the file has grown past twice the limit; atomic via rename.
pub fn compact(path: &Path) -> io::Result<()> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(_) => return Ok(()),
    };
    let entries: Vec<&str> = text.lines().filter(|l| *l != HEADER).collect();
    if entries.len() <= 2 * KEEP {
        return Ok(());
    }
    let tmp = path.with_extension("tmp");
    {
        let mut f = fs::File::create(&tmp)?;
        let mut out = String::from(HEADER);
        out.push('\n');
        for e in &entries[entries.len() - KEEP..] {
            out.push_str(e);
            out.push('\n');
        }
        f.write_all(out.as_bytes())?;
        f.sync_all()?;
    }
    fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_entries_round_trip_as_one_line() {
        assert_eq!(
            escape("for i in a:\n    print(i)"),
            "for i in a:\\n    print(i)"
        );
        assert_eq!(escape("a\\n"), "a\\\\n");
    }

    #[test]
    fn only_regular_writable_files_keep_history() {
        let dir = std::env::temp_dir().join(format!("arrsh-usable-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let cases: [(PathBuf, bool); 4] = [
            (dir.join("missing"), true),
            (dir.clone(), false),
            (PathBuf::from("/dev/zero"), false),
            (PathBuf::from("/dev/null"), false),
        ];
        for (path, ok) in cases {
            assert_eq!(usable(&path).is_ok(), ok, "{}", path.display());
        }
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn append_creates_the_header_once() {
        let dir = std::env::temp_dir().join(format!("arrsh-hist-{}", std::process::id()));
        let path = dir.join("history");
        let _ = fs::remove_file(&path);
        append(&path, "a = 1").unwrap();
        append(&path, "b = 2").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "#V2\na = 1\nb = 2\n");
        let _ = fs::remove_dir_all(dir);
    }
}
