//! Messages of text and file I/O: CPython 3.11's `io` streams and `open()`, NumPy 2.4's
//! `savetxt`, `loadtxt`, `genfromtxt`, `fromstring` and `.npy` files.

use super::{ErrorKind, PyError};

impl PyError {
    /// Any use of a closed stream; StringIO's own C methods say it without the period that
    /// IOBase's and BytesIO's checks end with.
    pub fn io_on_closed_file(period: bool) -> PyError {
        let dot = if period { "." } else { "" };
        PyError::value(format!("I/O operation on closed file{dot}"))
    }
    /// `f.read(1.5)`: a size is an int or None.
    pub fn io_size_argument(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "argument should be integer or None, not '{type_name}'"
        ))
    }
    /// `io.StringIO(3)`.
    pub fn stringio_initial_value(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "initial_value must be str or None, not {type_name}"
        ))
    }
    /// `io.StringIO().write(3)`.
    pub fn string_argument_expected(type_name: &str) -> PyError {
        PyError::type_error(format!("string argument expected, got '{type_name}'"))
    }
    /// `f.seek(0, 3)`: StringIO capitalises, BytesIO does not.
    pub fn invalid_whence(whence: i64, bytes: bool) -> PyError {
        let word = if bytes { "invalid" } else { "Invalid" };
        PyError::value(format!("{word} whence ({whence}, should be 0, 1 or 2)"))
    }
    /// `StringIO.seek(1, 1)`: a text stream seeks relative to its end or position only by 0.
    pub fn nonzero_relative_seek() -> PyError {
        PyError::new(ErrorKind::OSError, "Can't do nonzero cur-relative seeks")
    }
    /// `f.seek(-1)`.
    pub fn negative_seek(pos: i64, bytes: bool) -> PyError {
        if bytes {
            PyError::value(format!("negative seek value {pos}"))
        } else {
            PyError::value(format!("Negative seek position {pos}"))
        }
    }
    /// `f.truncate(-1)`.
    pub fn negative_size(size: i64, bytes: bool) -> PyError {
        let word = if bytes { "negative" } else { "Negative" };
        PyError::value(format!("{word} size value {size}"))
    }
    /// A failed system call on a file: `[Errno 2] No such file or directory: 'data.csv'`.
    pub fn os_error(kind: ErrorKind, errno: i32, text: &str, name: &str) -> PyError {
        let name = crate::runtime::print::str_repr(name);
        PyError::new(kind, format!("[Errno {errno}] {text}: {name}"))
    }
    /// `np.savetxt` of a 0-d or 3-d array.
    pub fn savetxt_ndim(ndim: usize) -> PyError {
        PyError::value(format!(
            "Expected 1D or 2D array, got {ndim}D array instead"
        ))
    }
    /// `np.savetxt(f, a, fmt=[...])` with one format too many or too few (`shown` is
    /// `str(fmt)`): an AttributeError, as NumPy raises it.
    pub fn savetxt_fmt_shape(shown: &str) -> PyError {
        PyError::attribute(format!("fmt has wrong shape.  {shown}"))
    }
    /// `np.savetxt(f, a, fmt='%d %d')` for three columns.
    pub fn savetxt_fmt_count(fmt: &str) -> PyError {
        PyError::value(format!("fmt has wrong number of % formats:  {fmt}"))
    }
    /// `np.savetxt(f, a, fmt=3)`; `shown` is `repr(fmt)`.
    pub fn savetxt_invalid_fmt(shown: &str) -> PyError {
        PyError::value(format!("invalid fmt: {shown}"))
    }
    /// `np.savetxt(f, strings, fmt='%d')`: `%` refused a row.
    pub fn savetxt_mismatch(dtype: &str, format: &str) -> PyError {
        PyError::type_error(format!(
            "Mismatch between array dtype ('{dtype}') and format specifier ('{format}')"
        ))
    }
    /// `np.loadtxt(3)`: `shown` is `repr(type(fname))`.
    pub fn loadtxt_fname(shown: &str) -> PyError {
        PyError::value(format!(
            "fname must be a string, filehandle, list of strings,\nor generator. Got {shown} instead."
        ))
    }
    /// `np.loadtxt(f, delimiter=',,')`.
    pub fn control_character(got: &str) -> PyError {
        PyError::type_error(format!(
            "Text reading control character must be a single unicode character or None; but got: '{got}'"
        ))
    }
    /// `np.loadtxt(f, delimiter=',', comments=',')`.
    pub fn control_characters_incompatible(a: &str, b: &str) -> PyError {
        PyError::type_error(format!(
            "The values for control characters '{a}' and '{b}' are incompatible"
        ))
    }
    /// `np.loadtxt(f, usecols=[1.5])`.
    pub fn usecols_not_int(type_name: &str) -> PyError {
        PyError::type_error(format!(
            "usecols must be an int or a sequence of ints but it contains at least one element of type '{type_name}'"
        ))
    }
    /// `ndmin=3`.
    pub fn illegal_ndmin(shown: &str) -> PyError {
        PyError::value(format!("Illegal value of ndmin keyword: {shown}"))
    }
    /// `comments=''`.
    pub fn comments_empty() -> PyError {
        PyError::value("comments cannot be an empty string. Use comments=None to disable comments.")
    }
    /// Several (or long) comment markers with a `quotechar`.
    pub fn comments_with_quotes() -> PyError {
        PyError::value(
            "when multiple comments or a multi-character comment is given, quotes are not supported.  In this case quotechar must be set to None.",
        )
    }
    /// A usecols entry outside a row (`row` counts data rows from 1).
    pub fn invalid_column_index(col: i64, row: usize, ncols: usize) -> PyError {
        PyError::value(format!(
            "invalid column index {col} at row {row} with {ncols} columns"
        ))
    }
    /// A row whose width differs from the first one's.
    pub fn columns_changed(from: usize, to: usize, row: usize) -> PyError {
        PyError::value(format!(
            "the number of columns changed from {from} to {to} at row {row}; use `usecols` to select a subset and avoid this error"
        ))
    }
    /// A structured dtype whose fields and the row's columns differ in number.
    pub fn dtype_requires_columns(need: usize, found: usize, row: usize) -> PyError {
        PyError::value(format!(
            "the dtype passed requires {need} columns but {found} were found at row {row}; use `usecols` to select a subset and avoid this error"
        ))
    }
    /// `converters={5: f}` for two columns.
    pub fn converter_column(col: i64, ncols: usize) -> PyError {
        PyError::value(format!(
            "converter specified for column {col}, which is invalid for the number of fields {ncols}."
        ))
    }
    /// `converters=3`.
    pub fn converters_type() -> PyError {
        PyError::type_error(
            "converters must be a dictionary mapping columns to converter functions or a single callable.",
        )
    }
    /// A field the dtype cannot read (`row` counts data rows from 0, `col` columns from 1).
    pub fn could_not_convert(text: &str, dtype: &str, row: usize, col: usize) -> PyError {
        PyError::value(format!(
            "could not convert string {} to {dtype} at row {row}, column {col}.",
            crate::runtime::print::str_repr(text)
        ))
    }
    /// `np.fromstring('1 x', sep=' ')`: text left that is no element.
    pub fn unmatched_data() -> PyError {
        PyError::value("string or file could not be read to its end due to unmatched data")
    }
    /// `a.tofile(io.BytesIO())`: NumPy needs a real file. CPython raises
    /// `io.UnsupportedOperation` (an OSError); arrsh has no such class, so the line reads
    /// `OSError: fileno`.
    pub fn no_fileno() -> PyError {
        PyError::new(ErrorKind::OSError, "fileno")
    }
    /// `np.load` of bytes that are no `.npy` file (NumPy would try them as a pickle).
    pub fn npy_pickled() -> PyError {
        PyError::value(
            "This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.",
        )
    }
    /// A `.npy` file that ends early (`_read_bytes`).
    pub fn npy_eof(what: &str, want: usize, got: usize) -> PyError {
        PyError::value(format!(
            "EOF: reading {what}, expected {want} bytes got {got}"
        ))
    }
    /// `np.loadtxt('missing.txt')`: `_datasource`'s message, not `open()`'s.
    pub fn datasource_not_found(path: &str) -> PyError {
        PyError::new(ErrorKind::FileNotFoundError, format!("{path} not found."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: the constructor's text and CPython 3.11's / NumPy 2.4.6's string.
    #[test]
    fn messages_match_cpython_and_numpy() {
        let cases: &[(PyError, &str)] = &[
            (
                PyError::io_on_closed_file(false),
                "ValueError: I/O operation on closed file",
            ),
            (
                PyError::io_on_closed_file(true),
                "ValueError: I/O operation on closed file.",
            ),
            (
                PyError::io_size_argument("float"),
                "TypeError: argument should be integer or None, not 'float'",
            ),
            (
                PyError::stringio_initial_value("int"),
                "TypeError: initial_value must be str or None, not int",
            ),
            (
                PyError::string_argument_expected("int"),
                "TypeError: string argument expected, got 'int'",
            ),
            (
                PyError::invalid_whence(3, false),
                "ValueError: Invalid whence (3, should be 0, 1 or 2)",
            ),
            (
                PyError::invalid_whence(5, true),
                "ValueError: invalid whence (5, should be 0, 1 or 2)",
            ),
            (
                PyError::nonzero_relative_seek(),
                "OSError: Can't do nonzero cur-relative seeks",
            ),
            (
                PyError::negative_seek(-1, false),
                "ValueError: Negative seek position -1",
            ),
            (
                PyError::negative_seek(-1, true),
                "ValueError: negative seek value -1",
            ),
            (
                PyError::negative_size(-1, false),
                "ValueError: Negative size value -1",
            ),
            (
                PyError::os_error(
                    ErrorKind::FileNotFoundError,
                    2,
                    "No such file or directory",
                    "x.csv",
                ),
                "FileNotFoundError: [Errno 2] No such file or directory: 'x.csv'",
            ),
            (
                PyError::savetxt_ndim(3),
                "ValueError: Expected 1D or 2D array, got 3D array instead",
            ),
            (
                PyError::savetxt_fmt_shape("['%d']"),
                "AttributeError: fmt has wrong shape.  ['%d']",
            ),
            (
                PyError::savetxt_fmt_count("%d %d"),
                "ValueError: fmt has wrong number of % formats:  %d %d",
            ),
            (
                PyError::savetxt_invalid_fmt("3"),
                "ValueError: invalid fmt: 3",
            ),
            (
                PyError::savetxt_mismatch("<U1", "%d"),
                "TypeError: Mismatch between array dtype ('<U1') and format specifier ('%d')",
            ),
            (
                PyError::loadtxt_fname("<class 'int'>"),
                "ValueError: fname must be a string, filehandle, list of strings,\nor generator. Got <class 'int'> instead.",
            ),
            (
                PyError::columns_changed(2, 1, 2),
                "ValueError: the number of columns changed from 2 to 1 at row 2; use `usecols` to select a subset and avoid this error",
            ),
            (
                PyError::could_not_convert("x", "float64", 1, 2),
                "ValueError: could not convert string 'x' to float64 at row 1, column 2.",
            ),
            (
                PyError::invalid_column_index(5, 1, 2),
                "ValueError: invalid column index 5 at row 1 with 2 columns",
            ),
            (
                PyError::npy_eof("array header length", 2, 0),
                "ValueError: EOF: reading array header length, expected 2 bytes got 0",
            ),
            (
                PyError::unmatched_data(),
                "ValueError: string or file could not be read to its end due to unmatched data",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(&e.to_string(), want);
        }
    }
}
