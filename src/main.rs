//! The `arrsh` binary: flags, choosing between the REPL and replaying scripts, exit codes.

#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};

use arrsh::runtime::print::PrintOptions;
use arrsh::shell::check::{self, Verdict};
use arrsh::shell::{export, histfile, render, repl, replay, step};
use arrsh::{Session, SessionOptions, Style};

/// The evaluator recurses over the syntax tree; give it room (virtual memory, touched lazily).
const STACK_BYTES: usize = 512 << 20;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFormat {
    Md,
    Html,
}

/// arrsh — an interactive NumPy shell that shows where array data lives.
///
/// Type or paste NumPy lines (`a = np.arange(5)`, `a[::2]`, `a.view('S3')`) and get NumPy's
/// answer, plus a line saying where the data is: its buffer and byte offset, shape, strides,
/// dtype, whether it owns its data or is a view of which array, and object ids.
#[derive(Parser, Debug)]
#[command(name = "arrsh", version, after_help = AFTER_HELP)]
struct Cli {
    /// Script files to replay, cut into cells as IPython would run them (each statement of a
    /// plain script, each `# %%` block, or the prompts of a pasted `>>>`/`In [n]:` session).
    files: Vec<PathBuf>,
    /// Run this code (cut into cells like a file), then exit (or stay with -i).
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Stay interactive after running FILEs or -c.
    #[arg(short = 'i')]
    interactive: bool,
    /// Print exactly what IPython + NumPy print: no colour, no memory annotations.
    #[arg(long)]
    plain: bool,
    /// Exit with status 1 if any cell raised an error.
    #[arg(long)]
    strict: bool,
    /// Colour: auto (terminals only, and not when NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Show this process's real addresses and ids instead of the deterministic model.
    #[arg(long)]
    real_addresses: bool,
    /// Array memory allowed at once before MemoryError, e.g. 4G, 512M (default: 3/4 of RAM;
    /// also ARRSH_MAX_MEMORY).
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true)]
    max_memory: Option<String>,
    /// Print as NumPy did before 2.0 (`np.set_printoptions(legacy=VERSION)`): `--legacy 1.25`
    /// shows scalars as `1` and `0.5` instead of `np.int64(1)` and `np.float64(0.5)`, and long
    /// arrays without `shape=(N,)`, as the seed documents do.
    #[arg(long, value_name = "VERSION", value_parser = parse_legacy)]
    legacy: Option<u32>,
    /// Do not read or write the history file.
    #[arg(long)]
    no_history: bool,
    /// Do not print the one-line banner when the interactive shell starts.
    #[arg(long)]
    no_banner: bool,
    /// Lay memory lines and pictures out for this many columns (default: the terminal's
    /// width, or 100 when not writing to a terminal).
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
    /// Replay each FILE and compare it cell by cell with FILE.txt beside it (a pasted
    /// `>>>`/`In [n]:` session without one: with the outputs recorded in it, as doctest does);
    /// print the differing cells as a unified diff and exit 1 if any differ. The transcript is
    /// what `arrsh` prints for the file with the same flags (annotated, or `--plain`).
    #[arg(long, conflicts_with_all = ["bless", "code", "interactive"])]
    check: bool,
    /// Present each FILE at the terminal: its narration, then each cell's code, run when you
    /// press Enter, Space or →; `i` opens the shell with the lesson's variables (Ctrl-D goes
    /// back), `q` quits.
    #[arg(long, conflicts_with_all = ["check", "bless", "code", "export"])]
    step: bool,
    /// Write (or refresh) FILE.txt beside each FILE: the transcript `--check` compares with.
    #[arg(long, conflicts_with_all = ["code", "interactive"])]
    bless: bool,
    /// Replay FILE and write a handout to stdout: the narration as Markdown and each cell as a
    /// code block labelled `In [n]` followed by its output, warnings, errors, memory notes and
    /// pictures (`md`), or all of it as one self-contained, printable HTML page in the
    /// terminal's colours (`html`). Laid out for --width columns (default 100).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["check", "bless", "code", "interactive"])]
    export: Option<ExportFormat>,
    /// Print each cell's process CPU time to stderr as `<seconds>\t<cell>` (used by
    /// bench/compare.py).
    #[arg(long)]
    timings: bool,
}

const AFTER_HELP: &str = "\
Modes:
  arrsh                  interactive shell (In [n]: / Out[n]:), history in ~/.local/share/arrsh/history
  arrsh FILE...          replay scripts and print the transcript (continues past errors)
  cmd | arrsh            piped stdin is replayed like a script
  arrsh --check FILE...  compare with FILE.txt (or a pasted session's recorded output); exit 1 on a difference
  arrsh --bless FILE...  write FILE.txt
  arrsh --step FILE      present a lesson cell by cell (Enter/Space/→ run, i shell, q quit)
  arrsh -c 'a = np.arange(5)\na[::2]'
  arrsh --export md lesson.py > handout.md     (or --export html: one self-contained page)

Memory annotations (after each array result):
  ↳ view of a via a[::2] · from byte 16 of 40 · data at 94354525913120 (0x55d0a0000020) · ...
  %mem NAME draws the buffer's bytes and which of them each array covers; %buffers lists them.
Ids and addresses are modelled deterministically (the same script prints the same numbers on
every run), with CPython's reuse of freed memory; --real-addresses shows real ones.

Differences from NumPy, on purpose:
  as_strided refuses views that reach outside the array's memory (NumPy 2.5's check_bounds);
  bare NumPy names work without `np.` (arange(5)), and `np` is always defined.

Keys: Ctrl-C clears the line or interrupts a running cell (twice to force quit); Ctrl-D, exit
or quit leave; Tab completes (a list of candidates) or, on a blank line, indents; Up/Down
search history by what is typed; Ctrl-R searches it all. Keys typed while a cell runs are kept.
In the shell: obj? and help(obj) for help, ? for a page about arrsh, %lsmagic for the magics.
Environment: NO_COLOR, ARRSH_MAX_MEMORY, ARRSH_HISTORY.";

fn parse_legacy(s: &str) -> Result<u32, String> {
    PrintOptions::parse_legacy(s)
        .ok_or_else(|| "NumPy's legacy printing modes are 1.13, 1.21, 1.25, 2.1 and 2.2".into())
}

/// A memory size as `--max-memory` takes it: a positive number of bytes, or of K, M, G or T
/// (binary units), e.g. `512M`, `1.5G`. Anything else is an error, never a silent zero.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        Some('T') => (&t[..t.len() - 1], 1 << 40),
        _ => (t, 1),
    };
    let bad = || format!("invalid memory size {s:?}: a positive size such as 4G, 512M or 100000");
    // only digits and one point: no NaN, inf, exponents or signs
    if num.is_empty()
        || !num.chars().all(|c| c.is_ascii_digit() || c == '.')
        || num.matches('.').count() > 1
        || num == "."
    {
        return Err(bad());
    }
    let n: f64 = num.parse().map_err(|_| bad())?;
    let bytes = n * mult as f64;
    if !(bytes >= 1.0 && bytes < u64::MAX as f64) {
        return Err(bad());
    }
    Ok(bytes as u64)
}

/// Three quarters of the machine's RAM, or 8 GiB when it cannot be read.
fn default_budget() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(8 << 30, |kib| kib * 1024 / 4 * 3)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let budget = match cli
        .max_memory
        .clone()
        .or_else(|| std::env::var("ARRSH_MAX_MEMORY").ok())
    {
        Some(s) => parse_size(&s).map_err(|e| {
            let from = if cli.max_memory.is_some() {
                "--max-memory"
            } else {
                "ARRSH_MAX_MEMORY"
            };
            anyhow::anyhow!("{from}: {e}")
        })?,
        None => default_budget(),
    };
    let opts = SessionOptions {
        real_addresses: cli.real_addresses,
        memory_budget: budget,
        legacy: cli.legacy,
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let color = !cli.plain
        && match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
    let style = Style {
        color,
        annotate: !cli.plain,
        width: cli
            .width
            .or_else(|| stdout_tty.then(repl::terminal_width).flatten())
            .unwrap_or(render::DEFAULT_WIDTH),
    };

    if cli.check || cli.bless {
        return check_files(&cli, &opts);
    }
    if let Some(format) = cli.export {
        return export_file(&cli, &opts, format);
    }

    let interrupt = Arc::new(AtomicBool::new(false));
    // Ctrl-C sets the flag the evaluator polls; a second Ctrl-C before it is seen quits.
    signal_hook::flag::register_conditional_shutdown(
        signal_hook::consts::SIGINT,
        130,
        interrupt.clone(),
    )
    .context("installing the Ctrl-C handler")?;
    signal_hook::flag::register(signal_hook::consts::SIGINT, interrupt.clone())
        .context("installing the Ctrl-C handler")?;

    let mut session = Session::new(&opts, interrupt.clone());
    session.set_memory_facts(style.annotate);
    let mut failed = false;
    let mut scripts: Vec<String> = Vec::new();
    for f in &cli.files {
        scripts.push(read_script(f)?);
    }
    if let Some(code) = &cli.code {
        scripts.push(code.clone());
    }
    let stdin_tty = std::io::stdin().is_terminal();
    // piped stdin runs cell by cell as it arrives (after the scripts, if any were given)
    let stream = scripts.is_empty() && !stdin_tty && !cli.step;
    let history = if cli.no_history {
        None
    } else {
        histfile::default_path()
    };
    if cli.step {
        if !stdin_tty || !stdout_tty {
            anyhow::bail!("--step presents a lesson at a terminal (use arrsh FILE to replay it)");
        }
        if cli.files.is_empty() {
            anyhow::bail!("--step needs a lesson file");
        }
        let shell = repl::ReplOptions {
            banner: false,
            history: history.clone(),
        };
        for script in &scripts {
            if !step::present(&mut session, script, style, &interrupt, &shell)
                .context("terminal error")?
            {
                return Ok(ExitCode::SUCCESS);
            }
        }
        if !cli.interactive {
            return Ok(ExitCode::SUCCESS);
        }
        scripts.clear();
    }
    let replaying = !scripts.is_empty() || stream;
    let interrupted = std::cell::Cell::new(false);
    let closed = std::cell::Cell::new(false);
    let write_failed = std::cell::Cell::new(false);
    let cpu = || {
        let (user, sys) = arrsh::shell::magics::cpu_times();
        user + sys
    };
    let mut started = cpu();
    let mut show = |r: &arrsh::shell::CellResult| {
        if cli.timings {
            eprintln!("{:.6}\t{}", cpu() - started, r.input.replace('\n', " "));
        }
        let mut out = std::io::stdout().lock();
        // a closed pipe (`yes 'x = 1' | arrsh | head`) ends the run: nobody reads any more;
        // any other lost output (`> /dev/full`) is reported once
        if let Err(e) = out
            .write_all(render::cell(r, style).as_bytes())
            .and_then(|()| out.flush())
        {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                closed.set(true);
            } else if !write_failed.replace(true) {
                eprintln!("arrsh: cannot write the transcript to standard output: {e}");
            }
        }
        let stopped = r
            .error
            .as_ref()
            .is_some_and(|e| e.kind == arrsh::ErrorKind::KeyboardInterrupt);
        interrupted.set(interrupted.get() | stopped);
        started = cpu();
    };
    for script in &scripts {
        failed |= replay::run_cells(&mut session, script, &mut show);
        if interrupted.get() {
            return Ok(ExitCode::from(130));
        }
    }
    if stream {
        let input = UntilClosed {
            inner: std::io::stdin().lock(),
            closed: &closed,
        };
        failed |=
            replay::run_stream(&mut session, input, &mut show).context("reading standard input")?;
        if interrupted.get() {
            return Ok(ExitCode::from(130));
        }
    }
    if !replaying || cli.interactive {
        if !stdin_tty {
            anyhow::bail!("the interactive shell needs a terminal (pipe a script in instead)");
        }
        let opts = repl::ReplOptions {
            // a banner is for people: not when output goes to a file or a pipe
            banner: !cli.no_banner && stdout_tty,
            history,
        };
        repl::run(&mut session, style, interrupt, opts).context("terminal error")?;
    }
    Ok(if cli.strict && (failed || write_failed.get()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Piped input that ends as soon as the output pipe is closed.
struct UntilClosed<'a, R> {
    inner: R,
    closed: &'a std::cell::Cell<bool>,
}

impl<R: std::io::Read> std::io::Read for UntilClosed<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.closed.get() {
            return Ok(0);
        }
        self.inner.read(buf)
    }
}

impl<R: std::io::BufRead> std::io::BufRead for UntilClosed<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.closed.get() {
            return Ok(&[]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n)
    }
}

/// A script file as text: bytes that are not UTF-8 become stand-ins, so only the cells that
/// hold them fail (CPython's SyntaxError) and the rest still run.
fn read_script(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(arrsh::shell::cells::decode(&bytes))
}

/// `--check` / `--bless`: each file in a fresh session, compared with (or written to) its
/// transcript; exit 1 when one differs or has nothing to compare with.
fn check_files(cli: &Cli, opts: &SessionOptions) -> Result<ExitCode> {
    if cli.files.is_empty() {
        anyhow::bail!("--check and --bless need lesson files");
    }
    // the transcript must not depend on the terminal: no colour, a fixed width
    let style = Style {
        color: false,
        annotate: !cli.plain,
        width: cli.width.unwrap_or(render::DEFAULT_WIDTH),
    };
    let mut all_ok = true;
    let mut out = std::io::stdout().lock();
    for f in &cli.files {
        let script = read_script(f)?;
        let verdict = check::check(f, &script, opts, style, cli.bless)
            .with_context(|| format!("writing {}", check::expected_path(f).display()))?;
        if let Verdict::Differ { diff, .. } = &verdict {
            write!(out, "{diff}")?;
        }
        writeln!(out, "{}", verdict.summary(f))?;
        all_ok &= verdict.ok();
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `--export md|html FILE`: the handout on stdout; exit 1 under --strict when a cell raised.
fn export_file(cli: &Cli, opts: &SessionOptions, format: ExportFormat) -> Result<ExitCode> {
    let [file] = cli.files.as_slice() else {
        anyhow::bail!("--export writes one lesson: give exactly one FILE");
    };
    let script = read_script(file)?;
    // a handout must not depend on the terminal it was made at
    let style = Style {
        color: false,
        annotate: !cli.plain,
        width: cli.width.unwrap_or(render::DEFAULT_WIDTH),
    };
    let format = match format {
        ExportFormat::Md => export::Handout::Markdown,
        ExportFormat::Html => export::Handout::Html,
    };
    let title = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let (text, failed) = export::export(&script, &title, opts, style, format);
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("writing the handout")?;
    Ok(if failed && cli.strict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("arrsh".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(cli));
    match worker.map(|h| h.join()) {
        Ok(Ok(Ok(code))) => code,
        Ok(Ok(Err(e))) => {
            eprintln!("arrsh: {e:#}");
            ExitCode::from(2)
        }
        Ok(Err(_)) => {
            eprintln!("arrsh: internal error (a bug): the session stopped unexpectedly");
            ExitCode::from(70)
        }
        Err(e) => {
            eprintln!("arrsh: cannot start: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn memory_sizes_are_positive_numbers_of_units() {
        let cases: [(&str, Option<u64>); 14] = [
            ("4G", Some(4 << 30)),
            ("512m", Some(512 << 20)),
            ("1.5K", Some(1536)),
            ("100000", Some(100_000)),
            (" 2T ", Some(2 << 40)),
            ("NaN", None),
            ("inf", None),
            ("-5", None),
            ("-5M", None),
            ("0", None),
            ("1e3", None),
            ("garbage", None),
            ("G", None),
            ("99999999999T", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_size(text).ok(), want, "{text}");
        }
    }
}
