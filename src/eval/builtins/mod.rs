//! Python's builtins and methods, the `sys`/`time`/`math` modules, call-argument binding and CPython's messages.

pub mod args;
pub mod errors;
pub mod functions;
pub mod introspect;
pub mod language;
pub mod methods;
pub mod pyfuncs;
pub mod strmethods;
pub mod sysmods;
pub mod valuemethods;
