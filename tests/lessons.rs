//! Lesson files through the binary: every lesson in `examples/` passes `arrsh --check` (its
//! `.txt` is arrsh's annotated transcript; `tests/transcripts/lessons/` checks the plain one
//! against NumPy), and `--check`/`--bless` behave as the README says on scratch lessons.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn arrsh(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arrsh"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run arrsh")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("arrsh-lessons-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).expect("scratch dir");
    d
}

#[test]
fn examples_pass_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lessons: Vec<String> = fs::read_dir(root.join("examples"))
        .expect("examples/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".py"))
        .map(|f| format!("examples/{f}"))
        .collect();
    lessons.sort();
    assert!(lessons.len() >= 9, "{lessons:?}");
    let mut args = vec!["--check"];
    args.extend(lessons.iter().map(String::as_str));
    let o = arrsh(&args, root);
    let out = stdout(&o);
    assert!(
        o.status.success(),
        "a lesson no longer gives its transcript (arrsh --bless FILE accepts a change):\n{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for l in &lessons {
        assert!(out.contains(&format!("{l}: ")), "{l} not reported:\n{out}");
    }
    assert_eq!(out.matches(" cells match").count(), lessons.len(), "{out}");
}

#[test]
fn check_shows_a_diff_and_bless_refreshes() {
    let d = scratch("check");
    fs::write(
        d.join("lesson.py"),
        "import numpy as np\na = np.arange(3)\na * 2\n",
    )
    .unwrap();
    let o = arrsh(&["--check", "lesson.py"], &d);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("no lesson.txt to compare with"),
        "{}",
        stdout(&o)
    );

    let o = arrsh(&["--bless", "lesson.py"], &d);
    assert!(o.status.success(), "{}", stdout(&o));
    let txt = fs::read_to_string(d.join("lesson.txt")).unwrap();
    assert!(
        txt.contains("Out[3]: array([0, 2, 4])\n  ↳ owns its data"),
        "{txt}"
    );
    assert!(arrsh(&["--check", "lesson.py"], &d).status.success());

    fs::write(
        d.join("lesson.py"),
        "import numpy as np\na = np.arange(3)\na * 3\n",
    )
    .unwrap();
    let o = arrsh(&["--check", "lesson.py"], &d);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.starts_with("--- lesson.txt\n+++ lesson.py (arrsh)\n@@ -5,"),
        "{out}"
    );
    assert!(out.contains("\n-Out[3]: array([0, 2, 4])\n"), "{out}");
    assert!(out.contains("\n+Out[3]: array([0, 3, 6])\n"), "{out}");
    assert!(
        out.contains("\n   ↳ owns its data"),
        "unchanged lines are context: {out}"
    );
    assert!(!out.contains("In [2]"), "only differing cells: {out}");
    assert!(out.ends_with("lesson.py: 1 of 3 cells differ\n"), "{out}");

    // --plain compares the plain transcript: the annotated one differs
    assert_eq!(
        arrsh(&["--check", "--plain", "lesson.py"], &d)
            .status
            .code(),
        Some(1)
    );
    assert!(
        arrsh(&["--bless", "--plain", "lesson.py"], &d)
            .status
            .success()
    );
    assert!(
        arrsh(&["--check", "--plain", "lesson.py"], &d)
            .status
            .success()
    );
    let _ = fs::remove_dir_all(&d);
}

#[test]
fn a_pasted_session_is_checked_like_a_doctest() {
    let d = scratch("pasted");
    let good = "\
>>> import numpy as np
>>> a = np.arange(4)
>>> a[::2]
array([0, 2])

The step makes a view:

>>> a[::2].base is a
True
>>> a[9]
Traceback (most recent call last):
  File \"<stdin>\", line 1, in <module>
IndexError: index 9 is out of bounds for axis 0 with size 4
";
    fs::write(d.join("good.py"), good).unwrap();
    fs::write(
        d.join("bad.py"),
        good.replace("array([0, 2])", "array([0, 2, 4])"),
    )
    .unwrap();
    let o = arrsh(&["--check", "good.py", "bad.py"], &d);
    assert_eq!(o.status.code(), Some(1), "one of the two differs");
    let out = stdout(&o);
    assert!(out.contains("good.py: 5 cells match\n"), "{out}");
    assert!(
        out.contains(
            "--- bad.py (recorded)\n+++ bad.py (arrsh)\n@@ -3,2 +3,2 @@\n >>> a[::2]\n-array([0, 2, 4])\n+array([0, 2])\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("bad.py: 1 of 5 cells differ\n"), "{out}");
    let _ = fs::remove_dir_all(&d);
}

/// Piped stdin runs cell by cell as lines arrive (issue 7): the first cell's transcript comes
/// back while the pipe is still open.
#[test]
fn piped_stdin_runs_before_it_ends() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_arrsh"))
        .arg("--plain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn arrsh");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    stdin.write_all(b"x = 41\n").expect("write");
    stdin.flush().expect("flush");
    let first = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the first cell runs before the input ends");
    assert_eq!(first, "In [1]: x = 41");
    stdin.write_all(b"x + 1\n").expect("write");
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    assert_eq!(rest, ["", "In [2]: x + 1", "Out[2]: 42", ""]);
    assert!(child.wait().expect("wait").success());
}

/// A script with bytes that are not UTF-8: the cell holding them is CPython's SyntaxError,
/// the others run (issue 7).
#[test]
fn invalid_utf8_costs_only_its_cell() {
    let d = scratch("utf8");
    fs::write(
        d.join("bad.py"),
        b"a = 1\nb = 'caf\xe9'\nc = a + 1  # \xff\nc\n",
    )
    .unwrap();
    let o = arrsh(&["--plain", "bad.py"], &d);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "In [1]: a = 1\n\nIn [2]: b = 'caf\u{FFFD}'\nSyntaxError: (unicode error) 'utf-8' codec \
         can't decode byte 0xe9 in position 3: unexpected end of data\n\n\
         In [3]: c = a + 1  # \u{FFFD}\n\nIn [4]: c\nOut[4]: 2\n\n"
    );
    let _ = fs::remove_dir_all(&d);
}
