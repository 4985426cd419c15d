//! The shell: sessions, rendering, script replay and the interactive REPL. The only layer that
//! knows about terminals (and only `repl` talks to one).

pub mod buffers;
pub mod bytemap;
pub mod cells;
pub mod check;
mod contain;
pub mod docs;
pub mod editor;
pub mod export;
pub mod facts;
pub mod help;
pub mod highlight;
pub mod histfile;
pub mod magics;
pub mod mapfacts;
pub mod memline;
pub mod names;
pub mod paint;
pub mod render;
pub mod repl;
pub mod replay;
pub mod session;
pub mod step;
pub mod transform;
pub mod why;

pub use check::compare;
pub use render::Style;
pub use replay::run_script;
pub use session::{CellResult, Session, SessionOptions};
