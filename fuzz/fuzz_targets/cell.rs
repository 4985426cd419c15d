//! Fuzzes whole cells: any text a user could type must give a result or a Python-style error,
//! never a panic (the session contains them as `SystemError: arrsh internal error`, which this
//! target turns back into a crash), an abort or a hang (a watchdog plays the user pressing Ctrl-C after 2 s).
#![no_main]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use arrsh::{Session, SessionOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).to_string();
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let interrupt = Arc::new(AtomicBool::new(false));
        let opts = SessionOptions { memory_budget: 256 << 20, ..SessionOptions::default() };
        let mut session = Session::new(&opts, interrupt.clone());
        let done = Arc::new(AtomicBool::new(false));
        let (flag, finished) = (interrupt.clone(), done.clone());
        let watchdog = std::thread::spawn(move || {
            let start = std::time::Instant::now();
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(10));
                if start.elapsed() > Duration::from_secs(2) {
                    flag.store(true, Ordering::Relaxed); // keep "pressing Ctrl-C" until done
                }
            }
        });
        // the whole input as one cell, then line by line as a script would run; the session
        // contains panics (SystemError), so a contained bug is re-raised here for the fuzzer
        let check = |r: Option<arrsh::shell::CellResult>| {
            if let Some(e) = r.and_then(|r| r.error).filter(|e| e.is_internal()) {
                panic!("{e}");
            }
        };
        check(session.run_cell(&text));
        for line in text.lines().take(20) {
            check(session.run_cell(line));
        }
        done.store(true, Ordering::Relaxed);
        let _ = watchdog.join();
    });
    worker.expect("spawn").join().expect("a cell panicked");
});
