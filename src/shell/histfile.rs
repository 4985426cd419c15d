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
