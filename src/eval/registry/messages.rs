//! The argument errors of each parser the binder mirrors (CPython's getargs and Argument Clinic,
//! ceval for Python functions, NumPy's `npy_parse_arguments`, ufuncs), one constructor each.
//! Verified against CPython 3.11.7 and NumPy 2.4.6.

use crate::error::PyError;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl PyError {
    /// Argument Clinic: `round() takes at most 2 arguments (3 given)`, and
    /// `round() takes at most 2 keyword arguments (3 given)` when none came by position.
    pub fn takes_at_most_arguments_kw(
        func: &str,
        max: usize,
        all_keywords: bool,
        given: usize,
    ) -> PyError {
        // an anonymous `PyArg_ParseTupleAndKeywords` format: `function takes at most ...`
        let who = match func {
            "function" => func.to_string(),
            _ => format!("{func}()"),
        };
        PyError::type_error(format!(
            "{who} takes at most {max} {}argument{} ({given} given)",
            if all_keywords { "keyword " } else { "" },
            plural(max)
        ))
    }

    /// `PyArg_ParseTupleAndKeywords` with an anonymous format, as NumPy's `NpyArg_ParseKeywords`
    /// uses it (`a.resize(2, order='F')`): `'order' is an invalid keyword argument for this
    /// function`.
    pub fn anonymous_invalid_keyword(keyword: &str) -> PyError {
        PyError::type_error(format!(
            "'{keyword}' is an invalid keyword argument for this function"
        ))
    }
    /// The same parser's count check, made before the names are: `function takes at most 1
    /// keyword argument (2 given)`.
    pub fn anonymous_too_many_keywords(max: usize, given: usize) -> PyError {
        PyError::type_error(format!(
            "function takes at most {max} keyword argument{} ({given} given)",
            plural(max)
        ))
    }

    /// Argument Clinic: `sum() takes at least 1 positional argument (0 given)`; `how` is
    /// `at least`, `at most` or `exactly`.
    pub fn takes_positional_arguments(func: &str, how: &str, n: usize, given: usize) -> PyError {
        PyError::type_error(format!(
            "{func}() takes {how} {n} positional argument{} ({given} given)",
            plural(n)
        ))
    }

    /// Argument Clinic: `argument for round() given by name ('number') and position (1)`.
    pub fn given_by_name_and_position(func: &str, keyword: &str, pos: usize) -> PyError {
        PyError::type_error(format!(
            "argument for {func}() given by name ('{keyword}') and position ({pos})"
        ))
    }

    /// `PyArg_ParseTuple`: `startswith() takes at least 1 argument (0 given)`,
    /// `fill() takes exactly 1 argument (2 given)`; an anonymous format says `function takes
    /// exactly 0 arguments (1 given)`.
    pub fn parse_tuple_count(func: &str, min: usize, max: usize, given: usize) -> PyError {
        let (how, n) = if min == max {
            ("exactly", min)
        } else if given < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        let who = if func == "function" {
            func.to_string()
        } else {
            format!("{func}()")
        };
        PyError::type_error(format!(
            "{who} takes {how} {n} argument{} ({given} given)",
            plural(n)
        ))
    }

    /// ceval: `sum() got multiple values for argument 'a'`.
    pub fn multiple_values(func: &str, keyword: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() got multiple values for argument '{keyword}'"
        ))
    }

    /// ceval: `f() got some positional-only arguments passed as keyword arguments: 'a, b'`.
    pub fn positional_only_as_keyword(func: &str, names: &str) -> PyError {
        PyError::type_error(format!(
            "{func}() got some positional-only arguments passed as keyword arguments: '{names}'"
        ))
    }

    /// ceval (and ufuncs): `linspace() takes from 2 to 7 positional arguments but 8 were
    /// given`, `k() takes 0 positional arguments but 1 was given`, with `(and 1 keyword-only
    /// argument)` when keyword-only ones came too.
    pub fn too_many_positional(
        func: &str,
        min: usize,
        max: usize,
        given: usize,
        kwonly_given: usize,
    ) -> PyError {
        let (sig, many) = if min < max {
            (format!("from {min} to {max}"), true)
        } else {
            (max.to_string(), max != 1)
        };
        let kwonly = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {kwonly_given} keyword-only argument{})",
                plural(given),
                plural(kwonly_given)
            )
        } else {
            String::new()
        };
        let verb = if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        };
        PyError::type_error(format!(
            "{func}() takes {sig} positional argument{} but {given}{kwonly} {verb} given",
            if many { "s" } else { "" }
        ))
    }

    /// ceval: `linspace() missing 2 required positional arguments: 'start' and 'stop'`;
    /// `what` is `positional` or `keyword-only`.
    pub fn missing_arguments(func: &str, what: &str, names: &[&str]) -> PyError {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
            [] => String::new(),
        };
        PyError::type_error(format!(
            "{func}() missing {} required {what} argument{}: {list}",
            names.len(),
            plural(names.len())
        ))
    }

    /// `npy_parse_arguments`: `zeros() takes from 1 to 3 positional arguments but 4 were
    /// given` (always "arguments").
    pub fn npy_positional_count(
        func: &str,
        nrequired: usize,
        npositional: usize,
        given: usize,
    ) -> PyError {
        let verb = if given == 1 { "was" } else { "were" };
        if nrequired == npositional {
            PyError::type_error(format!(
                "{func}() takes {npositional} positional arguments but {given} {verb} given"
            ))
        } else {
            PyError::type_error(format!(
                "{func}() takes from {nrequired} to {npositional} positional arguments but {given} {verb} given"
            ))
        }
    }

    /// `npy_parse_arguments` counts positions from 0: `argument for zeros() given by name
    /// ('shape') and position (position 0)`.
    pub fn npy_given_by_name_and_position(func: &str, keyword: &str, pos: usize) -> PyError {
        PyError::type_error(format!(
            "argument for {func}() given by name ('{keyword}') and position (position {pos})"
        ))
    }

    /// `npy_parse_arguments`: `func() missing required positional argument 0`.
    pub fn npy_missing_positional(func: &str, pos: usize) -> PyError {
        PyError::type_error(format!(
            "{func}() missing required positional argument {pos}"
        ))
    }

    /// `npy_parse_arguments`: `array() missing required argument 'object' (pos 0)`.
    pub fn npy_missing_argument(func: &str, name: &str, pos: usize) -> PyError {
        PyError::type_error(format!(
            "{func}() missing required argument '{name}' (pos {pos})"
        ))
    }

    /// A ufunc given `out` twice.
    pub fn out_given_twice() -> PyError {
        PyError::type_error("cannot specify 'out' as both a positional and keyword argument")
    }

    /// A name NumPy (or CPython) has and arrsh does not, yet.
    pub fn not_implemented_name(qualname: &str) -> PyError {
        PyError::not_implemented(format!("arrsh does not implement {qualname} yet"))
    }
}

#[cfg(test)]
mod tests {
    use crate::error::PyError;

    #[test]
    fn messages_read_as_cpython_and_numpy_write_them() {
        // (made, the text CPython 3.11.7 / NumPy 2.4.6 print)
        let cases = [
            (
                PyError::too_many_positional("linspace", 2, 7, 8, 0),
                "linspace() takes from 2 to 7 positional arguments but 8 were given",
            ),
            (
                PyError::too_many_positional("k", 0, 0, 1, 0),
                "k() takes 0 positional arguments but 1 was given",
            ),
            (
                PyError::too_many_positional("f", 1, 2, 3, 1),
                "f() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given",
            ),
            (
                PyError::too_many_positional("add", 2, 3, 1, 0),
                "add() takes from 2 to 3 positional arguments but 1 was given",
            ),
            (
                PyError::missing_arguments("m", "positional", &["a", "b", "c"]),
                "m() missing 3 required positional arguments: 'a', 'b', and 'c'",
            ),
            (
                PyError::missing_arguments("linspace", "positional", &["start", "stop"]),
                "linspace() missing 2 required positional arguments: 'start' and 'stop'",
            ),
            (
                PyError::missing_arguments("f", "keyword-only", &["c"]),
                "f() missing 1 required keyword-only argument: 'c'",
            ),
            (
                PyError::takes_at_most_arguments_kw("round", 2, true, 3),
                "round() takes at most 2 keyword arguments (3 given)",
            ),
            (
                PyError::takes_positional_arguments("sum", "at least", 1, 0),
                "sum() takes at least 1 positional argument (0 given)",
            ),
            (
                PyError::parse_tuple_count("function", 0, 0, 1),
                "function takes exactly 0 arguments (1 given)",
            ),
            (
                PyError::parse_tuple_count("startswith", 1, 3, 0),
                "startswith() takes at least 1 argument (0 given)",
            ),
            (
                PyError::npy_positional_count("arange", 0, 4, 5),
                "arange() takes from 0 to 4 positional arguments but 5 were given",
            ),
            (
                PyError::npy_given_by_name_and_position("array", "object", 0),
                "argument for array() given by name ('object') and position (position 0)",
            ),
        ];
        for (made, want) in cases {
            assert_eq!(made.msg, want);
        }
    }
}
