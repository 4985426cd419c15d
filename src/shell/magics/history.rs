//! Magics over the input history and files: `%history`, `%save` and `%run`.

use super::{Call, option, options};
use crate::error::{PyError, PyResult};
use crate::eval::Value;
use crate::shell::session::Session;

/// IPython's history ranges for the current session: `N`, `A-B` (B included), `A:B` (B not);
/// words that are not ranges are skipped, as IPython's `extract_hist_ranges` does. An empty
/// string is every cell.
pub fn ranges(spec: &str, last: usize) -> Vec<usize> {
    if spec.trim().is_empty() {
        return (1..=last).collect();
    }
    let mut out = Vec::new();
    for word in spec.split_whitespace() {
        let parse = |s: &str| s.parse::<usize>().ok();
        let (start, end) = if let Some((a, b)) = word.split_once('-') {
            match (parse(a), parse(b)) {
                (Some(a), Some(b)) => (a, b + 1),
                _ => continue,
            }
        } else if let Some((a, b)) = word.split_once(':') {
            match (parse(a), parse(b)) {
                (Some(a), Some(b)) => (a, b),
                _ => continue,
            }
        } else {
            match parse(word) {
                Some(a) => (a, a + 1),
                None => continue,
            }
        };
        out.extend((start.max(1)..end).filter(|&n| n <= last));
    }
    out
}

/// `%history [-n] [-p] [-l N] [RANGE]`.
pub fn history(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let (opts, range) = options(call.args, "npl:")?;
    let inputs = s.inputs();
    let last = inputs.len() - 1;
    let numbers: Vec<usize> = match option(&opts, 'l') {
        // `-l N`: the N cells before this one
        Some(n) => {
            let n: usize = n
                .parse()
                .map_err(|_| PyError::magic_option_invalid_int("-l/--limit", n))?;
            (last.saturating_sub(n)..last).filter(|&k| k >= 1).collect()
        }
        None => ranges(range, last),
    };
    let print_nums = option(&opts, 'n').is_some();
    let pyprompts = option(&opts, 'p').is_some();
    let mut text = String::new();
    for k in numbers {
        let line = inputs[k].replace('\t', "    ");
        let line = line.trim_end();
        let multiline = line.contains('\n');
        if print_nums {
            text.push_str(&format!("{k:>4}:{}", if multiline { "\n" } else { " " }));
        }
        if pyprompts {
            text.push_str(">>> ");
            if multiline {
                text.push_str(&line.lines().collect::<Vec<_>>().join("\n... "));
                text.push_str("\n...\n");
                continue;
            }
        }
        text.push_str(line);
        text.push('\n');
    }
    s.write(&text);
    Ok(None)
}

/// `%save [-f] [-a] FILE [RANGE]`: writes the cells (all but this one when no range is given)
/// with IPython's `# coding: utf-8` line; `.py` is added to a name without `.py`/`.ipy`.
pub fn save(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let (opts, rest) = options(call.args, "fra")?;
    let mut words = rest.split_whitespace();
    let Some(name) = words.next() else {
        return Err(PyError::missing_filename());
    };
    let range: Vec<&str> = words.collect();
    let mut path = name.to_string();
    if !path.ends_with(".py") && !path.ends_with(".ipy") {
        path.push_str(".py");
    }
    let path = expand_user(&path);
    let append = option(&opts, 'a').is_some();
    let exists = std::path::Path::new(&path).is_file();
    if exists && option(&opts, 'f').is_none() && !append {
        // IPython asks; a cell cannot, so this is IPython's answer when it cannot ask
        s.write(&format!(
            "File `{path}` exists. Use `%save -f {}` to force overwrite\n",
            call.args.trim()
        ));
        return Ok(None);
    }
    let inputs = s.inputs();
    let last = inputs.len() - 1;
    let numbers = if range.is_empty() {
        (1..last).collect()
    } else {
        ranges(&range.join(" "), last)
    };
    if numbers.is_empty() {
        s.write(&format!(
            "'{}' was not found in history, as a file, url, nor in the user namespace.\n",
            range.join(" ")
        ));
        return Ok(None);
    }
    let cmds = numbers
        .iter()
        .map(|&k| inputs[k].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut file = String::new();
    if !exists || !append {
        file.push_str("# coding: utf-8\n");
    }
    file.push_str(&cmds);
    if !cmds.ends_with('\n') {
        file.push('\n');
    }
    let written = if append {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(file.as_bytes()))
    } else {
        std::fs::write(&path, file)
    };
    if let Err(e) = written {
        return Err(PyError::file_not_written(&path, &e.to_string()));
    }
    s.write(&format!(
        "The following commands were written to file `{path}`:\n{cmds}\n"
    ));
    Ok(None)
}

/// `%run FILE`: the file's cells are queued and run next, each as if typed at the prompt (with
/// its own `In [n]`), so a lesson replays into this session.
pub fn run(s: &mut Session, call: &Call) -> PyResult<Option<Value>> {
    let name = call.args.trim();
    if name.is_empty() {
        return Err(PyError::missing_filename());
    }
    let path = expand_user(name);
    let text = std::fs::read_to_string(&path)
        .or_else(|_| std::fs::read_to_string(format!("{path}.py")))
        .map_err(|_| PyError::run_file_not_found(name))?;
    s.queue_cells(crate::shell::cells::sources(&text));
    Ok(None)
}

/// `os.path.expanduser` for a leading `~/`.
fn expand_user(path: &str) -> String {
    match (path.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest).to_string_lossy().into_owned(),
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_ipython_reads_them() {
        let cases = [
            ("", vec![1, 2, 3, 4, 5]),
            ("2", vec![2]),
            ("1-3", vec![1, 2, 3]),
            ("1:3", vec![1, 2]),
            ("4 1-2", vec![4, 1, 2]),
            ("3-9", vec![3, 4, 5]), // past the end: what exists
            ("x 2", vec![2]),       // not a range: skipped
            ("0", vec![]),          // In[0] is the empty entry, never shown
        ];
        for (spec, want) in cases {
            assert_eq!(ranges(spec, 5), want, "{spec:?}");
        }
    }
}
