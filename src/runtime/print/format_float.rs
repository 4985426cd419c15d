//! numpy's `FormatPositional` / `FormatScientific` (`np.format_float_positional` and
//! `_scientific`): Dragon4's digits laid out with the sign, trimming and padding rules.

use super::dragon4::{BUFFER_SIZE, FloatWidth, decode, digits};

/// numpy's `TrimMode`, named by the letter `format_float_*` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Trim {
    /// `'k'`: keep trailing zeros and the decimal point.
    Keep,
    /// `'.'`: trim trailing zeros, keep the decimal point.
    Zeros,
    /// `'0'`: trim trailing zeros but leave one after the point.
    LeaveOneZero,
    /// `'-'`: trim trailing zeros and the decimal point.
    DptZeros,
}

/// The keyword arguments of `dragon4_positional` / `dragon4_scientific`; `-1` means "not given",
/// as in numpy's C interface.
#[derive(Clone, Copy, Debug)]
pub(super) struct Dragon4Options {
    pub unique: bool,
    /// Positional only: `precision` counts digits after the point (else significant digits).
    pub fractional: bool,
    pub precision: i32,
    pub min_digits: i32,
    /// Show `+` on positive values.
    pub sign: bool,
    pub trim: Trim,
    pub pad_left: i32,
    pub pad_right: i32,
    pub exp_digits: i32,
}

impl Default for Dragon4Options {
    fn default() -> Self {
        Dragon4Options {
            unique: true,
            fractional: true,
            precision: -1,
            min_digits: -1,
            sign: false,
            trim: Trim::Keep,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        }
    }
}

fn sign_prefix(negative: bool, o: &Dragon4Options) -> &'static str {
    if negative {
        "-"
    } else if o.sign {
        "+"
    } else {
        ""
    }
}

/// numpy's `PrintInfNan`: only infinities carry a sign.
fn inf_nan(negative: bool, is_nan: bool, o: &Dragon4Options) -> String {
    if is_nan {
        "nan".into()
    } else {
        format!("{}inf", sign_prefix(negative, o))
    }
}

/// `np.format_float_positional` / `dragon4_positional` (numpy's `FormatPositional`).
pub(super) fn positional(x: f64, width: FloatWidth, o: &Dragon4Options) -> String {
    let (negative, parts) = decode(x, width);
    let parts = match parts {
        Ok(parts) => parts,
        Err(is_nan) => return inf_nan(negative, is_nan, o),
    };
    let sign = sign_prefix(negative, o);
    let has_sign = sign.len() as i32;
    let max_print = BUFFER_SIZE - 1;
    let (ds, print_exp) = digits(
        &parts,
        o.unique,
        o.fractional,
        o.precision,
        o.min_digits,
        max_print - has_sign,
    );
    let n = ds.len() as i32;
    let text = |d: &[u8]| String::from_utf8_lossy(d).into_owned();

    let mut buf = String::from(sign);
    let (whole_digits, mut frac_digits);
    if print_exp >= 0 {
        whole_digits = print_exp + 1;
        if n <= whole_digits {
            buf += &text(&ds);
            buf.extend(std::iter::repeat_n('0', (whole_digits - n) as usize));
            frac_digits = 0;
        } else {
            buf += &text(&ds[..whole_digits as usize]);
            buf.push('.');
            buf += &text(&ds[whole_digits as usize..]);
            frac_digits = n - whole_digits;
        }
    } else {
        let zeros = -(print_exp + 1);
        buf.push_str("0.");
        buf.extend(std::iter::repeat_n('0', zeros as usize));
        buf += &text(&ds);
        frac_digits = n + zeros;
        whole_digits = 1;
    }
    if o.trim != Trim::DptZeros && frac_digits == 0 {
        buf.push('.');
    }
    let add_digits = if o.unique { o.min_digits } else { o.precision };
    let desired = if o.fractional {
        add_digits.max(0)
    } else {
        add_digits - whole_digits
    };
    match o.trim {
        Trim::LeaveOneZero if frac_digits == 0 => {
            buf.push('0');
            frac_digits += 1;
        }
        Trim::Keep if desired > frac_digits => {
            buf.extend(std::iter::repeat_n('0', (desired - frac_digits) as usize));
            frac_digits = desired;
        }
        _ => {}
    }
    if o.trim != Trim::Keep && frac_digits > 0 {
        while buf.ends_with('0') {
            buf.pop();
            frac_digits -= 1;
        }
        if buf.ends_with('.') {
            match o.trim {
                Trim::LeaveOneZero => {
                    buf.push('0');
                    frac_digits += 1;
                }
                Trim::DptZeros => {
                    buf.pop();
                }
                _ => {}
            }
        }
    }
    if o.pad_right >= frac_digits {
        if o.trim == Trim::DptZeros && frac_digits == 0 {
            buf.push(' ');
        }
        buf.extend(std::iter::repeat_n(
            ' ',
            (o.pad_right - frac_digits) as usize,
        ));
    }
    if o.pad_left > whole_digits + has_sign {
        let shift = (o.pad_left - whole_digits - has_sign) as usize;
        buf.insert_str(0, &" ".repeat(shift));
    }
    buf
}

/// `np.format_float_scientific` / `dragon4_scientific` (numpy's `FormatScientific`).
pub(super) fn scientific(x: f64, width: FloatWidth, o: &Dragon4Options) -> String {
    let (negative, parts) = decode(x, width);
    let parts = match parts {
        Ok(parts) => parts,
        Err(is_nan) => return inf_nan(negative, is_nan, o),
    };
    let sign = sign_prefix(negative, o);
    let left_chars = 1 + sign.len() as i32;
    let mut buf = " ".repeat((o.pad_left - left_chars).max(0) as usize);
    buf.push_str(sign);
    let plus_one = |v: i32| if v < 0 { -1 } else { v.saturating_add(1) };
    let buffer = BUFFER_SIZE - buf.len() as i32;
    let (ds, print_exp) = digits(
        &parts,
        o.unique,
        false,
        plus_one(o.precision),
        plus_one(o.min_digits),
        buffer,
    );
    buf.push(ds[0] as char);
    let mut frac_digits = ds.len() as i32 - 1;
    if frac_digits > 0 {
        buf.push('.');
        buf += &String::from_utf8_lossy(&ds[1..]);
    }
    if o.trim != Trim::DptZeros && frac_digits == 0 {
        buf.push('.');
    }
    let add_digits = (if o.unique { o.min_digits } else { o.precision }).max(0);
    match o.trim {
        Trim::LeaveOneZero if frac_digits == 0 => {
            buf.push('0');
            frac_digits += 1;
        }
        Trim::Keep if add_digits > frac_digits => {
            buf.extend(std::iter::repeat_n(
                '0',
                (add_digits - frac_digits) as usize,
            ));
            frac_digits = add_digits;
        }
        _ => {}
    }
    if o.trim != Trim::Keep && frac_digits > 0 {
        while buf.ends_with('0') {
            buf.pop();
        }
        if o.trim == Trim::LeaveOneZero && buf.ends_with('.') {
            buf.push('0');
        }
    }
    let exp_digits = if o.exp_digits < 0 {
        2
    } else {
        o.exp_digits.min(5)
    } as usize;
    let exp_sign = if print_exp >= 0 { '+' } else { '-' };
    buf.push_str(&format!(
        "e{exp_sign}{:0exp_digits$}",
        print_exp.unsigned_abs()
    ));
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, w: FloatWidth, f: impl FnOnce(&mut Dragon4Options)) -> String {
        let mut o = Dragon4Options::default();
        f(&mut o);
        positional(x, w, &o)
    }
    fn sci(x: f64, w: FloatWidth, f: impl FnOnce(&mut Dragon4Options)) -> String {
        let mut o = Dragon4Options::default();
        f(&mut o);
        scientific(x, w, &o)
    }

    #[test]
    fn format_float_matches_numpy() {
        use FloatWidth::*;
        // (ours, numpy 2.4.6's dragon4_positional(fractional=True) / dragon4_scientific, same arguments)
        let cases = [
            (pos(0.1, Double, |_| {}), "0.1"),
            (pos(1.0, Double, |_| {}), "1."),
            (pos(0.1f32 as f64, Single, |_| {}), "0.1"),
            (pos(0.1f32 as f64, Double, |_| {}), "0.10000000149011612"),
            (pos(std::f64::consts::PI, Half, |_| {}), "3.14"),
            (
                pos(0.3, Half, |o| (o.unique, o.precision) = (false, 10)),
                "0.3000488281",
            ),
            (pos(2.675, Double, |o| o.precision = 2), "2.67"),
            (pos(0.125, Double, |o| o.precision = 2), "0.12"),
            (pos(0.375, Double, |o| o.precision = 2), "0.38"),
            (pos(9.995, Double, |o| o.precision = 2), "9.99"),
            (pos(9.9999, Double, |o| o.precision = 2), "10."),
            (pos(1e-5, Double, |o| o.precision = 3), "0.000"),
            (pos(0.0006, Double, |o| o.precision = 3), "0.001"),
            (
                pos(123456.0, Double, |o| {
                    (o.fractional, o.precision) = (false, 3)
                }),
                "123000.",
            ),
            (
                pos(1.5, Double, |o| {
                    (o.min_digits, o.precision, o.trim) = (4, 8, Trim::Keep)
                }),
                "1.5000",
            ),
            (
                pos(0.3, Double, |o| o.min_digits = 17),
                "0.29999999999999999",
            ),
            (pos(1.0, Double, |o| o.trim = Trim::LeaveOneZero), "1.0"),
            (pos(1.0, Double, |o| o.trim = Trim::DptZeros), "1"),
            (
                pos(1.0, Double, |o| (o.trim, o.pad_right) = (Trim::DptZeros, 2)),
                "1   ",
            ),
            (pos(-0.0, Double, |_| {}), "-0."),
            (
                pos(5.0, Double, |o| (o.sign, o.pad_left) = (true, 4)),
                "  +5.",
            ),
            (pos(1e16, Double, |_| {}), "10000000000000000."),
            (
                pos(5e-324, Double, |_| {}),
                format!("0.{}5", "0".repeat(323)).leak(),
            ),
            (pos(f64::NEG_INFINITY, Double, |_| {}), "-inf"),
            (pos(f64::NAN, Double, |o| o.sign = true), "nan"),
            (sci(1e16, Double, |_| {}), "1.e+16"),
            (sci(1.5e-5, Double, |o| o.trim = Trim::DptZeros), "1.5e-05"),
            (sci(1e-5, Double, |o| o.trim = Trim::DptZeros), "1e-05"),
            (sci(1e100, Double, |o| o.exp_digits = 3), "1.e+100"),
            (
                sci(1.23e24f32 as f64, Single, |o| o.exp_digits = 4),
                "1.23e+0024",
            ),
            (
                sci(1.23e24f32 as f64, Single, |o| {
                    (o.unique, o.precision) = (false, 15)
                }),
                "1.230000071797338e+24",
            ),
            (sci(std::f64::consts::PI, Single, |_| {}), "3.1415927e+00"),
            (sci(9.96e10, Double, |o| o.precision = 1), "1.e+11"),
            (
                sci(1e-5, Double, |o| {
                    (o.precision, o.min_digits, o.pad_left) = (1, 1, 2)
                }),
                " 1.0e-05",
            ),
            (sci(65504.0, Half, |_| {}), "6.55e+04"),
            (sci(6e-8, Half, |_| {}), "6.e-08"),
            (sci(5e-324, Double, |_| {}), "5.e-324"),
            (
                sci(1.7976931348623157e308, Double, |_| {}),
                "1.7976931348623157e+308",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
