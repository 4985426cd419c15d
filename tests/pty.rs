//! The REPL through a real pseudo-terminal (rustyline edits only on a tty): typing, Tab, Up,
//! Ctrl-C in a loop and on a half-typed line, keys typed while a cell runs, pastes with and
//! without bracketed paste, help, colours, and leaving. Nothing here is timed: each step waits
//! (up to a generous timeout) for the text it expects.
#![cfg(unix)]

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

/// Generous: debug builds on a shared machine.
const TIMEOUT_MS: u64 = 60_000;

const UP: &str = "\x1b[A";
const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

/// arrsh at a terminal: no history file, no colour unless asked, `cat` as the pager.
fn arrsh(args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arrsh"));
    cmd.arg("--no-history")
        .args(args)
        .env("PAGER", "cat")
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn arrsh in a pty");
    // (coloured or not, the prompt ends so)
    p.exp_string("]: ").expect("the first prompt");
    p
}

fn plain() -> PtySession {
    arrsh(&["--color", "never", "--no-banner"])
}

/// Types a line and waits for the given text.
fn line(p: &mut PtySession, text: &str, expect: &str) -> String {
    p.send_line(text).expect("send");
    p.exp_string(expect)
        .unwrap_or_else(|e| panic!("after {text:?}, waiting for {expect:?}: {e}"))
}

#[test]
fn typing_runs_cells_and_exit_leaves() {
    let mut p = plain();
    line(&mut p, "1 + 1", "Out[1]: 2");
    line(&mut p, "x = [1, 2]", "In [3]: ");
    line(&mut p, "len(x)", "Out[3]: 2");
    p.send_line("exit").expect("send");
    p.exp_eof().expect("exit leaves without a question");

    for leave in ["quit()", "exit()", "quit"] {
        let mut p = plain();
        p.send_line(leave).expect("send");
        p.exp_eof().unwrap_or_else(|e| panic!("{leave}: {e}"));
    }
    let mut p = plain();
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("Ctrl-D leaves");
}

#[test]
fn the_banner_is_one_line_and_can_be_turned_off() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arrsh"));
    cmd.args(["--no-history", "--color", "never"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
    let before = p.exp_string("In [1]: ").expect("prompt");
    assert!(
        before.contains("Type ? for help, Ctrl-D to exit"),
        "{before:?}"
    );
    assert!(before.contains("NumPy 2."), "{before:?}");
    let first = before.lines().next().unwrap_or("");
    assert!(
        first.contains("Type ? for help") && first.contains("NumPy"),
        "one line: {before:?}"
    );
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arrsh"));
    cmd.args(["--no-history", "--color", "never", "--no-banner"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
    let before = p.exp_string("In [1]: ").expect("prompt");
    assert!(!before.contains("Ctrl-D"), "{before:?}");
}

#[test]
fn tab_completes_attributes_and_indents_blank_lines() {
    let mut p = plain();
    line(&mut p, "import numpy as np", "In [2]: ");
    line(&mut p, "a = np.arange(6)", "In [3]: ");
    // a.T is an array: its attributes complete
    p.send("a.T.resh\t").expect("send");
    line(&mut p, "(2, 3)", "Out[3]: ");
    p.exp_string("[3, 4, 5]]").expect("reshaped");
    // two Tabs list the candidates
    p.send("a.st\t\t").expect("send");
    p.flush().expect("flush");
    p.exp_string("strides").expect("a list of candidates");
    p.send_control('c').expect("clear the line");
    // Tab on a blank continuation line indents by 4 more
    line(&mut p, "for i in range(2):", "...: ");
    p.send("\tif i:").expect("send");
    p.send_line("").expect("send");
    p.send_line("y = i").expect("send");
    p.send_line("").expect("send");
    p.send_line("").expect("send");
    line(&mut p, "y", "Out[5]: 1");
}

#[test]
fn up_searches_history_by_the_typed_prefix() {
    let mut p = plain();
    line(&mut p, "zz = 5", "In [2]: ");
    line(&mut p, "a1 = 1", "In [3]: ");
    line(&mut p, "zz + 1", "Out[3]: 6");
    // "z" then Up: the newest cell starting with z, then the one before
    p.send(&format!("z{UP}{UP}")).expect("send");
    p.send_line("").expect("send");
    p.exp_string("In [5]: ").expect("ran");
    line(&mut p, "_i", "Out[5]: 'zz = 5'");
}

#[test]
fn ctrl_c_interrupts_a_loop_and_clears_a_half_typed_line() {
    let mut p = plain();
    p.send_line("while True: pass").expect("send");
    // let the loop start (the flag is reset just before a cell runs)
    std::thread::sleep(std::time::Duration::from_secs(2));
    p.send_control('c').expect("Ctrl-C");
    p.exp_string("KeyboardInterrupt").expect("the loop stops");
    p.exp_string("In [2]: ").expect("the next prompt");
    // a half-typed line goes, with no KeyboardInterrupt, and the number stays
    p.send("abc").expect("send");
    p.flush().expect("flush");
    p.send_control('c').expect("Ctrl-C");
    let before = line(&mut p, "40 + 2", "Out[2]: 42");
    assert!(!before.contains("KeyboardInterrupt"), "{before:?}");
}

#[test]
fn keys_typed_while_a_cell_runs_are_kept_in_order() {
    let mut p = plain();
    p.send_line("for i in range(3000000): pass").expect("send");
    p.send_line("x1 = 1").expect("send");
    p.send_line("x2 = 2").expect("send");
    p.send_line("x3 = 3").expect("send");
    p.send_line("x1 + x2 + x3").expect("send");
    p.exp_string("Out[5]: 6")
        .expect("every typed-ahead line ran, in order");
}

#[test]
fn pastes_become_cells() {
    let mut p = plain();
    // without bracketed paste: lines as typed, the block's own indentation kept
    p.send("for k in range(3):\n    if k:\n        y = k\n    z = k\n\n")
        .expect("send");
    p.exp_string("In [2]: ").expect("the block ran");
    line(&mut p, "(y, z)", "Out[2]: (2, 2)");
    // a bracketed paste of a >>> session: prompts stripped, recorded output skipped
    p.send(&format!(
        "{PASTE_START}>>> b = 40\n>>> b + 2\n42\n{PASTE_END}"
    ))
    .expect("send");
    p.send_line("").expect("send");
    p.exp_string("In [4]: b + 2")
        .expect("each pasted cell is shown");
    p.exp_string("Out[4]: 42").expect("and run");
    // an IPython session too
    p.send(&format!(
        "{PASTE_START}In [7]: c = 1\n\nIn [8]: c + b\nOut[8]: 41\n{PASTE_END}"
    ))
    .expect("send");
    p.send_line("").expect("send");
    p.exp_string("Out[6]: 41")
        .expect("IPython prompts stripped");
}

#[test]
fn help_and_magics_at_the_terminal() {
    let mut p = plain();
    line(&mut p, "len?", "Signature: len(obj, /)");
    line(&mut p, "?", "Automagic is OFF");
    // (rexpect reads bytes as Latin-1: the needles stay ASCII)
    line(
        &mut p,
        "%timeit -n 3 -r 2 sum(range(10))",
        "of 2 runs, 3 loops each)",
    );
    line(&mut p, "%who", "Interactive namespace is empty.");
}

#[test]
fn colours_follow_the_flags() {
    let mut p = arrsh(&["--no-banner", "--color", "always"]);
    p.send("for").expect("send");
    p.flush().expect("flush");
    p.exp_string("\x1b[1;32mfor")
        .expect("a keyword in colour as it is typed");
    p.send_control('c').expect("clear");
    let mut p = plain();
    p.send("for x in (1, 2): pass").expect("send");
    let typed = line(&mut p, "", "In [2]: ");
    assert!(!typed.contains("\x1b[1;32m"), "--color never: {typed:?}");
}

#[test]
fn sigterm_at_the_prompt_restores_the_terminal() {
    use nix::sys::signal::Signal;
    use nix::sys::termios::{LocalFlags, tcgetattr};
    use nix::sys::wait::WaitStatus;
    let mut p = plain();
    let master = p.process().get_file_handle().expect("the pty");
    // rustyline reads the prompt's keys one by one: no line mode while it waits
    let raw = tcgetattr(&master).expect("termios");
    assert!(
        !raw.local_flags.contains(LocalFlags::ICANON),
        "{:?}",
        raw.local_flags
    );
    p.process_mut().signal(Signal::SIGTERM).expect("SIGTERM");
    let status = p.process().wait().expect("wait");
    assert!(matches!(status, WaitStatus::Exited(_, 143)), "{status:?}");
    let after = tcgetattr(&master).expect("termios");
    // back in line mode (rexpect's pty starts without echo, so only ICANON says it)
    assert!(
        after.local_flags.contains(LocalFlags::ICANON),
        "{:?}",
        after.local_flags
    );
}

#[test]
fn an_unusable_history_file_is_refused_with_one_warning() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arrsh"));
    cmd.args(["--color", "never", "--no-banner"])
        .env("ARRSH_HISTORY", "/dev/zero")
        .env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn arrsh in a pty");
    p.exp_string("/dev/zero is not a regular file")
        .expect("the warning");
    p.exp_string("]: ").expect("the first prompt");
    line(&mut p, "x = 41", "In [2]: ");
    let out = line(&mut p, "x + 1", "Out[2]: 42");
    assert!(!out.contains("history"), "warned once: {out}");
    p.send_line("exit").expect("send");
    p.exp_eof().expect("exit leaves");
}

/// `--step` at a 60-column terminal: narration wrapped, each cell on a key, the shell on `i`
/// with the lesson's variables, back to the lesson on Ctrl-D, `q` quits.
#[test]
fn step_presents_a_lesson() {
    let dir = std::env::temp_dir().join(format!("arrsh-step-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let lesson = dir.join("lesson.py");
    std::fs::write(
        &lesson,
        "# %% [markdown]\n# # Views\n#\n# A slice such as `a[::2]` is a **view**: it shares the \
         buffer of the array it was cut from, so writing through it changes both arrays.\n\n\
         # %%\nimport numpy as np\na = np.arange(6)\nb = a[::2]\nb\n\n\
         # %% [markdown]\n# Now write through it.\n\n# %%\nb[0] = 100\na\n\n# %%\nb.base is a\n",
    )
    .expect("write lesson");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arrsh"));
    cmd.args([
        "--no-history",
        "--color",
        "never",
        "--width",
        "60",
        "--step",
    ])
    .arg(&lesson)
    .env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn arrsh --step");
    let shown = p.exp_string("i shell").expect("the first cell waits");
    assert!(shown.contains("Views\r\n=====\r\n"), "{shown:?}");
    assert!(
        shown.contains("A slice such as `a[::2]` is a view: it shares the buffer of\r\nthe array"),
        "wrapped at 60 columns, code marked: {shown:?}"
    );
    assert!(shown.contains("In [1]: import numpy as np\r\n   ...: a = np.arange(6)"));
    assert!(
        !shown.contains("Out[1]"),
        "nothing runs before a key: {shown:?}"
    );
    p.send(" ").expect("space");
    p.flush().expect("flush");
    p.exp_string("Out[1]: array([0, 2, 4])")
        .expect("space runs it");
    let shown = p.exp_string("i shell").expect("the next cell");
    assert!(shown.contains("Now write through it."), "{shown:?}");
    p.send("i").expect("i");
    p.flush().expect("flush");
    p.exp_string("In [2]: ").expect("the shell's prompt");
    p.send_line("b * 10").expect("type in the shell");
    p.exp_string("Out[2]: array([ 0, 20, 40])")
        .expect("the lesson's variables");
    p.send_control('d').expect("Ctrl-D");
    p.exp_string("In [3]: b[0] = 100")
        .expect("back to the lesson");
    p.send("\x1b[C").expect("→");
    p.flush().expect("flush");
    p.exp_string("Out[3]: array([100,   1,   2,   3,   4,   5])")
        .expect("→ runs it");
    p.exp_string("In [4]: b.base is a").expect("the last cell");
    p.send("q").expect("q");
    p.flush().expect("flush");
    p.exp_eof().expect("q quits");
    let _ = std::fs::remove_dir_all(&dir);
}
