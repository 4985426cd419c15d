//! IPython's magics: ONE table (name, help line, function) that every magic is a row of.
//! Other branches add their rows here (`%mem`, `%buffers`...). A magic writes its text into the
//! cell's output and may return a value to show as `Out[n]`; nothing here touches the terminal.

mod history;
mod memory;
mod namespace;
mod timing;

use crate::error::{PyError, PyResult};
use crate::eval::Value;

use super::session::Session;

pub use timing::{cpu_times, format_time};

/// What a magic is given: the text after its name and, for `%%name`, the rest of the cell.
pub struct Call<'a> {
    pub args: &'a str,
    pub body: Option<&'a str>,
}

/// A magic's function: writes through `Session::write` and returns the value for `Out[n]`.
pub type MagicFn = fn(&mut Session, &Call) -> PyResult<Option<Value>>;

/// One row of the table.
pub struct Magic {
    pub name: &'static str,
    /// Whether `%%name` (a cell magic) is accepted too.
    pub cell: bool,
    /// One line for `%lsmagic`, `%quickref` and `%name?`.
    pub help: &'static str,
    pub run: MagicFn,
}

/// Every magic arrsh has, in `%lsmagic` order (alphabetical).
pub const MAGICS: &[Magic] = &[
    Magic {
        name: "buffers",
        cell: false,
        help: "%buffers: each data buffer your arrays use, the names on it and their byte ranges",
        run: memory::buffers,
    },
    Magic {
        name: "history",
        cell: false,
        help: "%history [-n] [-l N] [RANGE]: this session's input; -n numbers the lines",
        run: history::history,
    },
    Magic {
        name: "lsmagic",
        cell: false,
        help: "%lsmagic: list the magics",
        run: lsmagic,
    },
    Magic {
        name: "mem",
        cell: false,
        help: "%mem NAME [NAME...]: the bytes of the buffer behind arrays, and which each covers",
        run: memory::mem,
    },
    Magic {
        name: "precision",
        cell: false,
        help: "%precision [N|FORMAT]: digits for floats and NumPy arrays; no argument resets",
        run: namespace::precision,
    },
    Magic {
        name: "quickref",
        cell: false,
        help: "%quickref: a short page about arrsh (the same as ? alone)",
        run: quickref,
    },
    Magic {
        name: "reset",
        cell: false,
        help: "%reset -f: delete every variable you defined (and the output history)",
        run: namespace::reset,
    },
    Magic {
        name: "run",
        cell: false,
        help: "%run FILE: replay a lesson or script into this session, cell by cell",
        run: history::run,
    },
    Magic {
        name: "save",
        cell: false,
        help: "%save [-f] [-a] FILE RANGE: write input cells (e.g. 1-3 5) to FILE (.py added)",
        run: history::save,
    },
    Magic {
        name: "time",
        cell: true,
        help: "%time STATEMENT: run once; CPU and wall time, then the value",
        run: timing::time,
    },
    Magic {
        name: "timeit",
        cell: true,
        help: "%timeit [-n N] [-r R] [-p P] [-q] [-o] STATEMENT: mean ± std. dev. of R runs of N loops",
        run: timing::timeit,
    },
    Magic {
        name: "who",
        cell: false,
        help: "%who [TYPE...]: names of your variables",
        run: namespace::who,
    },
    Magic {
        name: "whos",
        cell: false,
        help: "%whos [TYPE...]: your variables with type and data",
        run: namespace::whos,
    },
    Magic {
        name: "xdel",
        cell: false,
        help: "%xdel NAME: delete a variable and every reference the shell keeps to it",
        run: namespace::xdel,
    },
];

/// The row named `name`.
pub fn find(name: &str) -> Option<&'static Magic> {
    MAGICS.iter().find(|m| m.name == name)
}

/// Runs `%name args` (`body` is `None`) or `%%name args` + body.
pub fn run(
    session: &mut Session,
    name: &str,
    args: &str,
    body: Option<&str>,
) -> PyResult<Option<Value>> {
    let magic = match (find(name), body) {
        (Some(m), None) => m,
        (Some(m), Some(_)) if m.cell => m,
        (_, None) => return Err(PyError::line_magic_not_found(name)),
        (_, Some(_)) => return Err(PyError::cell_magic_not_found(name)),
    };
    (magic.run)(session, &Call { args, body })
}

/// IPython's `parse_options` (getopt with `posix=False`): leading `-x`, `-xVALUE` or `-x VALUE`
/// options from `spec` (`"n:r:q"`: a colon marks an option that takes a value); parsing stops
/// at the first word that is not an option, and the rest of the line is returned untouched.
pub fn options<'a>(args: &'a str, spec: &str) -> PyResult<(Vec<(char, String)>, &'a str)> {
    let mut found = Vec::new();
    let mut rest = args.trim_start();
    while let Some(word) = rest.split_whitespace().next() {
        let Some(flags) = word.strip_prefix('-') else {
            break;
        };
        if flags.is_empty() || word == "--" || flags.starts_with(|c: char| c.is_ascii_digit()) {
            if word == "--" {
                rest = rest[2..].trim_start();
            }
            break;
        }
        rest = rest[word.len()..].trim_start();
        for (i, c) in flags.char_indices() {
            let Some(at) = spec.find(c).filter(|_| c != ':') else {
                return Err(PyError::magic_option_not_recognized(c, spec));
            };
            if spec[at + 1..].starts_with(':') {
                let inline = &flags[i + c.len_utf8()..];
                let value = if !inline.is_empty() {
                    inline.to_string()
                } else {
                    let Some(v) = rest.split_whitespace().next() else {
                        return Err(PyError::magic_option_needs_argument(c, spec));
                    };
                    rest = rest[v.len()..].trim_start();
                    v.to_string()
                };
                found.push((c, value));
                break;
            }
            found.push((c, String::new()));
        }
    }
    Ok((found, rest))
}

/// The value of option `c`, if given.
pub fn option(opts: &[(char, String)], c: char) -> Option<&str> {
    opts.iter()
        .rev()
        .find(|(k, _)| *k == c)
        .map(|(_, v)| v.as_str())
}

fn lsmagic(session: &mut Session, _: &Call) -> PyResult<Option<Value>> {
    let line: Vec<String> = MAGICS.iter().map(|m| format!("%{}", m.name)).collect();
    let cell: Vec<String> = MAGICS
        .iter()
        .filter(|m| m.cell)
        .map(|m| format!("%%{}", m.name))
        .collect();
    session.write(&format!(
        "Available line magics:\n{}\n\nAvailable cell magics:\n{}\n\nAutomagic is OFF, % prefix IS needed for line magics.\n",
        line.join("  "),
        cell.join("  ")
    ));
    Ok(None)
}

fn quickref(session: &mut Session, _: &Call) -> PyResult<Option<Value>> {
    session.write(&super::help::quickref());
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_each_name_is_one_row() {
        let names: Vec<&str> = MAGICS.iter().map(|m| m.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn options_are_read_like_getopt() {
        let spec = "n:r:tcp:qo";
        // (arguments, options found, the statement left)
        type Case = (&'static str, Vec<(char, &'static str)>, &'static str);
        let cases: [Case; 7] = [
            ("a.sum()", vec![], "a.sum()"),
            ("-n 10 a.sum()", vec![('n', "10")], "a.sum()"),
            ("-n10 -r3 a.sum()", vec![('n', "10"), ('r', "3")], "a.sum()"),
            ("-qo x", vec![('q', ""), ('o', "")], "x"),
            ("-n 5 -- -x", vec![('n', "5")], "-x"),
            ("-1 + x", vec![], "-1 + x"), // a negative number is the statement
            ("x -n 3", vec![], "x -n 3"), // options only lead
        ];
        for (args, want, rest) in cases {
            let (got, r) = options(args, spec).unwrap();
            let got: Vec<(char, &str)> = got.iter().map(|(c, v)| (*c, v.as_str())).collect();
            assert_eq!((got, r), (want, rest), "{args:?}");
        }
        assert!(options("-z x", spec).is_err(), "unknown option");
        assert!(options("-n", spec).is_err(), "missing value");
    }
}
