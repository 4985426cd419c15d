//! Text: `repr`/`str`, format specs, `str.format` and `%`, and IPython's pretty printer.

pub mod codecs;
pub mod format;
pub mod pretty;
pub mod pyrepr;
pub mod search;
pub mod strformat;
