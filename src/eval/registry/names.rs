//! The public names of CPython 3.11's and NumPy 2.4's modules and types (`names.tsv`, made by
//! `gen_names.py`): a real name arrsh lacks is told apart from one that does not exist, and
//! `dir()` lists what Python lists.

use std::sync::OnceLock;

use crate::eval::object::fxmap::FxHashMap;

const NAMES: &str = include_str!("names.tsv");

/// One name of the data file.
pub struct Known {
    pub owner: &'static str,
    pub name: &'static str,
    /// `function`, `builtin`, `ufunc 1 1 None`, `type`, `module`, `method`, `attribute`,
    /// `constant <type>`.
    pub what: &'static str,
    /// Whether `from owner import *` binds it.
    pub star: bool,
    /// For a type's name, the class of its MRO that defines it (`object` for what the type
    /// inherits from `object`).
    pub defined_by: Option<&'static str>,
}

struct Table {
    all: Vec<Known>,
    by_name: FxHashMap<(&'static str, &'static str), usize>,
    owners: FxHashMap<&'static str, ()>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut all = Vec::new();
        let mut by_name = FxHashMap::default();
        let mut owners = FxHashMap::default();
        for line in NAMES.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(owner), Some(name), Some(what)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let star = f.next() == Some("*");
            let defined_by = f.next().filter(|c| !c.is_empty());
            by_name.insert((owner, name), all.len());
            owners.insert(owner, ());
            all.push(Known {
                owner,
                name,
                what,
                star,
                defined_by,
            });
        }
        Table {
            all,
            by_name,
            owners,
        }
    })
}

fn find(owner: &str, name: &str) -> Option<&'static Known> {
    let t = table();
    let map: &FxHashMap<(&str, &str), usize> = &t.by_name;
    map.get(&(owner, name)).map(|&i| &t.all[i])
}

/// Whether CPython/NumPy have `owner.name`.
pub fn knows(owner: &str, name: &str) -> bool {
    find(owner, name).is_some()
}

/// What `owner.name` is in CPython/NumPy (see `Known::what`).
pub fn what(owner: &str, name: &str) -> Option<&'static str> {
    find(owner, name).map(|k| k.what)
}

/// Whether the type `owner` has `name` from `object` itself (not a definition of its own or of
/// a base between them): `[].__format__` is `object`'s, `[].__init__` is `list`'s.
pub fn inherited_from_object(owner: &str, name: &str) -> bool {
    find(owner, name).and_then(|k| k.defined_by) == Some("object")
}

/// Whether the data file lists `owner` (a module or type arrsh mirrors).
pub fn has_owner(owner: &str) -> bool {
    table().owners.contains_key(owner)
}

/// NumPy's types whose attributes the data file lists (their rows are NumPy names too).
pub fn is_numpy_owner(owner: &str) -> bool {
    matches!(
        owner,
        "ndarray" | "dtype" | "generic" | "ufunc" | "flagsobj"
    )
}

/// `dir(owner)` as CPython/NumPy give it (sorted).
pub fn dir(owner: &str) -> Vec<&'static str> {
    table()
        .all
        .iter()
        .filter(|k| k.owner == owner)
        .map(|k| k.name)
        .collect()
}

/// The names `from owner import *` binds.
pub fn star(owner: &str) -> impl Iterator<Item = &'static str> + '_ {
    table()
        .all
        .iter()
        .filter(move |k| k.owner == owner && k.star)
        .map(|k| k.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_holds_numpys_and_pythons_names() {
        // (owner, name, present, why)
        let cases = [
            ("numpy", "exp", true, "a ufunc"),
            ("numpy", "random", true, "a submodule"),
            ("numpy", "float_", false, "removed in NumPy 2.0"),
            ("numpy.linalg", "svd", true, "a submodule's function"),
            ("list", "append", true, "a method"),
            ("builtins", "len", true, "a builtin"),
            ("ndarray", "shape", true, "a property"),
        ];
        for (owner, name, present, why) in cases {
            assert_eq!(knows(owner, name), present, "{why}");
        }
        assert_eq!(what("numpy", "exp"), Some("ufunc 1 1 None"));
        assert_eq!(what("numpy", "add"), Some("ufunc 2 1 0"));
        assert!(star("numpy").any(|n| n == "sum"), "NumPy's __all__ has sum");
        // (owner, name, inherited from object, why)
        let inherited = [
            (
                "list",
                "__format__",
                true,
                "list has no __format__ of its own",
            ),
            ("list", "__init__", false, "list defines __init__"),
            ("int", "__init__", true, "int makes its value in __new__"),
            ("bool", "__repr__", false, "bool defines its own repr"),
            ("math", "sqrt", false, "a module's names have no class"),
        ];
        for (owner, name, from_object, why) in inherited {
            assert_eq!(inherited_from_object(owner, name), from_object, "{why}");
        }
        assert_eq!(dir("numpy").len(), 534, "len(dir(np)) in NumPy 2.4.6");
    }
}
