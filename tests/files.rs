//! Files on disk: `tests/files/*.py` are replayed with `DIR` replaced by a fresh directory
//! under the system's temp dir (the only place these tests write), and compared with the
//! oracle's transcript of the same script (`.txt`, made the same way, `DIR` put back).

use std::fs;
use std::path::PathBuf;

use arrsh::shell::{compare, run_script};
use arrsh::{SessionOptions, Style};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/files")
}

#[test]
fn scripts_that_write_files_match_numpy() {
    let mut problems = Vec::new();
    let mut scripts: Vec<PathBuf> = fs::read_dir(root())
        .expect("tests/files")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no scripts in tests/files");
    for py in scripts {
        let name = py
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("arrsh-files-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        let shown = dir.to_string_lossy().to_string();
        let script = fs::read_to_string(&py)
            .expect("script")
            .replace("DIR", &shown);
        let expected = fs::read_to_string(py.with_extension("txt")).expect("transcript");
        let opts = SessionOptions::default();
        let actual = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || run_script(&script, &opts, Style::plain()).0)
            .expect("spawn")
            .join()
            .unwrap_or_else(|_| "<the session panicked>".to_string())
            .replace(&shown, "DIR");
        let _ = fs::remove_dir_all(&dir);
        for m in compare(&expected, &actual) {
            problems.push(format!(
                "{}:{}\n--- expected\n{}\n--- actual\n{}",
                py.display(),
                m.line,
                m.expected,
                m.actual
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
