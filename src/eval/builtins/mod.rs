//! Python's builtins and methods, the `sys`/`time`/`math` modules, calling builtin types and CPython's messages.

pub mod errors;
pub mod functions;
pub mod introspect;
pub mod language;
pub mod methods;
pub mod pyfuncs;
pub mod strmethods;
pub mod sysmods;
pub mod typecalls;
pub mod valuemethods;
