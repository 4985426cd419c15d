//! Containment: a panic inside a cell is a bug that costs that cell, never the session. Runs a
//! closure under `catch_unwind` and turns the panic into its message, keeping the default panic
//! hook's stderr noise away for contained panics only.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside `contain` (the hook is process-wide; the flag is not, so
    /// parallel test threads and the fuzzer's own panics are left alone).
    static CONTAINING: Cell<bool> = const { Cell::new(false) };
    /// What the hook saw of the last contained panic: its message and where it happened.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs (once per process) a panic hook that records contained panics silently and hands
/// every other panic to the hook that was there before.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let contained = CONTAINING.try_with(Cell::get).unwrap_or(false);
            if !contained {
                previous(info);
                return;
            }
            let payload = info.payload();
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_string());
            // where in arrsh it happened helps a report; a path inside the standard library
            // does not
            let what = match info.location() {
                Some(l) if l.file().starts_with("src/") => {
                    format!("{msg} ({}:{})", l.file(), l.line())
                }
                _ => msg,
            };
            let _ = LAST_PANIC.try_with(|p| *p.borrow_mut() = Some(what));
        }));
    });
}

/// Runs `f`; a panic inside it becomes `Err(what)`, a one-line description for the error line.
/// The caller must put its own state back in order: whatever `f` was changing stopped midway.
pub fn contain<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let outer = CONTAINING.with(|c| c.replace(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINING.with(|c| c.set(outer));
    r.map_err(|payload| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        let r: Result<(), String> = contain(|| panic!("boom {}", 7));
        let what = r.unwrap_err();
        assert!(what.starts_with("boom 7 ("), "{what}");
        assert!(
            what.contains("src/shell/contain.rs:"),
            "the location helps a report: {what}"
        );
        assert_eq!(contain(|| 5), Ok(5), "control: no panic, the value");
    }

    #[test]
    fn nested_containment_restores_the_outer_state() {
        let r = contain(|| {
            let inner: Result<(), String> = contain(|| panic!("inner"));
            assert!(inner.is_err());
            CONTAINING.with(Cell::get)
        });
        assert_eq!(r, Ok(true), "still containing after the inner panic");
        assert!(!CONTAINING.with(Cell::get), "and not after the outer call");
    }
}
