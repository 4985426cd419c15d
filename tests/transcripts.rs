//! The transcript runner: replays every `tests/transcripts/<topic>/*.py` in a fresh session with
//! `--plain` semantics and compares with the `.txt` real NumPy produced (the oracle); replays
//! `tests/annotated/*.py` with annotations and compares with their `.txt` (at 100 columns, or
//! the width a first line `# width: N` asks for; `ARRSH_BLESS=1` rewrites those — never the
//! oracle's files). The lessons in `examples/` are checked by `tests/lessons.rs`
//! (`arrsh --check`); `lessons/` here links to them, so their plain transcripts are NumPy's too.
//!
//! Both printing modes: `<name>.txt` is NumPy 2.4's default printing; `<name>.legacy.txt`, where
//! it exists, is the oracle's `--legacy 1.25` output and is replayed with
//! `SessionOptions::legacy`. Every script of a topic in `LEGACY_TOPICS` must have one.
//!
//! Cells that still differ from NumPy are listed, with a reason, in
//! `tests/transcripts/KNOWN_DIFFERENCES` (`topic/file.py:N`, or `topic/file.py:N@legacy` for the
//! legacy transcript); a listed cell that starts to match fails the run too, so the list can
//! only shrink.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use arrsh::shell::{compare, run_script};
use arrsh::{SessionOptions, Style};

const STACK: usize = 256 << 20;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scripts_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// `topic/file.py:N` for each known differing cell (N = the cell's In number).
fn known_differences() -> BTreeSet<String> {
    let text =
        fs::read_to_string(root().join("tests/transcripts/KNOWN_DIFFERENCES")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn cell_number(block: &str) -> usize {
    block
        .strip_prefix("In [")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Topics whose every script also has a `--legacy 1.25` transcript (`<name>.legacy.txt`).
const LEGACY_TOPICS: &[&str] = &["cells", "dtypes", "repr", "seeds", "warnings"];

/// The legacy set's printing: `np.set_printoptions(legacy='1.25')`, as the seeds print.
const LEGACY: u32 = 125;

/// Replays one script on a large stack (the evaluator recurses over the syntax tree).
fn replay(script: String, style: Style, legacy: Option<u32>) -> String {
    let opts = SessionOptions {
        legacy,
        ..SessionOptions::default()
    };
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || run_script(&script, &opts, style).0)
        .expect("spawn replay thread")
        .join()
        .unwrap_or_else(|_| String::from("In [0]: <the session panicked>\n"))
}

/// Checks every script of a topic; returns (cells compared, problems).
fn check_topic(topic: &str) -> (usize, Vec<String>) {
    let dir = root().join("tests/transcripts").join(topic);
    let known = known_differences();
    let mut problems = Vec::new();
    let mut cells = 0;
    for py in scripts_in(&dir) {
        let name = py
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        let legacy_txt = py.with_extension("legacy.txt");
        if LEGACY_TOPICS.contains(&topic) && !legacy_txt.exists() {
            problems.push(format!(
                "{} is missing: {topic}/ keeps a --legacy 1.25 transcript of every script \
                 (see tests/transcripts/README.md)",
                legacy_txt.display()
            ));
        }
        let script = fs::read_to_string(&py).expect("read script");
        let modes = [
            (py.with_extension("txt"), None, ""),
            (legacy_txt, Some(LEGACY), "@legacy"),
        ];
        for (txt, legacy, suffix) in modes {
            let Ok(expected) = fs::read_to_string(&txt) else {
                assert!(legacy.is_some(), "{} has no transcript", py.display());
                continue;
            };
            let actual = replay(script.clone(), Style::plain(), legacy);
            cells += expected.lines().filter(|l| l.starts_with("In [")).count();
            let rel = format!("{topic}/{name}");
            let mut differing = BTreeSet::new();
            for m in compare(&expected, &actual) {
                let n = cell_number(&m.expected).max(cell_number(&m.actual));
                let key = format!("{rel}:{n}{suffix}");
                differing.insert(key.clone());
                if !known.contains(&key) {
                    problems.push(format!(
                        "{}:{}: cell In [{n}] differs from NumPy\n--- expected (NumPy)\n{}\n--- actual (arrsh)\n{}\n",
                        txt.display(),
                        m.line,
                        m.expected,
                        m.actual
                    ));
                }
            }
            for k in known.iter().filter(|k| {
                k.strip_prefix(&format!("{rel}:"))
                    .is_some_and(|n| n.ends_with(suffix) && (suffix.is_empty() != n.contains('@')))
            }) {
                if !differing.contains(k) {
                    problems.push(format!(
                        "{k} now matches NumPy: remove it from tests/transcripts/KNOWN_DIFFERENCES"
                    ));
                }
            }
        }
    }
    (cells, problems)
}

fn assert_topic(topic: &str) {
    let (cells, problems) = check_topic(topic);
    assert!(cells > 0, "no transcripts found for {topic}");
    if !problems.is_empty() {
        panic!(
            "{} of {cells} cells in {topic} are wrong:\n\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    eprintln!("{topic}: {cells} cells match NumPy (or are listed known differences)");
}

macro_rules! topics {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                assert_topic(stringify!($name));
            }
        )*
    };
}

topics!(
    arithmetic,
    arrange,
    as_strided,
    attributes,
    cells,
    copies,
    creation,
    creation_more,
    dtype_details,
    dtype_view,
    dtypes,
    editing,
    einsum,
    errors,
    fancy_indexing,
    functions,
    getsizeof,
    grids,
    indexing,
    indexing_nd,
    ipython,
    language,
    lessons,
    linalg,
    lists,
    memory,
    modules,
    numeric,
    objects,
    pretty,
    python,
    random,
    registry,
    reliability,
    repr,
    reshape,
    seeds,
    setops,
    shape_ops,
    sorting,
    spacing,
    strings_format,
    structured,
    textio,
    ufuncs,
    views,
    warnings,
);

/// Every topic directory has a test above (a new directory must be added to the list).
#[test]
fn every_topic_is_checked() {
    let listed = [
        "arithmetic",
        "arrange",
        "as_strided",
        "attributes",
        "cells",
        "copies",
        "creation",
        "creation_more",
        "dtype_details",
        "dtype_view",
        "dtypes",
        "editing",
        "einsum",
        "errors",
        "fancy_indexing",
        "functions",
        "getsizeof",
        "grids",
        "indexing",
        "indexing_nd",
        "ipython",
        "language",
        "lessons",
        "linalg",
        "lists",
        "memory",
        "modules",
        "numeric",
        "objects",
        "pretty",
        "python",
        "random",
        "registry",
        "reliability",
        "repr",
        "reshape",
        "seeds",
        "setops",
        "shape_ops",
        "sorting",
        "spacing",
        "strings_format",
        "structured",
        "textio",
        "ufuncs",
        "views",
        "warnings",
    ];
    let mut dirs: Vec<String> = fs::read_dir(root().join("tests/transcripts"))
        .expect("tests/transcripts")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    dirs.sort();
    for d in dirs {
        assert!(
            listed.contains(&d.as_str()),
            "tests/transcripts/{d} has no test in tests/transcripts.rs"
        );
    }
}

/// Annotated transcripts: arrsh's own output with deterministic addresses.
#[test]
fn annotated_transcripts() {
    let bless = std::env::var_os("ARRSH_BLESS").is_some();
    let style = Style::annotated();
    let mut problems = Vec::new();
    let files = scripts_in(&root().join("tests/annotated"));
    assert!(!files.is_empty(), "no annotated transcripts");
    for py in files {
        let script = fs::read_to_string(&py).expect("read script");
        // `# width: 60` as the first line lays pictures out for a narrow terminal
        let width = script
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# width: "))
            .and_then(|w| w.trim().parse().ok());
        let style = Style {
            width: width.unwrap_or(style.width),
            ..style
        };
        let actual = replay(script, style, None);
        let txt = py.with_extension("txt");
        if bless {
            fs::write(&txt, &actual).expect("write blessed transcript");
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
    assert!(
        problems.is_empty(),
        "annotated transcripts differ (ARRSH_BLESS=1 to accept):\n\n{}",
        problems.join("\n")
    );
}
