//! Subscript parsing and the views einsum makes, against NumPy 2.4's answers.

use super::*;
use crate::runtime::layout::Order;

fn msg(r: PyResult<Subscripts>) -> String {
    r.map(|_| String::new()).unwrap_or_else(|e| e.msg.clone())
}

#[test]
fn implicit_output_is_the_labels_seen_once_in_ascii_order() {
    let cases: &[(&str, &[usize], &str, &str)] = &[
        ("ij,jk", &[2, 2], "ik", "matrix product"),
        ("ii", &[2], "", "trace: i seen twice"),
        ("ji", &[2], "ij", "transpose"),
        ("Ba", &[2], "Ba", "capitals sort first"),
    ];
    for &(sub, ndims, want, why) in cases {
        let ndims: Vec<usize> = sub
            .split(',')
            .zip(ndims.iter().cycle())
            .map(|(_, &n)| n)
            .collect();
        let s = parse(sub.as_bytes(), &ndims).unwrap();
        let got: String = s.output.iter().map(|&l| l as u8 as char).collect();
        assert_eq!(got, want, "{why}");
    }
}

#[test]
fn ellipsis_axes_are_zero_labels_and_lead_the_implicit_output() {
    let s = parse(b"...ij", &[4]).unwrap();
    assert_eq!(s.op_labels[0], vec![0, 0, b'i' as i8, b'j' as i8]);
    assert_eq!(s.output, vec![0, 0, b'i' as i8, b'j' as i8]);
}

#[test]
fn repeats_point_back_to_their_first_axis() {
    let s = parse(b"abbcbc", &[6]).unwrap();
    assert_eq!(s.op_labels[0], vec![97, 98, -1, 99, -3, -2]);
}

#[test]
fn bad_subscripts_get_numpys_messages_in_numpys_order() {
    let cases: &[(&str, &[usize], &str)] = &[
        (
            "ij,jk",
            &[2],
            "more operands provided to einstein sum function than specified in the subscripts string",
        ),
        (
            "ij",
            &[2, 2],
            "fewer operands provided to einstein sum function than specified in the subscripts string",
        ),
        (
            "ijk",
            &[2],
            "einstein sum subscripts string contains too many subscripts for operand 0",
        ),
        (
            "i",
            &[2],
            "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
        ),
        (
            "i$",
            &[2],
            "invalid subscript '$' in einstein sum subscripts string, subscripts must be letters",
        ),
        (
            "i.j",
            &[2],
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand 0",
        ),
        (
            "ij->ii",
            &[2],
            "einstein sum subscripts string includes output subscript 'i' multiple times",
        ),
        (
            "ij->k",
            &[2],
            "einstein sum subscripts string included output subscript 'k' which never appeared in an input",
        ),
        (
            "ij-",
            &[2],
            "einstein sum subscript string does not contain proper '->' output specified",
        ),
        (
            "ij->i.",
            &[2],
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output",
        ),
    ];
    for &(sub, ndims, want) in cases {
        assert_eq!(msg(parse(sub.as_bytes(), ndims)), want, "{sub}");
    }
    // the neighbour that succeeds: the same string with the operand it names
    assert!(parse(b"ij,jk", &[2, 2]).is_ok());
}

#[test]
fn single_operand_gives_views_unless_it_sums() {
    let l = Layout::contiguous(&[3, 3], 8, Order::C);
    let s = parse(b"ii->i", &[2]).unwrap();
    let v = single_op_view(&s.op_labels[0], &s.output, &l)
        .unwrap()
        .unwrap();
    assert_eq!((v.shape, v.strides), (vec![3], vec![32]));
    let s = parse(b"ji", &[2]).unwrap();
    let v = single_op_view(&s.op_labels[0], &s.output, &l)
        .unwrap()
        .unwrap();
    assert_eq!(v.strides, vec![8, 24]);
    let s = parse(b"ij->i", &[2]).unwrap();
    assert!(
        single_op_view(&s.op_labels[0], &s.output, &l)
            .unwrap()
            .is_none()
    );
}

#[test]
fn diagonal_of_a_non_square_operand_is_refused() {
    let l = Layout::contiguous(&[2, 3], 8, Order::C);
    let s = parse(b"ii", &[2]).unwrap();
    let e = combined_view(0, &s.op_labels[0], &l).unwrap_err();
    assert_eq!(
        e.msg,
        "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)"
    );
    let sq = Layout::contiguous(&[3, 3], 8, Order::C);
    let (v, labels) = combined_view(0, &s.op_labels[0], &sq).unwrap();
    assert_eq!(
        (v.shape, v.strides, labels),
        (vec![3], vec![32], vec![b'i' as i8])
    );
}
