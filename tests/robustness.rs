//! A bug costs one cell, never the session (issue 7), checked two ways:
//! - A pending Ctrl-C (the session's own interrupt flag, raised before a cell) ends a cell that
//!   does work in KeyboardInterrupt, is never seen by a cell that calls nothing, and never
//!   leaks into the next cell. (That the long loops themselves poll is tested beside them:
//!   `eval::text::search`, the kernels' blocks.)
//! - Random cells: a seeded generator cuts the golden transcripts' scripts into cells and
//!   mutates them (splice, truncate, swap tokens, huge numbers, deep nesting). They run in one
//!   session under a memory budget; none may be an internal error (a contained panic is still
//!   a bug), none may ignore Ctrl-C, and the session's variables must survive to the end.
//!   `ARRSH_RANDOM_CELLS=N` runs N cells instead of the default, `ARRSH_RANDOM_SEED=S` another
//!   seed; the failure message names the seed and the cell.

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use arrsh::shell::cells;
use arrsh::{ErrorKind, Session, SessionOptions};

const STACK: usize = 256 << 20;

fn session(flag: &Arc<AtomicBool>, budget: u64) -> Session {
    let opts = SessionOptions {
        memory_budget: budget,
        ..SessionOptions::default()
    };
    Session::new(&opts, flag.clone())
}

#[test]
fn a_pending_ctrl_c_ends_the_cell_and_never_leaks() {
    // (cell, polls, why): with the flag raised before it, a cell that polls ends in
    // KeyboardInterrupt; one that calls nothing runs as if nothing happened
    let cases: &[(&str, bool, &str)] = &[
        ("s.count('b')", true, "every call polls first"),
        ("s.find('z')", true, "a method call"),
        (
            "{i: i for i in range(10)}",
            true,
            "a comprehension steps an iterator",
        ),
        ("t = s", false, "control: no call, no poll"),
        ("s[:3]", false, "control: a slice"),
    ];
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let flag = Arc::new(AtomicBool::new(false));
            let mut s = session(&flag, 1 << 30);
            s.run_cell("s = 'ab' * 10**6");
            for (cell, polls, why) in cases {
                flag.store(true, Ordering::SeqCst);
                let r = s.run_cell(cell).expect("a cell");
                let interrupted = r
                    .error
                    .as_ref()
                    .is_some_and(|e| e.kind == ErrorKind::KeyboardInterrupt);
                assert_eq!(interrupted, *polls, "{cell}: {why} ({:?})", r.error);
                assert!(!flag.load(Ordering::SeqCst), "{cell}: the flag never leaks");
                let again = s.run_cell(cell).expect("a cell");
                assert!(again.error.is_none(), "{cell}: runs when not interrupted");
            }
        })
        .expect("spawn")
        .join()
        .expect("the session survives");
}

/// xorshift64*: a few lines instead of a crate, and the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// What a generated cell must never touch: the file system, standard input, the session's
/// own lifetime and namespace as a whole, and sleeping.
const UNSAFE: &[&str] = &[
    "%",
    "!",
    "open",
    "input",
    "exit",
    "quit",
    "reset",
    "del ",
    "globals",
    "sleep",
    "save",
    "tofile",
    "load",
    "survivor",
    "?",
    "help",
    "fromfile",
    "genfromtxt",
    "loadtxt",
    "__",
];

/// Every cell of every golden script, minus the unsafe ones.
fn corpus() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut files: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/transcripts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .flat_map(|d| {
            fs::read_dir(d)
                .expect("a topic")
                .filter_map(|e| e.ok().map(|e| e.path()))
        })
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        out.extend(
            cells::sources(&text)
                .into_iter()
                .filter(|c| !UNSAFE.iter().any(|u| c.contains(u)) && c.len() < 400),
        );
    }
    out
}

/// Python-ish tokens: names, numbers, strings' pieces and single punctuation.
fn tokens(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ch in cell.chars() {
        if ch.is_alphanumeric() || ch == '_' || ch == '.' {
            cur.push(ch);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(ch.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

const HUGE: &[&str] = &[
    "10**30",
    "2**63",
    "-2**63",
    "2**64",
    "-1",
    "0",
    "10**18",
    "2**31",
    "1e308",
    "-0.0",
    "float('nan')",
    "10**4000",
    "(2**62, 2**62)",
    "()",
    "None",
    "2**63-1",
];
const OPEN: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("-(", ")"),
    ("not (", ")"),
];

fn mutate(rng: &mut Rng, corpus: &[String]) -> String {
    let a = rng.pick(corpus).clone();
    match rng.below(7) {
        0 => a,
        1 => {
            // splice: a prefix of one cell and a suffix of another
            let b: &String = rng.pick(corpus);
            let i = floor(&a, rng.below(a.len() + 1));
            let j = floor(b, rng.below(b.len() + 1));
            format!("{}{}", &a[..i], &b[j..])
        }
        2 => {
            let i = floor(&a, rng.below(a.len() + 1));
            a[..i].to_string()
        }
        3 => {
            let mut t = tokens(&a);
            if t.len() > 1 {
                let (i, j) = (rng.below(t.len()), rng.below(t.len()));
                t.swap(i, j);
            }
            t.concat()
        }
        4 => {
            // huge numbers where numbers were
            let t: Vec<String> = tokens(&a)
                .into_iter()
                .map(|x| {
                    if x.starts_with(|c: char| c.is_ascii_digit()) && rng.below(2) == 0 {
                        rng.pick(HUGE).to_string()
                    } else {
                        x
                    }
                })
                .collect();
            t.concat()
        }
        5 => {
            let (o, c) = rng.pick(OPEN);
            let depth = 1 + rng.below(300);
            format!("{}{}{}", o.repeat(depth), a.trim_end(), c.repeat(depth))
        }
        _ => {
            // a token of another cell dropped in
            let mut t = tokens(&a);
            let other = tokens(rng.pick::<String>(corpus));
            if !t.is_empty() && !other.is_empty() {
                let i = rng.below(t.len());
                t[i] = rng.pick(&other).clone();
            }
            t.concat()
        }
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn random_cells_never_panic_hang_or_lose_the_session() {
    let count = env_number("ARRSH_RANDOM_CELLS", 2500) as usize;
    let seed = env_number("ARRSH_RANDOM_SEED", 0x5eed_7a11);
    let corpus = corpus();
    assert!(
        corpus.len() > 1000,
        "the transcripts give a corpus ({})",
        corpus.len()
    );
    let mut rng = Rng(seed | 1);
    let generated: Vec<String> = (0..count).map(|_| mutate(&mut rng, &corpus)).collect();
    let flag = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<Result<usize, String>>();
    let cells = generated.clone();
    let session_flag = flag.clone();
    let worker = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut s = session(&session_flag, 256 << 20);
            s.run_cell("import numpy as np\nsurvivor_7 = [1, 2, 3]");
            for (i, c) in cells.iter().enumerate() {
                let r = s.run_cell(c);
                if let Some(e) = r.and_then(|r| r.error).filter(|e| e.is_internal()) {
                    let _ = tx.send(Err(format!("cell {i} is an internal error: {e}\n{c}")));
                    return;
                }
                let _ = tx.send(Ok(i));
            }
            let r = s.run_cell("survivor_7").expect("a cell");
            let alive = r.out.as_deref() == Some("[1, 2, 3]");
            let _ = tx.send(if alive {
                Ok(usize::MAX)
            } else {
                Err("survivor_7 is lost".into())
            });
        })
        .expect("spawn");
    // the watchdog: a cell running past 3 s gets Ctrl-C, as a user would press it; one that
    // then runs 20 s more ignores Ctrl-C, and that is a hang
    let mut next = 0;
    let mut interrupted = 0;
    loop {
        match rx.recv_timeout(Duration::from_secs(3)) {
            Ok(Ok(usize::MAX)) => break,
            Ok(Ok(i)) => next = i + 1,
            Ok(Err(msg)) => panic!("seed {seed:#x}: {msg}"),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                interrupted += 1;
                flag.store(true, Ordering::SeqCst);
                match rx.recv_timeout(Duration::from_secs(20)) {
                    Ok(Ok(i)) if i != usize::MAX => next = i + 1,
                    Ok(Ok(_)) => break,
                    Ok(Err(msg)) => panic!("seed {seed:#x}: {msg}"),
                    Err(_) => panic!(
                        "seed {seed:#x}: cell {next} ignores Ctrl-C:\n{}",
                        generated[next]
                    ),
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!(
                    "seed {seed:#x}: the session died at cell {next}:\n{}",
                    generated[next]
                )
            }
        }
    }
    worker.join().expect("the session thread ends");
    eprintln!("{count} random cells (seed {seed:#x}), {interrupted} stopped by Ctrl-C");
}
