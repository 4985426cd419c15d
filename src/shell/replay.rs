//! Replaying scripts: cutting a file into cells (`cells`, the oracle's rules), running them
//! through a fresh session and rendering the transcript (comparing transcripts is `check`).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::cells;
use super::render::{self, Style};
use super::session::{CellResult, Session, SessionOptions};

/// Runs a script in a fresh session; returns the transcript and whether any cell raised.
pub fn run_script(script: &str, opts: &SessionOptions, style: Style) -> (String, bool) {
    let mut session = Session::new(opts, Arc::new(AtomicBool::new(false)));
    session.set_memory_facts(style.annotate);
    let mut out = String::new();
    let failed = run_cells(&mut session, script, |r| {
        out.push_str(&render::cell(r, style))
    });
    (out, failed)
}

/// Runs every cell, handing each result to `sink` as soon as it is ready (for live output).
/// Cells a `%run` queued run right after it; `exit` stops the script. Returns whether any cell
/// raised.
pub fn run_cells(session: &mut Session, script: &str, mut sink: impl FnMut(&CellResult)) -> bool {
    let mut failed = false;
    for c in cells::sources(script) {
        failed |= run_one(session, &c, &mut sink);
        if session.exit_requested() {
            break;
        }
    }
    failed
}

/// Runs text as it arrives (a pipe): each line goes to the incremental cutter and each cell
/// runs as soon as the lines after it can no longer change it, so `yes 'x = 1' | arrsh`
/// starts at once. Bytes that are not UTF-8 are read as `cells::decode` reads them. Returns
/// whether any cell raised.
pub fn run_stream(
    session: &mut Session,
    mut input: impl std::io::BufRead,
    mut sink: impl FnMut(&CellResult),
) -> std::io::Result<bool> {
    let mut cutter = cells::Cutter::new(None);
    let mut failed = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let eof = input.read_until(b'\n', &mut line)? == 0;
        let ready = if eof {
            cutter.finish().0
        } else {
            let text = cells::decode(&line);
            let text = text.strip_suffix('\n').unwrap_or(&text);
            // universal newlines, as a whole file is split (a lone `\r`, `\f`, ...)
            let parts = cells::splitlines(text);
            if parts.is_empty() {
                cutter.push_line("")
            } else {
                parts.iter().flat_map(|p| cutter.push_line(p)).collect()
            }
        };
        for cell in ready {
            failed |= run_one(session, &cell.source, &mut sink);
            if session.exit_requested() {
                return Ok(failed);
            }
        }
        if eof {
            return Ok(failed);
        }
    }
}

/// Runs one cell and then whatever it queued; whether any of them raised.
pub fn run_one(session: &mut Session, cell: &str, sink: &mut impl FnMut(&CellResult)) -> bool {
    let mut failed = false;
    let mut next = Some(cell.to_string());
    while let Some(c) = next {
        if let Some(r) = session.run_cell(&c) {
            failed |= r.error.is_some();
            sink(&r);
        }
        if session.exit_requested() {
            break;
        }
        next = session.next_queued();
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_runs_each_cell_as_it_completes() {
        use std::io::Read;
        // a pipe that has not ended (its next read fails): every complete cell has run
        let text = "x = 1\nfor i in range(2):\n    x += i\n\nx\n";
        let reader = std::io::BufReader::new(text.as_bytes().chain(Failing));
        let mut session =
            Session::new(&SessionOptions::default(), Arc::new(AtomicBool::new(false)));
        let mut seen = Vec::new();
        let r = run_stream(&mut session, reader, |r| seen.push(r.input.clone()));
        assert!(r.is_err());
        assert_eq!(seen, ["x = 1", "for i in range(2):\n    x += i", "x"]);
        let mut out = String::new();
        let bad = b"a = 1\nb = '\xff'\nc = a + 1  # caf\xe9\nc\n";
        let plain = Style::plain();
        let mut session =
            Session::new(&SessionOptions::default(), Arc::new(AtomicBool::new(false)));
        let failed = run_stream(&mut session, &bad[..], |r| {
            out.push_str(&render::cell(r, plain))
        });
        assert!(failed.unwrap());
        assert_eq!(
            out,
            "In [1]: a = 1\n\nIn [2]: b = '\u{FFFD}'\nSyntaxError: (unicode error) 'utf-8' codec can't \
             decode byte 0xff in position 0: invalid start byte\n\n\
             In [3]: c = a + 1  # caf\u{FFFD}\n\nIn [4]: c\nOut[4]: 2\n\n"
        );
    }

    /// A reader whose every read fails (the end of a pipe that has not ended yet).
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("not yet"))
        }
    }

    #[test]
    fn exit_ends_a_script_and_run_replays_a_file_into_the_session() {
        let plain = Style::plain();
        let (out, _) = run_script("a = 1\nexit\nb = 2\n", &SessionOptions::default(), plain);
        assert_eq!(out, "In [1]: a = 1\n\nIn [2]: exit\n\n");
        let dir = std::env::temp_dir().join(format!("arrsh-run-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lesson = dir.join("lesson.py");
        std::fs::write(&lesson, "x = 40\nx + 2\n").unwrap();
        let script = format!("%run {}\nx\n", lesson.display());
        let (out, failed) = run_script(&script, &SessionOptions::default(), plain);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(!failed, "{out}");
        assert_eq!(
            out,
            format!(
                "In [1]: %run {}\n\nIn [2]: x = 40\n\nIn [3]: x + 2\nOut[3]: 42\n\nIn [4]: x\nOut[4]: 40\n\n",
                lesson.display()
            )
        );
        let (out, failed) =
            run_script("%run /no/such/file.py\n", &SessionOptions::default(), plain);
        assert!(failed);
        assert!(
            out.contains("UsageError: File `'/no/such/file.py'` not found."),
            "{out}"
        );
    }
}
