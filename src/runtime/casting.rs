//! NumPy's casting rules: `np.can_cast(from, to, casting)` for arrsh's dtypes, and the rule names.

use super::datetime::TimeUnit;
use super::dtype::{DType, Kind, promote};

/// The `casting=` argument of NumPy functions, from strictest to loosest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casting {
    No,
    Equiv,
    Safe,
    SameKind,
    Unsafe,
}

impl Casting {
    /// The rule a `casting=` string names (NumPy accepts exactly these spellings).
    pub fn parse(name: &str) -> Option<Casting> {
        Some(match name {
            "no" => Casting::No,
            "equiv" => Casting::Equiv,
            "safe" => Casting::Safe,
            "same_kind" => Casting::SameKind,
            "unsafe" => Casting::Unsafe,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Casting::No => "no",
            Casting::Equiv => "equiv",
            Casting::Safe => "safe",
            Casting::SameKind => "same_kind",
            Casting::Unsafe => "unsafe",
        }
    }
}

/// Characters NumPy needs to print any value of a numeric dtype as a string (`str(x)` of the
/// widest value), which is what a safe cast to `S`/`U` must hold.
fn string_length(dt: DType) -> usize {
    match (dt.kind, dt.itemsize) {
        (Kind::Bool, _) => 5,
        (Kind::UInt, 1) => 3,
        (Kind::Int, 1) => 4,
        (Kind::UInt, 2) => 5,
        (Kind::Int, 2) => 6,
        (Kind::UInt, 4) => 10,
        (Kind::Int, 4) => 11,
        (Kind::UInt, _) => 20,
        (Kind::Int, _) => 21,
        (Kind::Float, _) => 32,
        (Kind::Complex, _) => 64,
        (Kind::Bytes | Kind::Void, n) => n,
        (Kind::Str, n) => n / 4,
        (Kind::Datetime | Kind::Timedelta, _) => super::datetime::string_length(dt),
    }
}

/// `np.result_type` of a number and a string dtype (which `promote` refuses, as ufuncs do): the
/// string type, long enough for any value of the number (`bool` + `S3` gives `S5`).
pub fn promote_with_text(a: DType, b: DType) -> Option<DType> {
    let is_text = |d: DType| matches!(d.kind, Kind::Bytes | Kind::Str);
    let (text, number) = match (is_text(a), is_text(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    let chars = string_length(text).max(string_length(number));
    Some(match text.kind {
        Kind::Bytes => DType::bytes(chars),
        _ => DType::unicode(chars),
    })
}

/// The order of NumPy's same_kind rule: a cast may go up, never down (signed integers do not
/// become unsigned ones).
fn kind_rank(dt: DType) -> u8 {
    match dt.kind {
        Kind::Bool => 0,
        Kind::UInt => 1,
        Kind::Int => 2,
        Kind::Float => 3,
        Kind::Complex => 4,
        Kind::Bytes | Kind::Str | Kind::Void | Kind::Datetime | Kind::Timedelta => 5,
    }
}

/// NumPy's `can_cast(from, to, casting)` on two dtypes.
pub fn can_cast(from: DType, to: DType, casting: Casting) -> bool {
    let flexible_kind = |k: Kind| matches!(k, Kind::Bytes | Kind::Str);
    match casting {
        Casting::Unsafe => true,
        Casting::No => from == to,
        Casting::Equiv => from.to_native() == to.to_native(),
        Casting::Safe | Casting::SameKind => {
            if from.to_native() == to.to_native() {
                return true;
            }
            if let (Some(a), Some(b)) = (from.time_unit(), to.time_unit())
                && from.kind == to.kind
            {
                return can_cast_time_units(a, b, from.kind == Kind::Timedelta, casting);
            }
            match (flexible_kind(from.kind), flexible_kind(to.kind)) {
                (false, false) => {
                    promote(from, to) == Some(to.to_native())
                        || (casting == Casting::SameKind && kind_rank(from) <= kind_rank(to))
                }
                // a number into text: safe when every value fits, same_kind always
                (false, true) => {
                    casting == Casting::SameKind || string_length(from) <= string_length(to)
                }
                // text never becomes a number without 'unsafe'
                (true, false) => false,
                (true, true) => match (from.kind, to.kind) {
                    (Kind::Str, Kind::Bytes) => false,
                    _ => casting == Casting::SameKind || string_length(from) <= string_length(to),
                },
            }
        }
    }
}

/// NumPy's `can_cast_datetime64_metadata`/`can_cast_timedelta64_metadata` for `safe` and
/// `same_kind`: nothing becomes generic; `safe` goes only to finer units whose tick divides the
/// source's (`[15m]` to `[m]`, not back); a timedelta never crosses between years/months and
/// fixed units short of `unsafe`.
fn can_cast_time_units(from: TimeUnit, to: TimeUnit, timedelta: bool, casting: Casting) -> bool {
    use super::datetime::Unit;
    if from.is_generic() || to.is_generic() {
        return from.is_generic();
    }
    let calendar = |u: Unit| u <= Unit::M;
    let same_side = !timedelta || calendar(from.base) == calendar(to.base);
    match casting {
        Casting::SameKind => same_side,
        _ => same_side && from.base <= to.base && super::datetime::divides(from, to, timedelta),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `np.can_cast(f, t, rule)` from NumPy 2.4.6 for every pair of these dtypes: one row per
    /// `from`, one character per `to` (1 = True), in the order of `DTYPES`.
    const DTYPES: [&str; 15] = [
        "?", "u1", "i1", "i8", "u8", "f2", "f4", "f8", "c8", "c16", "S3", "S30", "U3", "U30", ">i8",
    ];
    const TABLE: &[(&str, [&str; 15])] = &[
        (
            "equiv",
            [
                "100000000000000",
                "010000000000000",
                "001000000000000",
                "000100000000001",
                "000010000000000",
                "000001000000000",
                "000000100000000",
                "000000010000000",
                "000000001000000",
                "000000000100000",
                "000000000010000",
                "000000000001000",
                "000000000000100",
                "000000000000010",
                "000100000000001",
            ],
        ),
        (
            "safe",
            [
                "111111111101011",
                "010111111111111",
                "001101111101011",
                "000100010101011",
                "000010010101010",
                "000001111100000",
                "000000111100000",
                "000000010100000",
                "000000001100000",
                "000000000100000",
                "000000000011110",
                "000000000001010",
                "000000000000110",
                "000000000000010",
                "000100010101011",
            ],
        ),
        (
            "same_kind",
            [
                "111111111111111",
                "011111111111111",
                "001101111111111",
                "001101111111111",
                "011111111111111",
                "000001111111110",
                "000001111111110",
                "000001111111110",
                "000000001111110",
                "000000001111110",
                "000000000011110",
                "000000000011110",
                "000000000000110",
                "000000000000110",
                "001101111111111",
            ],
        ),
    ];

    #[test]
    fn casting_rules_match_numpy_can_cast() {
        let dts: Vec<DType> = DTYPES.iter().map(|s| DType::parse(s).unwrap()).collect();
        for (rule, rows) in TABLE {
            let casting = Casting::parse(rule).unwrap();
            for (i, row) in rows.iter().enumerate() {
                for (j, bit) in row.chars().enumerate() {
                    assert_eq!(
                        can_cast(dts[i], dts[j], casting),
                        bit == '1',
                        "np.can_cast({:?}, {:?}, {rule:?})",
                        DTYPES[i],
                        DTYPES[j]
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_joined_with_text_become_text_long_enough() {
        // np.result_type(a, b) from NumPy 2.4.6
        let cases = [
            ("?", "S3", "|S5"),
            ("i8", "S3", "|S21"),
            ("f8", "S3", "|S32"),
            ("S30", "i1", "|S30"),
            ("u1", "U2", "<U3"),
            ("c8", "U3", "<U64"),
            ("i8", "U30", "<U30"),
        ];
        for (a, b, want) in cases {
            let (a, b) = (DType::parse(a).unwrap(), DType::parse(b).unwrap());
            assert_eq!(
                promote_with_text(a, b).map(|d| d.str()),
                Some(want.to_string())
            );
        }
        // control: two numbers, or two strings, are promote's business
        assert_eq!(promote_with_text(DType::INT64, DType::FLOAT64), None);
        assert_eq!(promote_with_text(DType::bytes(3), DType::unicode(3)), None);
    }

    #[test]
    fn no_is_stricter_than_equiv_about_byte_order() {
        let (le, be) = (DType::INT64, DType::parse(">i8").unwrap());
        assert!(!can_cast(le, be, Casting::No));
        assert!(
            can_cast(le, be, Casting::Equiv),
            "control: same type, other byte order"
        );
        assert!(can_cast(le, le, Casting::No), "control: identical dtypes");
    }

    #[test]
    fn rule_names_round_trip_and_nothing_else_parses() {
        for c in [
            Casting::No,
            Casting::Equiv,
            Casting::Safe,
            Casting::SameKind,
            Casting::Unsafe,
        ] {
            assert_eq!(Casting::parse(c.name()), Some(c));
        }
        assert_eq!(Casting::parse("Same_kind"), None);
    }
}
