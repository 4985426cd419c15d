//! datetime64/timedelta64 values: time units, ISO 8601 parsing and printing, and casts between
//! units with calendar math for months and years (NumPy 2.4's `datetime.c`,
//! `datetime_strings.c`). A value is an `i64` count of units since 1970-01-01T00:00 (weeks
//! too: 1970-01-01 starts week 0); `i64::MIN` is NaT.

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::kernels::broadcast_layout;
use super::layout::Layout;
use super::scalar::Scalar;
use crate::error::{PyError, PyResult};

/// `NPY_DATETIME_NAT`.
pub const NAT: i64 = i64::MIN;

/// A datetime unit (`NPY_DATETIMEUNIT`), coarsest first; `Generic` is the unit of a value
/// that has none yet (`np.timedelta64(5)`, `np.datetime64('NaT')`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Y,
    M,
    W,
    D,
    H,
    Min,
    S,
    Ms,
    Us,
    Ns,
    Ps,
    Fs,
    As,
    Generic,
}

const UNITS: [(Unit, &str, &str); 14] = [
    (Unit::Y, "Y", "years"),
    (Unit::M, "M", "months"),
    (Unit::W, "W", "weeks"),
    (Unit::D, "D", "days"),
    (Unit::H, "h", "hours"),
    (Unit::Min, "m", "minutes"),
    (Unit::S, "s", "seconds"),
    (Unit::Ms, "ms", "milliseconds"),
    (Unit::Us, "us", "microseconds"),
    (Unit::Ns, "ns", "nanoseconds"),
    (Unit::Ps, "ps", "picoseconds"),
    (Unit::Fs, "fs", "femtoseconds"),
    (Unit::As, "as", "attoseconds"),
    (Unit::Generic, "generic", "generic time units"),
];

impl Unit {
    /// `'D'`, `'h'`, `'generic'`: NumPy's unit strings.
    pub fn code(self) -> &'static str {
        UNITS.iter().find(|u| u.0 == self).map_or("", |u| u.1)
    }
    /// The word `str(np.timedelta64(3, 'D'))` uses: `3 days`.
    pub fn verbose(self) -> &'static str {
        UNITS.iter().find(|u| u.0 == self).map_or("", |u| u.2)
    }
    /// A unit string (`'D'`, `'us'`, `'generic'`; `'μs'` too, as NumPy accepts it).
    pub fn parse(code: &str) -> Option<Unit> {
        let code = if code == "μs" { "us" } else { code };
        UNITS.iter().find(|u| u.1 == code).map(|u| u.0)
    }
    /// Units of a fixed length: (numerator, denominator) of one unit in attoseconds would
    /// overflow, so the length is kept as nanoseconds times 10^-k: this gives the length of one
    /// unit in attoseconds as an i128 (`None` for years, months and generic).
    fn attoseconds(self) -> Option<i128> {
        const NS: i128 = 1_000_000_000;
        Some(match self {
            Unit::W => 7 * 86_400 * NS * NS,
            Unit::D => 86_400 * NS * NS,
            Unit::H => 3_600 * NS * NS,
            Unit::Min => 60 * NS * NS,
            Unit::S => NS * NS,
            Unit::Ms => NS * NS / 1_000,
            Unit::Us => NS * NS / 1_000_000,
            Unit::Ns => NS,
            Unit::Ps => 1_000_000,
            Unit::Fs => 1_000,
            Unit::As => 1,
            Unit::Y | Unit::M | Unit::Generic => return None,
        })
    }
}

/// NumPy's datetime metadata (`PyArray_DatetimeMetaData`): a base unit and how many of it one
/// tick counts — `[15m]` ticks in quarter hours, `[D]` is `num == 1`. A value is a count of
/// ticks; it reaches the calendar as `value * num` base units. Invariant: `num <= i32::MAX`
/// (NumPy keeps it in a C int); 0 is allowed, as NumPy allows it (`M8[0D]`: every value is the
/// epoch).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeUnit {
    pub base: Unit,
    pub num: u32,
}

impl From<Unit> for TimeUnit {
    fn from(base: Unit) -> TimeUnit {
        TimeUnit { base, num: 1 }
    }
}

impl TimeUnit {
    pub const GENERIC: TimeUnit = TimeUnit::new(Unit::Generic, 1);
    pub const fn new(base: Unit, num: u32) -> TimeUnit {
        TimeUnit { base, num }
    }
    /// NumPy's `metastr_to_unicode(meta, skip_brackets=1)`: `D`, `15m`, `generic`.
    pub fn code(self) -> String {
        match (self.base, self.num) {
            (Unit::Generic, _) | (_, 1) => self.base.code().into(),
            (b, n) => format!("{n}{}", b.code()),
        }
    }
    pub fn is_generic(self) -> bool {
        self.base == Unit::Generic
    }
    /// A value in ticks as a count of base units (`scal->obval * meta->num`, int64 arithmetic
    /// as NumPy's).
    fn to_base(self, v: i64) -> i64 {
        v.wrapping_mul(i64::from(self.num))
    }

    /// NumPy's `parse_datetime_extended_unit_from_string`: `[num]unit[/den]` with C `strtol`'s
    /// number (leading blanks and a sign allowed, at most `INT_MAX`, not negative). `bracketed`
    /// is the `[...]` text of a dtype string the error messages quote (`None` for a unit given
    /// on its own, `np.datetime64(x, '10D')`).
    pub fn parse(text: &str, bracketed: Option<&str>) -> PyResult<TimeUnit> {
        let b = text.as_bytes();
        // the error's position counts from the '[' of the bracketed text
        let bad = |pos: usize| match bracketed {
            Some(m) => PyError::datetime_metadata_at(m, pos + 1),
            None => PyError::datetime_metadata(text),
        };
        let (num, after_num) = match strtol(b) {
            None => (1, 0),
            Some((n, _)) if !(0..=i64::from(i32::MAX)).contains(&n) => return Err(bad(0)),
            Some((n, end)) => (n as u32, end),
        };
        let unit_end = b[after_num..]
            .iter()
            .position(|&c| c == b'/')
            .map_or(b.len(), |k| after_num + k);
        if unit_end == after_num {
            return Err(bad(after_num));
        }
        let code = &text[after_num..unit_end];
        let base = Unit::parse(code).ok_or_else(|| match bracketed {
            Some(m) => PyError::datetime_unit_in_metadata_string(m),
            None => PyError::datetime_unit_in_metadata(&text[after_num..]),
        })?;
        let mut unit = TimeUnit::new(base, num);
        if unit_end < b.len() {
            // '/den' and, inside brackets, nothing after it
            let den_at = unit_end + 1;
            let Some((den, end)) = strtol(&b[den_at..]) else {
                return Err(bad(den_at));
            };
            if end + den_at != b.len() {
                return Err(bad(den_at + end));
            }
            // C's `(int)strtol(...)`
            let den = den as i32;
            if den != 1 {
                unit = unit.divided(den, bracketed)?;
            }
        }
        Ok(unit)
    }

    /// A unit from `(unit, num, den)` parts already checked positive (a metadata tuple).
    pub fn from_parts(base: Unit, num: i64, den: i64) -> PyResult<TimeUnit> {
        // C's int fields keep the low 32 bits
        let unit = TimeUnit::new(base, (num as i32).max(0) as u32);
        match den as i32 {
            1 => Ok(unit),
            d => unit.divided(d, None),
        }
    }

    /// NumPy's `convert_datetime_divisor_to_multiple`: `[h/4]` is `[15m]`, trying the next
    /// finer units in NumPy's table order.
    fn divided(self, den: i32, bracketed: Option<&str>) -> PyResult<TimeUnit> {
        use Unit::*;
        let tries: &[(i64, Unit)] = match self.base {
            Generic => return Err(PyError::value("Can't use 'den' divisor with generic units")),
            Y => &[(12, M), (52, W), (365, D)],
            M => &[(4, W), (30, D), (720, H)],
            W => &[(7, D), (168, H), (10080, Min)],
            D => &[(24, H), (1440, Min), (86400, S)],
            H => &[(60, Min), (3600, S)],
            Min => &[(60, S), (60000, Ms)],
            S => &[(1000, Ms), (1_000_000, Us)],
            Ms => &[(1000, Us), (1_000_000, Ns)],
            Us => &[(1000, Ns), (1_000_000, Ps)],
            Ns => &[(1000, Ps), (1_000_000, Fs)],
            Ps => &[(1000, Fs), (1_000_000, As)],
            Fs => &[(1000, As)],
            As => &[],
        };
        let den = i64::from(den);
        let hit = (den != 0)
            .then(|| tries.iter().find(|(n, _)| n % den == 0))
            .flatten();
        let Some(&(n, base)) = hit else {
            return Err(PyError::datetime_divisor(den, bracketed));
        };
        let num = i64::from(self.num).wrapping_mul(n / den) as i32;
        Ok(TimeUnit::new(base, num.max(0) as u32))
    }
}

/// C's `strtol(s, &end, 10)` on ASCII: leading blanks, a sign, digits. `None` when no digit
/// was read (C's `end == s`); the value saturates as C's does.
fn strtol(b: &[u8]) -> Option<(i64, usize)> {
    let mut k = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let neg = matches!(b.get(k), Some(b'-'));
    if matches!(b.get(k), Some(b'-' | b'+')) {
        k += 1;
    }
    let start = k;
    let mut v: i64 = 0;
    while let Some(d) = b.get(k).filter(|c| c.is_ascii_digit()) {
        v = v.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        k += 1;
    }
    (k > start).then_some((if neg { -v } else { v }, k))
}

/// NumPy's `get_datetime_units_factor`: the product of its `_datetime_factors` from `big` down
/// to `little` — how many `little` units one `big` unit holds for units of a fixed length,
/// and NumPy's placeholder 1 across years and months (years to days is 7). `None` past 2^56,
/// NumPy's overflow margin.
fn units_factor(big: Unit, little: Unit) -> Option<u64> {
    const FACTORS: [u64; 14] = [
        1, 1, 7, 24, 60, 60, 1000, 1000, 1000, 1000, 1000, 1000, 1, 0,
    ];
    let mut f: u64 = 1;
    for factor in &FACTORS[big as usize..little as usize] {
        f = f.wrapping_mul(*factor);
        if f & 0xff00_0000_0000_0000 != 0 {
            return None;
        }
    }
    (f != 0).then_some(f)
}

fn gcd(mut x: u64, mut y: u64) -> u64 {
    while y != 0 {
        (x, y) = (y, x % y);
    }
    x
}

/// NumPy's `compute_datetime_metadata_greatest_common_divisor`: the unit both values can be
/// counted in (`[15m]` and `[h]` give `[15m]`, `[15m]` and `[10m]` `[5m]`). Years and months
/// have no fixed length: a timedelta side (`strict_*`) refuses to mix them with other units,
/// a datetime side takes the other unit.
pub fn common_unit(a: TimeUnit, b: TimeUnit, strict_a: bool, strict_b: bool) -> PyResult<TimeUnit> {
    if a.is_generic() {
        return Ok(b);
    }
    if b.is_generic() {
        return Ok(a);
    }
    let (mut n1, mut n2) = (u64::from(a.num), u64::from(b.num));
    let incompatible = || PyError::datetime_incompatible_units(&a.bracketed(), &b.bracketed());
    let overflow = || PyError::datetime_divisor_overflow(&a.bracketed(), &b.bracketed());
    let base = if a.base == b.base {
        a.base
    } else {
        use Unit::{M, Y};
        let calendar = |u: Unit| matches!(u, Y | M);
        // years and months count each other; only a datetime side mixes them with fixed units
        match (a.base, b.base) {
            (Y, M) => n1 *= 12,
            (M, Y) => n2 *= 12,
            (x, _) if calendar(x) && strict_a => return Err(incompatible()),
            (_, y) if calendar(y) && strict_b => return Err(incompatible()),
            _ => {}
        }
        // the finer base (NumPy scales by its factor table even across a calendar unit)
        if a.base > b.base {
            n2 = n2
                .checked_mul(units_factor(b.base, a.base).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
            a.base
        } else {
            n1 = n1
                .checked_mul(units_factor(a.base, b.base).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
            b.base
        }
    };
    let g = gcd(n1, n2);
    u32::try_from(g)
        .ok()
        .filter(|&g| g > 0 && g <= i32::MAX as u32)
        .map(|num| TimeUnit::new(base, num))
        .ok_or_else(overflow)
}

impl TimeUnit {
    /// `[15m]`, or nothing for the generic unit (`metastr_to_unicode(meta, 0)`).
    pub fn bracketed(self) -> String {
        if self.is_generic() {
            String::new()
        } else {
            format!("[{}]", self.code())
        }
    }
}

/// NumPy's `datetime_metadata_divides(dividend, divisor, strict)`: whether a tick of
/// `divisor` divides one of `dividend` evenly. Years and months against fixed units: never
/// when `strict`, always otherwise (NumPy's "could do something complicated here").
pub fn divides(dividend: TimeUnit, divisor: TimeUnit, strict: bool) -> bool {
    if dividend.is_generic() {
        return true;
    }
    if divisor.is_generic() {
        return false;
    }
    let (mut n1, mut n2) = (u64::from(dividend.num), u64::from(divisor.num));
    let (a, b) = (dividend.base, divisor.base);
    if a != b {
        let calendar = |u: Unit| matches!(u, Unit::Y | Unit::M);
        match (a, b) {
            (Unit::Y, Unit::M) => n1 *= 12,
            (Unit::M, Unit::Y) => n2 *= 12,
            _ if calendar(a) || calendar(b) => return !strict,
            _ => {}
        }
        let scaled = if a > b {
            units_factor(b, a).map(|f| n2 = n2.wrapping_mul(f))
        } else {
            units_factor(a, b).map(|f| n1 = n1.wrapping_mul(f))
        };
        if scaled.is_none() {
            return false;
        }
    }
    if (n1 | n2) & 0xff00_0000_0000_0000 != 0 || n2 == 0 {
        return false;
    }
    n1 % n2 == 0
}

/// `np.result_type` with a datetime or timedelta: the common unit (`common_unit`); a timedelta
/// and an integer give the timedelta; a datetime and a timedelta give the datetime. `Ok(None)`:
/// no common dtype.
pub fn promote_time(a: DType, b: DType) -> PyResult<Option<DType>> {
    let unit = |d: DType| d.time_unit().unwrap_or(TimeUnit::GENERIC);
    let common = || {
        common_unit(
            unit(a),
            unit(b),
            a.kind == Kind::Timedelta,
            b.kind == Kind::Timedelta,
        )
    };
    Ok(match (a.kind, b.kind) {
        (Kind::Datetime, Kind::Datetime | Kind::Timedelta) | (Kind::Timedelta, Kind::Datetime) => {
            Some(DType::datetime(common()?))
        }
        (Kind::Timedelta, Kind::Timedelta) => Some(DType::timedelta(common()?)),
        (Kind::Timedelta, Kind::Int | Kind::UInt | Kind::Bool) => Some(a),
        (Kind::Int | Kind::UInt | Kind::Bool, Kind::Timedelta) => Some(b),
        _ => None,
    })
}

/// The characters `astype('U')` gives a datetime64/timedelta64 array (NumPy's
/// `get_datetime_iso_8601_strlen`; a timedelta prints as an int64).
pub fn string_length(dt: DType) -> usize {
    if dt.kind == Kind::Timedelta {
        return 21;
    }
    match dt.time_unit().unwrap_or(TimeUnit::GENERIC).base {
        Unit::Y | Unit::Generic => 22,
        Unit::M => 25,
        Unit::W | Unit::D => 28,
        Unit::H => 32,
        Unit::Min => 35,
        Unit::S => 38,
        Unit::Ms => 42,
        Unit::Us => 45,
        Unit::Ns => 48,
        Unit::Ps => 51,
        Unit::Fs => 54,
        Unit::As => 57,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1–12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A datetime value cast to another unit (NumPy's `cast_datetime_to_datetime`): through the
/// calendar, coarser units floor (2024-01-15 in weeks is the week starting 2024-01-11; in
/// `[10D]` the tick starting 2024-01-13). `None` when the result overflows.
pub fn cast_datetime(v: i64, from: TimeUnit, to: TimeUnit) -> Option<i64> {
    if v == NAT || from == to || from.is_generic() || to.is_generic() {
        return Some(v);
    }
    let out = cast_datetime_base(i128::from(from.to_base(v)), from.base, to.base)?;
    // `convert_datetimestruct_to_datetime` divides only for a count above 1
    let out = if to.num > 1 {
        out.div_euclid(i128::from(to.num))
    } else {
        out
    };
    i64::try_from(out).ok().filter(|&x| x != NAT)
}

/// `cast_datetime` between base units.
fn cast_datetime_base(v: i128, from: Unit, to: Unit) -> Option<i128> {
    if from == to {
        return Some(v);
    }
    // through (months since 1970, attoseconds into the month) for calendar units, else as
    // attoseconds since the epoch
    let day_atto = Unit::D.attoseconds()?;
    let total_atto = match from {
        Unit::Y | Unit::M => {
            let mo = if from == Unit::Y {
                v.checked_mul(12)?
            } else {
                v
            };
            let (y, m) = (1970 + mo.div_euclid(12), mo.rem_euclid(12) + 1);
            let days = days_from_civil(i64::try_from(y).ok()?, m as i64, 1);
            i128::from(days).checked_mul(day_atto)?
        }
        _ => v.checked_mul(from.attoseconds()?)?,
    };
    Some(match to {
        Unit::Y | Unit::M => {
            let day = total_atto.div_euclid(day_atto);
            let (y, m, _) = civil_from_days(i64::try_from(day).ok()?);
            let mo = (y - 1970) as i128 * 12 + (m - 1) as i128;
            if to == Unit::Y { mo.div_euclid(12) } else { mo }
        }
        _ => total_atto.div_euclid(to.attoseconds()?),
    })
}

/// NumPy's `get_datetime_conversion_factor`: `value * num / denom` converts counts of `from`
/// into counts of `to`, in lowest terms; years and months against fixed units use the average
/// of the 400-year leap cycle (a year is 365.2425 days). `None`: the factor overflows.
fn conversion_factor(from: TimeUnit, to: TimeUnit) -> Option<(i128, i128)> {
    if from.is_generic() || to.is_generic() {
        return Some((1, 1));
    }
    let (big, little, swapped) = if from.base <= to.base {
        (from.base, to.base, false)
    } else {
        (to.base, from.base, true)
    };
    let (mut num, mut denom): (u128, u128) = (1, 1);
    const CYCLE_DAYS: u128 = 97 + 400 * 365;
    if big != little {
        match (big, little) {
            (Unit::Y, Unit::M) => num *= 12,
            (Unit::Y, Unit::W) => (num, denom) = (CYCLE_DAYS, 400 * 7),
            (Unit::Y, _) => {
                (num, denom) = (CYCLE_DAYS, 400);
                num *= u128::from(units_factor(Unit::D, little)?);
            }
            (Unit::M, Unit::W) => (num, denom) = (CYCLE_DAYS, 400 * 12 * 7),
            (Unit::M, _) => {
                (num, denom) = (CYCLE_DAYS, 400 * 12);
                num *= u128::from(units_factor(Unit::D, little)?);
            }
            _ => num *= u128::from(units_factor(big, little)?),
        }
    }
    if swapped {
        (num, denom) = (denom, num);
    }
    num *= u128::from(from.num);
    denom *= u128::from(to.num);
    let g = (gcd(u64::try_from(num).ok()?, u64::try_from(denom).ok()?) as u128).max(1);
    Some(((num / g) as i128, (denom / g) as i128))
}

/// A timedelta cast to another unit, as NumPy's strided cast does it: `value * num / denom`
/// (`conversion_factor`) rounded toward minus infinity. `None` when the result overflows.
pub fn cast_timedelta(v: i64, from: TimeUnit, to: TimeUnit) -> Option<i64> {
    if v == NAT || from == to || from.is_generic() || to.is_generic() {
        return Some(v);
    }
    let (num, denom) = conversion_factor(from, to)?;
    if denom == 0 {
        return None;
    }
    // past i128 the result is past int64 too: no value
    let out = i128::from(v).checked_mul(num)?.div_euclid(denom);
    i64::try_from(out).ok().filter(|&x| x != NAT)
}

/// Parses an ISO 8601 datetime as `np.datetime64(str)` reads it: the value and the unit the
/// string implies (`'2024'` years ... `'2024-03-02T12:30:05.123'` milliseconds); `NaT` in any
/// case is NaT with the generic unit.
pub fn parse_datetime(s: &str) -> PyResult<(i64, Unit)> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("nat") || t.is_empty() {
        return Ok((NAT, Unit::Generic));
    }
    // NumPy's two words that read the clock: 'now' (UTC, in seconds) and 'today' (NumPy's is
    // the local date; arrsh has no time zone and takes UTC's — the same where TZ is UTC)
    if t == "now" || t == "today" {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        return Ok(if t == "now" {
            (secs, Unit::S)
        } else {
            (secs.div_euclid(86_400), Unit::D)
        });
    }
    let b = t.as_bytes();
    let bad = |pos: usize| PyError::datetime_parse(s, pos);
    let mut pos = 0;
    let digits = |pos: &mut usize, n: usize| -> Option<i64> {
        let end = *pos + n;
        let part = b.get(*pos..end)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        *pos = end;
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let neg = b.first() == Some(&b'-');
    if neg {
        pos += 1;
    }
    let start = pos;
    while pos < b.len() && b[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos - start < 4 {
        return Err(bad(pos));
    }
    let year: i64 = t[start..pos].parse().map_err(|_| bad(start))?;
    let year = if neg { -year } else { year };
    let done = |pos: usize| pos == b.len();
    if done(pos) {
        return Ok((year - 1970, Unit::Y));
    }
    if b[pos] != b'-' {
        return Err(bad(pos));
    }
    pos += 1;
    let month = digits(&mut pos, 2).ok_or_else(|| bad(pos))?;
    if !(1..=12).contains(&month) {
        return Err(PyError::datetime_field_out_of_range("Month", s));
    }
    if done(pos) {
        return Ok(((year - 1970) * 12 + month - 1, Unit::M));
    }
    if b[pos] != b'-' {
        return Err(bad(pos));
    }
    pos += 1;
    let day = digits(&mut pos, 2).ok_or_else(|| bad(pos))?;
    if day < 1 || day > days_in_month(year, month) {
        return Err(PyError::datetime_field_out_of_range("Day", s));
    }
    let days = days_from_civil(year, month, day);
    if done(pos) {
        return Ok((days, Unit::D));
    }
    if b[pos] != b'T' && b[pos] != b' ' {
        return Err(bad(pos));
    }
    pos += 1;
    let hour = digits(&mut pos, 2).ok_or_else(|| bad(pos))?;
    if hour > 23 {
        return Err(PyError::datetime_field_out_of_range("Hours", s));
    }
    let hours = days * 24 + hour;
    if done(pos) {
        return Ok((hours, Unit::H));
    }
    if b[pos] != b':' {
        return Err(bad(pos));
    }
    pos += 1;
    let minute = digits(&mut pos, 2).ok_or_else(|| bad(pos))?;
    if minute > 59 {
        return Err(PyError::datetime_field_out_of_range("Minutes", s));
    }
    let minutes = hours * 60 + minute;
    if done(pos) {
        return Ok((minutes, Unit::Min));
    }
    if b[pos] != b':' {
        return Err(bad(pos));
    }
    pos += 1;
    let second = digits(&mut pos, 2).ok_or_else(|| bad(pos))?;
    if second > 59 {
        return Err(PyError::datetime_field_out_of_range("Seconds", s));
    }
    let seconds = minutes * 60 + second;
    if done(pos) {
        return Ok((seconds, Unit::S));
    }
    if b[pos] != b'.' {
        return Err(bad(pos));
    }
    pos += 1;
    let fstart = pos;
    while pos < b.len() && b[pos].is_ascii_digit() && pos - fstart < 18 {
        pos += 1;
    }
    let nd = pos - fstart;
    if nd == 0 || !done(pos) {
        return Err(bad(pos));
    }
    // 1-3 digits are milliseconds, 4-6 microseconds, ... as NumPy's parser groups them
    let groups = nd.div_ceil(3);
    let unit = [Unit::Ms, Unit::Us, Unit::Ns, Unit::Ps, Unit::Fs, Unit::As][groups - 1];
    let mut frac: i64 = t[fstart..pos].parse().map_err(|_| bad(fstart))?;
    for _ in nd..groups * 3 {
        frac *= 10;
    }
    let v = (seconds as i128 * 1000i128.pow(groups as u32) + frac as i128)
        .try_into()
        .map_err(|_| bad(fstart))?;
    Ok((v, unit))
}

/// `str()` of a datetime at its unit: `2024`, `2024-01`, `2024-01-15` (weeks print as their
/// first day), `2024-03-02T12`, `...T12:30`, `...T12:30:05`, `...T12:30:05.123`; `NaT`.
pub fn format_datetime(v: i64, unit: TimeUnit) -> String {
    if v == NAT {
        return "NaT".into();
    }
    if unit.is_generic() {
        return v.to_string();
    }
    format_datetime_base(unit.to_base(v), unit.base)
}

/// `format_datetime` of a count of base units.
fn format_datetime_base(v: i64, unit: Unit) -> String {
    match unit {
        Unit::Y => return format_year(v.wrapping_add(1970)),
        Unit::M => {
            let (y, m) = (1970 + v.div_euclid(12), v.rem_euclid(12) + 1);
            return format!("{}-{m:02}", format_year(y));
        }
        Unit::Generic => return v.to_string(),
        _ => {}
    }
    let Some(per) = unit.attoseconds() else {
        return v.to_string();
    };
    // whole days first, then the attoseconds into the day: `v * per` alone overflows i128
    // for weeks near the ends of int64
    let day_atto = Unit::D.attoseconds().unwrap_or(1);
    let (days, into) = if per >= day_atto {
        (v as i128 * (per / day_atto), 0)
    } else {
        let ticks_per_day = day_atto / per;
        let v = v as i128;
        (
            v.div_euclid(ticks_per_day),
            v.rem_euclid(ticks_per_day) * per,
        )
    };
    let (y, m, d) = civil_from_days(days as i64);
    let date = format!("{}-{m:02}-{d:02}", format_year(y));
    if matches!(unit, Unit::W | Unit::D) {
        return date;
    }
    let sec_atto = Unit::S.attoseconds().unwrap_or(1);
    let secs = (into / sec_atto) as i64;
    let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    match unit {
        Unit::H => format!("{date}T{h:02}"),
        Unit::Min => format!("{date}T{h:02}:{mi:02}"),
        Unit::S => format!("{date}T{h:02}:{mi:02}:{s:02}"),
        _ => {
            let digits = match unit {
                Unit::Ms => 3,
                Unit::Us => 6,
                Unit::Ns => 9,
                Unit::Ps => 12,
                Unit::Fs => 15,
                _ => 18,
            };
            let frac = (into % sec_atto) / 10i128.pow(18 - digits);
            format!(
                "{date}T{h:02}:{mi:02}:{s:02}.{frac:0w$}",
                w = digits as usize
            )
        }
    }
}

/// `%04d`: the sign counts in the width (`-044`, as NumPy prints 44 BC).
fn format_year(y: i64) -> String {
    format!("{y:04}")
}

/// `str()` of a timedelta: `3 days`, `90 minutes`, `NaT`; a generic one is just the number.
/// A multiplied unit counts its base units (`np.timedelta64(3, '15m')` is `45 minutes`).
pub fn format_timedelta(v: i64, unit: TimeUnit) -> String {
    if v == NAT {
        return "NaT".into();
    }
    match unit.base {
        Unit::Generic => v.to_string(),
        u => format!("{} {}", unit.to_base(v), u.verbose()),
    }
}

/// One element cast to or from a datetime64/timedelta64 dtype (NumPy's unsafe `astype`):
/// units by the calendar, text parsed or printed, numbers as the raw count (NaT is the
/// smallest int64; NaN becomes NaT).
pub fn cast_scalar(v: &Scalar, from: DType, to: DType) -> PyResult<Scalar> {
    let unit = |d: DType| d.time_unit().unwrap_or(TimeUnit::GENERIC);
    let overflow = || PyError::overflow("datetime64/timedelta64 unit conversion overflowed");
    let raw = |v: &Scalar| match v {
        Scalar::Int(i) => *i,
        other => other.to_i64_wrapping(),
    };
    Ok(match (from.kind, to.kind) {
        (Kind::Datetime, Kind::Datetime) => {
            Scalar::Int(cast_datetime(raw(v), unit(from), unit(to)).ok_or_else(overflow)?)
        }
        (Kind::Timedelta, Kind::Timedelta) => {
            Scalar::Int(cast_timedelta(raw(v), unit(from), unit(to)).ok_or_else(overflow)?)
        }
        (Kind::Datetime | Kind::Timedelta, Kind::Datetime | Kind::Timedelta) => Scalar::Int(raw(v)),
        (Kind::Datetime, Kind::Str | Kind::Bytes) => {
            Scalar::Str(format_datetime(raw(v), unit(from)))
        }
        (Kind::Timedelta, Kind::Str | Kind::Bytes) => {
            Scalar::Str(format_timedelta(raw(v), unit(from)))
        }
        (Kind::Str | Kind::Bytes, Kind::Datetime) => {
            let (x, u) = parse_datetime(&v.to_text())?;
            let to_unit = if unit(to).is_generic() {
                u.into()
            } else {
                unit(to)
            };
            Scalar::Int(cast_datetime(x, u.into(), to_unit).ok_or_else(overflow)?)
        }
        (Kind::Str | Kind::Bytes, Kind::Timedelta) => {
            let t = v.to_text();
            if t.trim().eq_ignore_ascii_case("nat") {
                Scalar::Int(NAT)
            } else {
                let bad = || PyError::value("Could not convert object to NumPy timedelta");
                Scalar::Int(t.trim().parse().map_err(|_| bad())?)
            }
        }
        (Kind::Datetime | Kind::Timedelta, Kind::Float | Kind::Complex) => {
            Scalar::Float(raw(v) as f64)
        }
        (Kind::Datetime | Kind::Timedelta, Kind::Bool) => Scalar::Bool(raw(v) != 0),
        (Kind::Datetime | Kind::Timedelta, _) => Scalar::Int(raw(v)),
        (_, _) => match v {
            Scalar::Float(f) if f.is_nan() => Scalar::Int(NAT),
            Scalar::Float(f) => Scalar::Int(*f as i64),
            other => Scalar::Int(raw(other)),
        },
    })
}

/// `assign_bytes` for casts that involve a datetime64/timedelta64 dtype: element by element
/// through `cast_scalar`.
pub fn cast_elements(
    sdt: DType,
    sbytes: &[u8],
    slayout: &Layout,
    ddt: DType,
    dbytes: &mut [u8],
    dlayout: &Layout,
) -> PyResult<()> {
    let mut offs = Vec::with_capacity(slayout.len());
    slayout.for_each_offset(|o| offs.push(o));
    let (si, di) = (sdt.itemsize, ddt.itemsize);
    let (mut k, mut err) = (0, None);
    dlayout.for_each_offset(|o| {
        if err.is_none() {
            let s = offs[k];
            match cast_scalar(&Scalar::decode(sdt, &sbytes[s..s + si]), sdt, ddt) {
                Ok(v) => v.encode(ddt, &mut dbytes[o..o + di]),
                Err(e) => err = Some(e),
            }
        }
        k += 1;
    });
    err.map_or(Ok(()), Err)
}

/// The int64 counts of a native 8-byte array broadcast to `shape`, in C order.
pub fn values(a: &NdArray, shape: &[usize]) -> PyResult<Vec<i64>> {
    let layout = broadcast_layout(&a.layout(), shape)
        .ok_or_else(|| PyError::internal("datetime operand does not broadcast"))?;
    let bytes = a.buffer().bytes()?;
    let mut out = Vec::with_capacity(layout.len());
    layout.for_each_offset(|o| {
        let b = &bytes[o..o + 8];
        out.push(i64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]));
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_give_numpys_values_and_units() {
        // values from NumPy 2.4.6: np.datetime64(s).astype('i8') and its dtype's unit
        let cases: [(&str, i64, Unit); 9] = [
            ("2024", 54, Unit::Y),
            ("2024-01", 648, Unit::M),
            ("2024-01-15", 19737, Unit::D),
            ("2024-02-29", 19782, Unit::D),
            ("2024-03-02T12", 474_828, Unit::H),
            ("2024-03-02T12:30", 28_489_710, Unit::Min),
            ("1969-12-31", -1, Unit::D),
            ("2024-03-02T12:30:05.123", 1_709_382_605_123, Unit::Ms),
            ("NaT", NAT, Unit::Generic),
        ];
        for (s, v, u) in cases {
            assert_eq!(parse_datetime(s).unwrap(), (v, u), "{s}");
            if v != NAT {
                assert_eq!(format_datetime(v, u.into()), s, "round trip of {s}");
            }
        }
    }

    #[test]
    fn out_of_range_fields_are_refused_and_their_neighbours_accepted() {
        let e = parse_datetime("2024-13-01").unwrap_err().to_string();
        assert_eq!(
            e,
            "ValueError: Month out of range in datetime string \"2024-13-01\""
        );
        assert!(parse_datetime("2024-12-01").is_ok());
        assert!(parse_datetime("2023-02-29").is_err(), "not a leap year");
        assert!(parse_datetime("2024-02-29").is_ok(), "a leap year");
    }

    #[test]
    fn casts_floor_and_use_the_calendar() {
        let d = parse_datetime("2024-01-15").unwrap().0;
        let cases = [
            (Unit::D, Unit::W, d, 2819, "the week starting 2024-01-11"),
            (Unit::D, Unit::M, d, 648, "January 2024"),
            (Unit::D, Unit::Y, d, 54, "2024"),
            (Unit::M, Unit::D, 649, 19754, "February starts 2024-02-01"),
            (Unit::D, Unit::H, d, d * 24, "midnight"),
            (Unit::D, Unit::D, -1, -1, "same unit"),
            (
                Unit::H,
                Unit::D,
                -1,
                -1,
                "an hour before 1970 is 1969-12-31",
            ),
        ];
        for (from, to, v, want, why) in cases {
            assert_eq!(
                cast_datetime(v, from.into(), to.into()),
                Some(want),
                "{why}"
            );
        }
        assert_eq!(format_datetime(2819, Unit::W.into()), "2024-01-11");
        assert_eq!(cast_timedelta(3, Unit::D.into(), Unit::H.into()), Some(72));
        assert_eq!(
            cast_timedelta(90, Unit::Min.into(), Unit::H.into()),
            Some(1)
        );
        assert_eq!(format_timedelta(90, Unit::Min.into()), "90 minutes");
    }

    #[test]
    fn multiplied_units_parse_print_and_cast_as_numpy() {
        // NumPy 2.4.6
        let tu = |b, n| TimeUnit::new(b, n);
        let ok = [
            ("15m", tu(Unit::Min, 15), "15m"),
            ("D", tu(Unit::D, 1), "D"),
            ("1D", tu(Unit::D, 1), "D"),
            (" 5D", tu(Unit::D, 5), "5D"),
            ("h/4", tu(Unit::Min, 15), "15m"),
            ("0D", tu(Unit::D, 0), "0D"),
        ];
        for (text, want, code) in ok {
            let u = TimeUnit::parse(text, None).unwrap();
            assert_eq!((u, u.code().as_str()), (want, code), "{text}");
        }
        let bad = [
            (
                "[-1D]",
                "TypeError: Invalid datetime metadata string \"[-1D]\" at position 1",
            ),
            (
                "[1/2h]",
                "TypeError: Invalid datetime metadata string \"[1/2h]\" at position 2",
            ),
            (
                "[10X]",
                "TypeError: Invalid datetime unit in metadata string \"[10X]\"",
            ),
            (
                "[2147483648D]",
                "TypeError: Invalid datetime metadata string \"[2147483648D]\" at position 1",
            ),
        ];
        for (m, want) in bad {
            let inner = &m[1..m.len() - 1];
            let e = TimeUnit::parse(inner, Some(m)).unwrap_err().to_string();
            assert_eq!(e, want);
        }
        let e = TimeUnit::parse("10X", None).unwrap_err().to_string();
        assert_eq!(e, "TypeError: Invalid datetime unit \"X\" in metadata");
        // 2020-01-01 is day 18262: tick 1826 of ten days, which starts 2019-12-30
        assert_eq!(
            cast_datetime(18262, Unit::D.into(), tu(Unit::D, 10)),
            Some(1826)
        );
        assert_eq!(format_datetime(1826, tu(Unit::D, 10)), "2019-12-30");
        assert_eq!(format_timedelta(3, tu(Unit::Min, 15)), "45 minutes");
        assert_eq!(
            cast_timedelta(3, tu(Unit::Min, 15), Unit::Min.into()),
            Some(45)
        );
        assert_eq!(
            cast_timedelta(1, Unit::Y.into(), Unit::D.into()),
            Some(365),
            "average year"
        );
        assert_eq!(
            cast_timedelta(-1, Unit::Min.into(), Unit::H.into()),
            Some(-1),
            "floors"
        );
        let common = |a, b| common_unit(a, b, true, true).map(TimeUnit::code);
        assert_eq!(common(tu(Unit::Min, 15), tu(Unit::Min, 10)).unwrap(), "5m");
        assert_eq!(common(tu(Unit::Min, 15), Unit::H.into()).unwrap(), "15m");
        assert_eq!(common(tu(Unit::Y, 2), tu(Unit::M, 3)).unwrap(), "3M");
        assert!(
            common(Unit::Y.into(), Unit::D.into()).is_err(),
            "timedeltas: no common unit"
        );
        let dt = common_unit(Unit::Y.into(), tu(Unit::D, 14), false, false).unwrap();
        assert_eq!(
            dt.code(),
            "7D",
            "NumPy's factor table counts a year as 7 days here"
        );
    }
}
