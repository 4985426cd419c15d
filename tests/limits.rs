//! Cells that need a memory cap: each `tests/limits/*.py` runs in a session whose budget its
//! second line names (`# budget: 200M`, as `--max-memory` takes it), with `--plain` output
//! compared to the `.txt` beside it. These are arrsh's own answers (NumPy has no budget to
//! compare with): `ARRSH_BLESS=1` rewrites them, to be reviewed like code. Every file must end
//! with its session alive, and no cell may be an internal error.

use std::fs;
use std::path::PathBuf;

use arrsh::shell::{compare, run_script};
use arrsh::{SessionOptions, Style};

fn budget(script: &str) -> u64 {
    let line = script
        .lines()
        .find_map(|l| l.strip_prefix("# budget: "))
        .expect("a `# budget: SIZE` line");
    let (num, unit) = line.trim().split_at(line.trim().len() - 1);
    let mult: u64 = match unit {
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => panic!("budget unit K, M or G: {line}"),
    };
    num.parse::<u64>().expect("a number of units") * mult
}

#[test]
fn capped_sessions_refuse_runaway_sizes_and_stay_alive() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/limits");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/limits")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let bless = std::env::var_os("ARRSH_BLESS").is_some();
    let mut problems = Vec::new();
    for py in files {
        let script = fs::read_to_string(&py).expect("read script");
        let opts = SessionOptions {
            memory_budget: budget(&script),
            ..SessionOptions::default()
        };
        let actual = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || run_script(&script, &opts, Style::plain()).0)
            .expect("spawn")
            .join()
            .expect("the session survives");
        assert!(
            !actual.contains("arrsh internal error"),
            "{}: an internal error\n{actual}",
            py.display()
        );
        let txt = py.with_extension("txt");
        if bless {
            fs::write(&txt, &actual).expect("write");
            continue;
        }
        let expected = fs::read_to_string(&txt).unwrap_or_default();
        for m in compare(&expected, &actual) {
            problems.push(format!(
                "{}:{}:\n--- expected\n{}\n--- actual\n{}\n",
                txt.display(),
                m.line,
                m.expected,
                m.actual
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
