//! The byte map drawn for real sessions: each kind of picture at 100 and 60 columns.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::draw;
use crate::shell::facts::Picture;
use crate::shell::mapfacts::mem_pictures;
use crate::shell::paint::render;
use crate::shell::{Session, SessionOptions};

fn pictures(cells: &[&str], names: &[&str], width: usize) -> String {
    let mut s = Session::new(&SessionOptions::default(), Arc::new(AtomicBool::new(false)));
    for c in cells {
        let r = s.run_cell(c).expect("a cell");
        assert!(r.error.is_none(), "{c}: {:?}", r.error);
    }
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let mut out = String::new();
    for p in mem_pictures(s.interp(), &names).expect("names exist") {
        match p {
            Picture::ByteMap(m) => out.push_str(&render(&draw(&m, width), false)),
            other => out.push_str(&format!("{other:?}\n")),
        }
    }
    out
}

fn fits(text: &str, width: usize) {
    for l in text.lines() {
        assert!(
            l.chars().count() <= width,
            "wider than {width}:\n{l}\n\n{text}"
        );
    }
}

#[test]
fn a_strided_view_marks_its_elements() {
    let cells = ["import numpy as np", "a = np.arange(12)", "v = a[2:8:2]"];
    for w in [100, 60] {
        let t = pictures(&cells, &["a", "v"], w);
        fits(&t, w);
        assert!(t.contains("a's buffer: 96 B"), "{t}");
        assert!(
            t.contains("v    │ "),
            "the view's row starts uncovered:\n{t}"
        );
        assert!(t.contains("bytes 16:56"), "{t}");
    }
}

/// Each kind of picture, with what must be seen in it at 100 and at 60 columns.
#[test]
fn each_kind_of_picture_shows_its_point() {
    type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str]);
    let cases: &[Case] = &[
        // negative strides run backwards; a 2-d view's grid of byte offsets
        (
            &[
                "a = np.arange(12)",
                "r = a[::-1]",
                "m = a.reshape(3, 4)[:, 1:3]",
            ],
            &["a", "r", "m"],
            &[
                "r    │11←",
                "runs backwards",
                "m[i, j] starts at byte 8 + 32·i + 8·j:",
                "  i=2   72   80",
            ],
        ),
        // a dtype view whose items straddle the owner's elements: alternate fills
        (
            &["a = np.arange(6, dtype=np.int16)", "s = a.view('S3')"],
            &["a", "s"],
            &["s    │0───│──1═│════│2───│──3═│════│", "|S3 (4,)"],
        ),
        // as_strided: elements sharing bytes are counted
        (
            &[
                "x = np.arange(10, dtype=np.uint8)",
                "tri = np.lib.stride_tricks.as_strided(x, (8, 3), (1, 1))",
            ],
            &["x", "tri"],
            &["│×3 ", "elements share bytes", "  i=7    7    8    9"],
        ),
        // a large buffer: the middle left out, the first and last bytes of each array kept
        (
            &["x = np.arange(10**6)", "v = x[1000:2000:7]"],
            &["x", "v"],
            &[" ┄ ", "│0─", "│142", "999999│", "8000000"],
        ),
        // broadcast_to: zero strides, every element of memory used 3 times, read-only
        (
            &["a = np.arange(4)", "b = np.broadcast_to(a, (3, 4))"],
            &["b"],
            &["b    │×3", "read-only", "0 + 0·i + 8·j"],
        ),
    ];
    for (cells, names, wanted) in cases {
        let mut all = vec!["import numpy as np"];
        all.extend(cells.iter());
        for w in [100, 60] {
            let t = pictures(&all, names, w);
            fits(&t, w);
            for want in *wanted {
                assert!(t.contains(want), "{want:?} missing at {w} columns:\n{t}");
            }
        }
    }
}

#[test]
fn buffers_and_values_without_one() {
    let mut s = Session::new(&SessionOptions::default(), Arc::new(AtomicBool::new(false)));
    for c in [
        "import numpy as np",
        "a = np.arange(12)",
        "b = a",
        "c = a.view()",
        "v = a[2:8:2]",
        "z = np.zeros((2, 3))",
        "i = a[1]",
        "alist = [1, 'b', {}]",
        "t = z.T.reshape(6)",
    ] {
        s.run_cell(c).unwrap();
    }
    for w in [100, 60] {
        let text = render(&crate::shell::buffers::draw(&s.buffers_picture(), w), false);
        fits(&text, w);
        assert!(
            text.contains("  a, b    bytes 0:96   owner · int64 (12,)"),
            "{text}"
        );
        assert!(text.contains("  v       bytes 16:56  view"), "{text}");
        assert!(text.contains("a copy NumPy made"), "{text}");
        let names: Vec<String> = ["i", "alist"].iter().map(|x| x.to_string()).collect();
        for p in s.memory_pictures(&names).unwrap() {
            let text = render(&crate::shell::buffers::draw(&p, w), false);
            fits(&text, w);
            assert!(
                text.contains("scalar") || text.contains("3 references"),
                "{text}"
            );
        }
    }
}
