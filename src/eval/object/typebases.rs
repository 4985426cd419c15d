//! The inheritance of builtin and NumPy types: each type's `__bases__`, written once here, and
//! the MRO derived from them by C3 (`bool.__mro__`, `np.float64.__mro__`); `issubclass` and
//! `isinstance` of NumPy's abstract scalar classes read it.

use crate::error::ErrorKind;
use crate::eval::object::value::TypeKind;
use crate::runtime::{DType, Kind};

/// `kind.__bases__`, as CPython 3.11 and NumPy 2.4 declare them (`object` has none).
pub fn bases(kind: TypeKind) -> Vec<TypeKind> {
    use TypeKind as T;
    let abstract_ = |name| vec![T::NpAbstract(name)];
    match kind {
        T::Object => Vec::new(),
        T::Bool => vec![T::Int],
        T::RecArray => vec![T::Ndarray],
        T::NpRecord => vec![T::NpScalar(DType::void(0))],
        T::Exception(k) => match k {
            // the two exception classes with a second base
            ErrorKind::ExceptionGroup => vec![
                T::Exception(ErrorKind::BaseExceptionGroup),
                T::Exception(ErrorKind::Exception),
            ],
            ErrorKind::AxisError => vec![
                T::Exception(ErrorKind::ValueError),
                T::Exception(ErrorKind::IndexError),
            ],
            _ => match k.base() {
                Some(b) => vec![T::Exception(b)],
                None => vec![T::Object],
            },
        },
        // NumPy's scalar types derive from an abstract class; float64, complex128, str_ and
        // bytes_ also from the Python type they extend (NumPy's `scalartypes.c` bases)
        T::NpScalar(dt) => match dt.kind {
            Kind::Bool | Kind::Datetime => abstract_("generic"),
            Kind::Int | Kind::Timedelta => abstract_("signedinteger"),
            Kind::UInt => abstract_("unsignedinteger"),
            Kind::Float if dt == DType::FLOAT64 => vec![T::NpAbstract("floating"), T::Float],
            Kind::Float => abstract_("floating"),
            Kind::Complex if dt == DType::COMPLEX128 => {
                vec![T::NpAbstract("complexfloating"), T::Complex]
            }
            Kind::Complex => abstract_("complexfloating"),
            Kind::Str => vec![T::Str, T::NpAbstract("character")],
            Kind::Bytes => vec![T::Bytes, T::NpAbstract("character")],
            Kind::Void => abstract_("flexible"),
        },
        T::NpAbstract(name) => match name {
            "number" | "flexible" => abstract_("generic"),
            "integer" | "inexact" => abstract_("number"),
            "signedinteger" | "unsignedinteger" => abstract_("integer"),
            "floating" | "complexfloating" => abstract_("inexact"),
            "character" => abstract_("flexible"),
            _ => vec![T::Object],
        },
        _ => vec![T::Object],
    }
}

/// `kind.__mro__`: the type, then the C3 merge of its bases' MROs and the bases themselves.
pub fn mro(kind: TypeKind) -> Vec<TypeKind> {
    let bases = bases(kind);
    let mut seqs: Vec<Vec<TypeKind>> = bases.iter().map(|&b| mro(b)).collect();
    seqs.push(bases);
    let mut out = vec![kind];
    loop {
        seqs.retain(|s| !s.is_empty());
        let Some(head) = seqs
            .iter()
            .map(|s| s[0])
            .find(|h| !seqs.iter().any(|s| s[1..].contains(h)))
        else {
            // the declared bases above always merge; stop rather than loop if one did not
            return out;
        };
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// `issubclass(a, b)` for builtin and NumPy types.
pub fn is_subtype(a: TypeKind, b: TypeKind) -> bool {
    mro(a).contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use TypeKind as T;

    #[test]
    fn mros_are_cpythons_and_numpys() {
        let cases: &[(TypeKind, &[TypeKind])] = &[
            (T::Object, &[T::Object]),
            (T::Bool, &[T::Bool, T::Int, T::Object]),
            (T::Ndarray, &[T::Ndarray, T::Object]),
            // a second base comes after the first's whole chain (C3)
            (
                T::NpScalar(DType::FLOAT64),
                &[
                    T::NpScalar(DType::FLOAT64),
                    T::NpAbstract("floating"),
                    T::NpAbstract("inexact"),
                    T::NpAbstract("number"),
                    T::NpAbstract("generic"),
                    T::Float,
                    T::Object,
                ],
            ),
            (
                T::NpScalar(DType::native(Kind::Str, 0)),
                &[
                    T::NpScalar(DType::native(Kind::Str, 0)),
                    T::Str,
                    T::NpAbstract("character"),
                    T::NpAbstract("flexible"),
                    T::NpAbstract("generic"),
                    T::Object,
                ],
            ),
            (
                T::Exception(ErrorKind::ExceptionGroup),
                &[
                    T::Exception(ErrorKind::ExceptionGroup),
                    T::Exception(ErrorKind::BaseExceptionGroup),
                    T::Exception(ErrorKind::Exception),
                    T::Exception(ErrorKind::BaseException),
                    T::Object,
                ],
            ),
        ];
        for (kind, want) in cases {
            assert_eq!(mro(*kind), *want, "{kind:?}");
        }
    }

    #[test]
    fn subtypes_follow_the_bases() {
        let float32 = T::NpScalar(DType::native(Kind::Float, 4));
        assert!(is_subtype(float32, T::NpAbstract("number")));
        assert!(!is_subtype(float32, T::Float), "only float64 extends float");
        assert!(is_subtype(T::NpScalar(DType::FLOAT64), T::Float));
        assert!(!is_subtype(
            T::NpScalar(DType::BOOL),
            T::NpAbstract("number")
        ));
        assert!(is_subtype(
            T::NpScalar(DType::BOOL),
            T::NpAbstract("generic")
        ));
    }
}
