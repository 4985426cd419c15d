//! How messages print shapes and byte counts: Python's tuples, NumPy's C tuples, NumPy's
//! human-readable sizes.

/// Formats a shape as Python prints a tuple of ints: `(5,)`, `(2, 3)`, `()`.
pub fn shape_str(shape: &[usize]) -> String {
    tuple_of(shape, ", ")
}

/// A shape as NumPy's C code prints it (`convert_shape_to_string`): no spaces, `(3,4)`, `(5,)`.
pub fn np_shape_str(shape: &[usize]) -> String {
    tuple_of(shape, ",")
}

/// NumPy's `convert_shape_to_string`, where a negative entry is an axis the operand lacks: it
/// drops leading ones, writes later ones as `newaxis`, puts no spaces (`(4,newaxis)`), and
/// for `(-1, 4)` gives the odd `(4)` (reshape's and the iterator's broadcast messages).
pub fn np_shape_str_newaxis(shape: &[i128]) -> String {
    let Some(first) = shape.iter().position(|&d| d >= 0) else {
        return "()".into();
    };
    let mut out = shape[first].to_string();
    for &d in &shape[first + 1..] {
        if d < 0 {
            out.push_str(",newaxis");
        } else {
            out.push_str(&format!(",{d}"));
        }
    }
    if first + 1 == shape.len() && first == 0 {
        format!("({out},)")
    } else {
        format!("({out})")
    }
}

/// A tuple of ints with the given separator; one element keeps its trailing comma.
fn tuple_of(shape: &[usize], sep: &str) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => {
            let items: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", items.join(sep))
        }
    }
}

/// NumPy's `_ArrayMemoryError._size_to_string` (numpy/_core/_exceptions.py, NumPy 2.4).
pub fn human_bytes(nbytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bit_length = 128 - nbytes.leading_zeros() as usize;
    let mut unit_i = bit_length.saturating_sub(1).max(1) / 10;
    let mut n_units = nbytes as f64 / (1u128 << (unit_i * 10)) as f64;
    // pick a unit that is still right after rounding
    if n_units.round() == 1024.0 {
        unit_i += 1;
        n_units /= 1024.0;
    }
    if unit_i >= UNITS.len() {
        n_units *= (1u128 << ((unit_i - (UNITS.len() - 1)) * 10)) as f64;
        unit_i = UNITS.len() - 1;
    }
    let unit = UNITS[unit_i];
    if unit_i == 0 {
        format!("{n_units:.0} {unit}")
    } else if n_units.round() < 1000.0 {
        format!("{} {unit}", format_alt_3g(n_units))
    } else {
        format!("{n_units:.0}. {unit}")
    }
}

/// Python's `'{:#.3g}'` for 1 <= x < 1000: three significant digits, trailing point kept.
fn format_alt_3g(x: f64) -> String {
    let sci = format!("{x:.2e}"); // e.g. "2.56e2"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let point = (exp.parse::<i32>().unwrap_or(0) + 1).clamp(1, 3) as usize;
    format!("{}.{}", &digits[..point], &digits[point..])
}
