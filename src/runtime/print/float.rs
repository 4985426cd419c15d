//! Float text: numpy's `FloatingFormat` / `ComplexFloatingFormat` for array elements, the float
//! and complex scalar strings of `scalartypes.c.src`, and CPython's `repr(float)`.

use super::dragon4::{BUFFER_SIZE, FloatWidth};
use super::format_float::{self as ff, Dragon4Options, Trim};
use super::{FloatMode, PrintOptions, py_len};

/// One formatter for all elements of a float array, sized over the elements that are printed
/// (arrayprint's `FloatingFormat`).
#[derive(Clone, Debug)]
pub(super) struct FloatingFormat {
    width: FloatWidth,
    floatmode: FloatMode,
    precision: i32,
    min_digits: i32,
    suppress_small: bool,
    sign: char,
    exp_format: bool,
    pad_left: i32,
    pad_right: i32,
    trim: Trim,
    exp_size: i32,
    unique: bool,
    nanstr: String,
    infstr: String,
    legacy: u32,
}

/// `a / b` computed in the array's own precision, as `max_val / min_val` is in `fillFormat`
/// (float16 arithmetic goes through float32, as numpy's half loops do).
fn quotient(width: FloatWidth, a: f64, b: f64) -> f64 {
    match width {
        FloatWidth::Double => a / b,
        FloatWidth::Single => (a as f32 / b as f32) as f64,
        FloatWidth::Half => width.round((a as f32 / b as f32) as f64),
    }
}

fn char_len(s: &str) -> i32 {
    py_len(s) as i32
}

impl FloatingFormat {
    pub(super) fn new(
        data: &[f64],
        width: FloatWidth,
        opts: &PrintOptions,
        sign: char,
    ) -> FloatingFormat {
        // Dragon4's buffer caps the digits anyway; the cap keeps the i32 arithmetic in range
        let precision = if opts.floatmode == FloatMode::Unique {
            -1
        } else {
            opts.precision.min(BUFFER_SIZE as usize) as i32
        };
        let mut f = FloatingFormat {
            width,
            floatmode: opts.floatmode,
            precision,
            min_digits: -1,
            suppress_small: opts.suppress,
            sign,
            exp_format: false,
            pad_left: 0,
            pad_right: 0,
            trim: Trim::Zeros,
            exp_size: -1,
            unique: true,
            nanstr: opts.nanstr.clone(),
            infstr: opts.infstr.clone(),
            legacy: opts.legacy_level(),
        };
        f.fill_format(data);
        f
    }

    fn fill_format(&mut self, data: &[f64]) {
        let w = self.width;
        let finite: Vec<f64> = data.iter().copied().filter(|x| x.is_finite()).collect();
        let abs_non_zero = finite.iter().filter(|&&x| x != 0.0).map(|x| x.abs());
        let extremes = abs_non_zero.fold(None, |acc: Option<(f64, f64)>, x| match acc {
            None => Some((x, x)),
            Some((hi, lo)) => Some((hi.max(x), lo.min(x))),
        });
        if let Some((max_val, min_val)) = extremes {
            let exp_cutoff_max = if self.legacy <= 202 {
                1e8
            } else {
                10f64.powi(w.decimal_precision().min(8))
            };
            // NEP 50: the Python floats 1e8 and 0.0001 are cast to the array's dtype first
            if max_val >= w.round(exp_cutoff_max)
                || (!self.suppress_small
                    && (min_val < w.round(1e-4) || quotient(w, max_val, min_val) > 1000.0))
            {
                self.exp_format = true;
            }
        }

        let (trim, unique) = if self.floatmode == FloatMode::Fixed {
            (Trim::Keep, false)
        } else {
            (Trim::Zeros, true)
        };
        let probe = Dragon4Options {
            precision: self.precision,
            unique,
            trim,
            sign: self.sign == '+',
            ..Default::default()
        };
        if finite.is_empty() {
            self.pad_left = 0;
            self.pad_right = 0;
            self.trim = Trim::Zeros;
            self.exp_size = -1;
            self.unique = true;
            self.min_digits = -1;
        } else if self.exp_format {
            let (mut int_len, mut frac_len, mut exp_len) = (0, 0, 0);
            for &x in &finite {
                let s = ff::scientific(x, w, &probe);
                let (mantissa, exp) = s.split_once('e').unwrap_or((&s, ""));
                let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
                int_len = int_len.max(char_len(int_part));
                frac_len = frac_len.max(char_len(frac_part));
                exp_len = exp_len.max(char_len(exp));
            }
            self.exp_size = exp_len - 1;
            self.trim = Trim::Keep;
            self.precision = frac_len;
            self.min_digits = frac_len;
            self.unique = unique;
            self.pad_left = int_len;
            self.pad_right = self.exp_size + 2 + self.precision;
        } else {
            let (mut int_len, mut frac_len) = (0, 0);
            for &x in &finite {
                let s = ff::positional(x, w, &probe);
                let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
                int_len = int_len.max(char_len(int_part));
                frac_len = frac_len.max(char_len(frac_part));
            }
            self.pad_left = int_len;
            self.pad_right = frac_len;
            self.exp_size = -1;
            self.unique = unique;
            if matches!(self.floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                self.precision = self.pad_right;
                self.min_digits = self.pad_right;
                self.trim = Trim::Keep;
            } else {
                self.trim = Trim::Zeros;
                self.min_digits = 0;
            }
        }

        // sign=' ' reserves a column for the sign unless a negative value already does
        if self.sign == ' ' && !finite.iter().any(|x| x.is_sign_negative()) {
            self.pad_left += 1;
        }
        if data.len() != finite.len() {
            let neginf = self.sign != '-' || data.contains(&f64::NEG_INFINITY);
            let offset = self.pad_right + 1;
            self.pad_left = self
                .pad_left
                .max(char_len(&self.nanstr) - offset)
                .max(char_len(&self.infstr) + neginf as i32 - offset);
        }
    }

    pub(super) fn format(&self, x: f64) -> String {
        if !x.is_finite() {
            let plus = if self.sign == '+' { "+" } else { "" };
            let ret = if x.is_nan() {
                format!("{plus}{}", self.nanstr)
            } else {
                format!("{}{}", if x < 0.0 { "-" } else { plus }, self.infstr)
            };
            let pad = (self.pad_left + self.pad_right + 1 - char_len(&ret)).max(0) as usize;
            return " ".repeat(pad) + &ret;
        }
        let o = Dragon4Options {
            unique: self.unique,
            fractional: true,
            precision: self.precision,
            min_digits: self.min_digits,
            sign: self.sign == '+',
            trim: self.trim,
            pad_left: self.pad_left,
            pad_right: self.pad_right,
            exp_digits: self.exp_size,
        };
        if self.exp_format {
            ff::scientific(x, self.width, &o)
        } else {
            ff::positional(x, self.width, &o)
        }
    }
}

/// arrayprint's `ComplexFloatingFormat`: real and imaginary columns sized separately.
#[derive(Clone, Debug)]
pub(super) struct ComplexFloatingFormat {
    real: FloatingFormat,
    imag: FloatingFormat,
}

impl ComplexFloatingFormat {
    pub(super) fn new(
        data: &[(f64, f64)],
        width: FloatWidth,
        opts: &PrintOptions,
    ) -> ComplexFloatingFormat {
        let re: Vec<f64> = data.iter().map(|c| c.0).collect();
        let im: Vec<f64> = data.iter().map(|c| c.1).collect();
        ComplexFloatingFormat {
            real: FloatingFormat::new(&re, width, opts, opts.sign),
            imag: FloatingFormat::new(&im, width, opts, '+'),
        }
    }

    pub(super) fn format(&self, re: f64, im: f64) -> String {
        let r = self.real.format(re);
        let mut i = self.imag.format(im);
        // the 'j' goes before the imaginary part's right padding
        let end = i.trim_end().len();
        i.insert(end, 'j');
        r + &i
    }
}

/// scalartypes.c's `@name@type_@kind@_either`: positional inside [1e-4, max_positional), else
/// scientific; numpy 2.3+ (legacy > 2.2) lowers `max_positional` for float16/32.
fn scalar_either(
    x: f64,
    w: FloatWidth,
    legacy: u32,
    trim_pos: Trim,
    trim_sci: Trim,
    sign: bool,
) -> String {
    let max_positional = match w {
        _ if legacy <= 202 => 1e16,
        FloatWidth::Half => 1e3,
        FloatWidth::Single => 1e6,
        FloatWidth::Double => 1e16,
    };
    let abs = x.abs();
    let o = Dragon4Options {
        sign,
        ..Default::default()
    };
    if x.is_nan() || x == 0.0 || (abs < max_positional && abs >= 1e-4) {
        ff::positional(
            x,
            w,
            &Dragon4Options {
                trim: trim_pos,
                ..o
            },
        )
    } else {
        ff::scientific(
            x,
            w,
            &Dragon4Options {
                trim: trim_sci,
                ..o
            },
        )
    }
}

/// `str(np.float64(x))` (and float16/32); also the repr before the `np.float64(...)` wrapper.
pub(super) fn float_scalar_str(x: f64, w: FloatWidth, legacy: u32) -> String {
    scalar_either(x, w, legacy, Trim::LeaveOneZero, Trim::DptZeros, false)
}

/// The pieces of `str(np.complex128(z))` as scalartypes.c builds them.
pub(super) enum ComplexText {
    /// The real part is +0: printed `{imag}j`.
    Imag(String),
    /// Printed `({real}{imag}j)`; the imaginary part carries its sign.
    Full(String, String),
}

impl ComplexText {
    /// `{imag}j`, or `{real}{imag}j`, in parentheses when `parens` (numpy 2's repr drops them).
    pub(super) fn join(self, parens: bool) -> String {
        match self {
            ComplexText::Imag(imag) => format!("{imag}j"),
            ComplexText::Full(real, imag) if parens => format!("({real}{imag}j)"),
            ComplexText::Full(real, imag) => format!("{real}{imag}j"),
        }
    }
}

pub(super) fn complex_scalar_parts(re: f64, im: f64, w: FloatWidth, legacy: u32) -> ComplexText {
    let part =
        |x: f64, sign: bool| scalar_either(x, w, legacy, Trim::DptZeros, Trim::DptZeros, sign);
    if re == 0.0 && !re.is_sign_negative() {
        return ComplexText::Imag(part(im, false));
    }
    let rstr = match re {
        _ if re.is_finite() => part(re, false),
        _ if re.is_nan() => "nan".into(),
        _ if re > 0.0 => "inf".into(),
        _ => "-inf".into(),
    };
    let istr = match im {
        _ if im.is_finite() => part(im, true),
        _ if im.is_nan() => "+nan".into(),
        _ if im > 0.0 => "+inf".into(),
        _ => "-inf".into(),
    };
    ComplexText::Full(rstr, istr)
}

/// CPython's `repr(float)`: shortest round-trip digits, scientific when the decimal exponent is
/// below -4 or at least 16.
pub fn python_float_repr(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let sci = ff::scientific(
        x,
        FloatWidth::Double,
        &Dragon4Options {
            trim: Trim::DptZeros,
            ..Default::default()
        },
    );
    let exp: i32 = sci
        .rsplit_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    if x != 0.0 && !(-4..16).contains(&exp) {
        sci
    } else {
        let o = Dragon4Options {
            trim: Trim::LeaveOneZero,
            ..Default::default()
        };
        ff::positional(x, FloatWidth::Double, &o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_float_repr_matches_cpython() {
        // (value, CPython 3.11 repr)
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-5, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789.125, "123456789.125"),
            (1e22, "1e+22"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.30000000000000004, "0.30000000000000004"),
            (2.0 / 3.0, "0.6666666666666666"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-2.5e-7, "-2.5e-07"),
        ];
        for (x, want) in cases {
            assert_eq!(python_float_repr(x), want, "{x:e}");
        }
    }
}
