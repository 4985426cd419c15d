//! The randomised differential suite: replays every chain of `tests/differential/chains.txt`
//! and of `records.txt` (structured dtypes: field views, their offsets, strides and bytes)
//! (recorded from real NumPy by `tests/differential/generate.py`) through arrsh's evaluator and
//! compares every recorded fact — dtype, shape, strides, byte offset into the memory owner,
//! OWNDATA/C/F/WRITEABLE flags and the element bytes, or the exception type and message.
//!
//! Every mismatch is reported (chain, step, expected, got), not just the first.

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use arrsh::eval::Value;
use arrsh::runtime::NdArray;
use arrsh::{Session, SessionOptions};

const STACK: usize = 256 << 20;

/// One `@`/`>` line and the fact line that follows it.
struct Step {
    line: usize,
    expr: String,
    expected: String,
}

struct Chain {
    root: Step,
    steps: Vec<Step>,
}

fn parse(text: &str) -> Vec<Chain> {
    let mut chains: Vec<Chain> = Vec::new();
    let mut pending: Option<(usize, String, bool)> = None; // (line, expr, is_root)
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (tag, rest) = line.split_at(1);
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        match tag {
            "@" => pending = Some((n, rest.to_string(), true)),
            ">" => pending = Some((n, rest.to_string(), false)),
            "=" | "$" | "!" => {
                let (ln, expr, is_root) = pending.take().expect("a fact follows an expression");
                let step = Step {
                    line: ln,
                    expr,
                    expected: line.to_string(),
                };
                if is_root {
                    chains.push(Chain {
                        root: step,
                        steps: Vec::new(),
                    });
                } else {
                    chains
                        .last_mut()
                        .expect("steps follow a root")
                        .steps
                        .push(step);
                }
            }
            other => panic!("line {n}: unknown tag {other:?}"),
        }
    }
    chains
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn value_text(raw: &[u8]) -> String {
    if raw.len() <= 16 {
        raw.iter().map(|b| format!("{b:02x}")).collect()
    } else {
        format!("#{:016x}", fnv1a64(raw))
    }
}

fn ints<T: ToString>(xs: &[T]) -> String {
    if xs.is_empty() {
        "-".into()
    } else {
        xs.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// `x.tobytes()`: the elements' raw bytes in C order, read straight from the buffer.
fn raw_bytes(a: &NdArray) -> Vec<u8> {
    let buf = a.buffer().bytes().expect("buffer readable");
    let isz = a.itemsize();
    let mut out = Vec::with_capacity(a.nbytes());
    a.layout()
        .for_each_offset(|o| out.extend_from_slice(&buf[o..o + isz]));
    out
}

fn array_facts(a: &NdArray) -> String {
    let flags: String = [
        if a.owns_data() { 'O' } else { 'o' },
        if a.is_c_contiguous() { 'C' } else { 'c' },
        if a.is_f_contiguous() { 'F' } else { 'f' },
        if a.is_writeable() { 'W' } else { 'w' },
    ]
    .iter()
    .collect();
    format!(
        "= {} {} {} {} {} {}",
        a.dtype().str(),
        ints(&a.shape()),
        ints(&a.strides()),
        a.offset_bytes(),
        flags,
        value_text(&raw_bytes(a))
    )
}

/// What arrsh says about `x` after running `x = <expr>` (or the error it raised).
fn run_step(session: &mut Session, expr: &str) -> String {
    let cell = format!("x = {expr}");
    let Some(res) = session.run_cell(&cell) else {
        return "<blank cell>".into();
    };
    if let Some(err) = res.error {
        return format!("! {}", err.to_string().replace('\n', "\\n"));
    }
    match session.interp().globals.get("x") {
        Some(Value::Array(a)) => array_facts(a),
        Some(Value::Scalar(s)) => {
            // np.array(scalar).tobytes(): an empty bytes scalar still makes one S1 element
            let mut out = vec![0u8; s.dtype.itemsize.max(1)];
            s.v.encode(s.dtype, &mut out);
            format!("$ {} {}", s.dtype.str(), value_text(&out))
        }
        Some(other) => format!("<not an array: {}>", other.type_name()),
        None => "<x is unbound>".into(),
    }
}

fn new_session() -> Session {
    let mut s = Session::new(&SessionOptions::default(), Arc::new(AtomicBool::new(false)));
    for setup in [
        "import numpy as np",
        "from numpy.lib.stride_tricks import as_strided",
    ] {
        let r = s.run_cell(setup).expect("setup cell");
        assert!(r.error.is_none(), "{setup}: {:?}", r.error);
    }
    s
}

/// Replays all chains; returns (chains, facts checked, mismatch reports).
fn replay_all(file: &str, chains: Vec<Chain>) -> (usize, usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut facts = 0;
    let n = chains.len();
    for chain in chains {
        let mut session = new_session();
        for (k, step) in std::iter::once(&chain.root)
            .chain(chain.steps.iter())
            .enumerate()
        {
            let got = run_step(&mut session, &step.expr);
            facts += 1;
            if got != step.expected {
                problems.push(format!(
                    "{file}:{} (step {k}) x = {}\n    numpy: {}\n    arrsh: {}",
                    step.line, step.expr, step.expected, got
                ));
            }
        }
    }
    (n, facts, problems)
}

/// Replays one data file and fails with every mismatch.
fn check_file(file: &'static str, min_chains: usize) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/differential")
        .join(file);
    let text = fs::read_to_string(&path).expect("a differential data file");
    let chains = parse(&text);
    assert!(chains.len() >= min_chains, "the data file holds the chains");
    let (n, facts, problems) = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || replay_all(file, chains))
        .expect("spawn replay thread")
        .join()
        .expect("replay must not panic");
    eprintln!("differential {file}: {n} chains, {facts} facts checked");
    if !problems.is_empty() {
        // ARRSH_DIFF_SHOW=N shows more (or fewer) of them
        let limit = std::env::var("ARRSH_DIFF_SHOW")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(60);
        let shown: Vec<&String> = problems.iter().take(limit).collect();
        panic!(
            "{} of {facts} facts differ from NumPy (first {} shown):\n{}",
            problems.len(),
            shown.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn every_chain_matches_numpy() {
    check_file("chains.txt", 1000);
}

#[test]
fn every_record_chain_matches_numpy() {
    check_file("records.txt", 300);
}
