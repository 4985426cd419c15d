//! Einstein summation as NumPy's `c_einsum` reads it: the subscripts string parsed into labels
//! per operand axis, the output labels (explicit, or implicit: the labels seen once, in ASCII
//! order), the view a single operand can give without a reduction, and the diagonal views
//! repeated labels ask for. The iteration (`iter`) and the loops (`kernels::einsum`) follow.

pub mod iter;

use super::layout::Layout;
use crate::error::{PyError, PyResult};

/// NumPy 2's `NPY_MAXDIMS`.
const MAX_DIMS: usize = 64;
/// NumPy 2's `NPY_MAXARGS` (the output counts as one).
const MAX_ARGS: usize = 64;

/// A parsed subscripts string. Labels are NumPy's signed chars: a letter's ASCII code for the
/// first occurrence of a label in an operand, the (negative) offset back to that occurrence
/// for a repeat, and 0 for an axis the ellipsis covers (a broadcast axis).
#[derive(Clone, Debug, PartialEq)]
pub struct Subscripts {
    /// One label per axis of each operand.
    pub op_labels: Vec<Vec<i8>>,
    /// The output's labels (0 for broadcast axes), explicit or implicit.
    pub output: Vec<i8>,
    /// How often each label occurs in all the inputs (repeats within an operand count).
    pub counts: [u32; 128],
    /// The smallest and largest label seen (NumPy scans labels in this range, in order).
    pub min_label: u8,
    pub max_label: u8,
}

fn is_letter(c: u8) -> bool {
    c.is_ascii_alphabetic()
}

/// `parse_operand_subscripts`: one operand's labels, in NumPy's order of checks.
fn parse_operand(
    sub: &[u8],
    ndim: usize,
    iop: usize,
    counts: &mut [u32; 128],
    min_label: &mut u8,
    max_label: &mut u8,
) -> PyResult<Vec<i8>> {
    let mut labels = vec![0i8; ndim];
    let mut idim = 0usize;
    let mut ellipsis: Option<usize> = None;
    let mut i = 0usize;
    while i < sub.len() {
        let c = sub[i];
        if is_letter(c) {
            if idim >= ndim {
                return Err(PyError::einsum_too_many_subscripts(iop));
            }
            labels[idim] = c as i8;
            idim += 1;
            *min_label = (*min_label).min(c);
            *max_label = (*max_label).max(c);
            counts[c as usize] += 1;
        } else if c == b'.' {
            let proper =
                ellipsis.is_none() && i + 2 < sub.len() && sub[i + 1] == b'.' && sub[i + 2] == b'.';
            if !proper {
                return Err(PyError::einsum_stray_dot(iop));
            }
            i += 2;
            ellipsis = Some(idim);
        } else if c != b' ' {
            return Err(PyError::einsum_invalid_subscript(c as char));
        }
        i += 1;
    }
    match ellipsis {
        None if idim != ndim => return Err(PyError::einsum_operand_needs_ellipsis()),
        Some(e) if idim < ndim => {
            // labels after the ellipsis move to the end; the axes between are broadcast
            let tail = idim - e;
            for k in 0..tail {
                labels[ndim - k - 1] = labels[idim - k - 1];
            }
            for l in labels.iter_mut().skip(e).take(ndim - idim) {
                *l = 0;
            }
        }
        _ => {}
    }
    // repeats become negative offsets to their first occurrence
    for first in 0..ndim.saturating_sub(1) {
        let label = labels[first];
        if label > 0 {
            for (later, l) in labels.iter_mut().enumerate().skip(first + 1) {
                if *l == label {
                    *l = (first as isize - later as isize) as i8;
                }
            }
        }
    }
    Ok(labels)
}

/// `parse_output_subscripts`: the explicit output's labels.
fn parse_output(sub: &[u8], ndim_broadcast: usize, counts: &[u32; 128]) -> PyResult<Vec<i8>> {
    let mut out = Vec::new();
    let mut ellipsis = false;
    let mut i = 0usize;
    while i < sub.len() {
        let c = sub[i];
        if is_letter(c) {
            if sub[i + 1..].contains(&c) {
                return Err(PyError::einsum_output_repeated(c as char));
            }
            if counts[c as usize] == 0 {
                return Err(PyError::einsum_output_not_in_input(c as char));
            }
            if out.len() >= MAX_DIMS {
                return Err(PyError::einsum_too_many_output_subscripts());
            }
            out.push(c as i8);
        } else if c == b'.' {
            let proper = !ellipsis && i + 2 < sub.len() && sub[i + 1] == b'.' && sub[i + 2] == b'.';
            if !proper {
                return Err(PyError::einsum_stray_dot_output());
            }
            i += 2;
            if out.len() + ndim_broadcast > MAX_DIMS {
                return Err(PyError::einsum_too_many_output_subscripts());
            }
            ellipsis = true;
            out.extend(std::iter::repeat_n(0i8, ndim_broadcast));
        } else if c != b' ' {
            return Err(PyError::einsum_invalid_subscript(c as char));
        }
        i += 1;
    }
    if !ellipsis && ndim_broadcast > 0 {
        return Err(PyError::einsum_output_needs_ellipsis());
    }
    Ok(out)
}

/// The subscripts of `PyArray_EinsteinSum` for operands with these numbers of dimensions.
pub fn parse(subscripts: &[u8], ndims: &[usize]) -> PyResult<Subscripts> {
    let nop = ndims.len();
    if nop >= MAX_ARGS {
        return Err(PyError::einsum_too_many_operands());
    }
    let mut counts = [0u32; 128];
    let (mut min_label, mut max_label) = (127u8, 0u8);
    let mut op_labels = Vec::with_capacity(nop);
    let mut rest = subscripts;
    for (iop, &ndim) in ndims.iter().enumerate() {
        let len = rest
            .iter()
            .position(|&c| c == b',' || c == b'-')
            .unwrap_or(rest.len());
        let next = rest.get(len).copied();
        if iop == nop - 1 && next == Some(b',') {
            return Err(PyError::einsum_more_operands());
        }
        if iop < nop - 1 && next != Some(b',') {
            return Err(PyError::einsum_fewer_operands());
        }
        op_labels.push(parse_operand(
            &rest[..len],
            ndim,
            iop,
            &mut counts,
            &mut min_label,
            &mut max_label,
        )?);
        rest = &rest[len..];
        if iop < nop - 1 {
            rest = &rest[1..];
        }
    }
    let ndim_broadcast = op_labels
        .iter()
        .map(|l| l.iter().filter(|&&x| x == 0).count())
        .max()
        .unwrap_or(0);
    let output = if rest.is_empty() {
        // implicit: broadcast axes first, then every label seen once, in ASCII order
        let mut out = vec![0i8; ndim_broadcast];
        for label in min_label..=max_label {
            if counts[label as usize] == 1 {
                out.push(label as i8);
            }
        }
        out
    } else {
        if !rest.starts_with(b"->") {
            return Err(PyError::einsum_bad_arrow());
        }
        parse_output(&rest[2..], ndim_broadcast, &counts)?
    };
    Ok(Subscripts {
        op_labels,
        output,
        counts,
        min_label,
        max_label,
    })
}

/// The label an axis stands for (a repeat's offset resolved to its first occurrence).
fn resolved(labels: &[i8], idim: usize) -> i8 {
    let l = labels[idim];
    if l < 0 {
        labels[(idim as isize + l as isize) as usize]
    } else {
        l
    }
}

/// `get_single_op_view`: with one operand and no reduction, the output is a view of it — a
/// transpose, a diagonal, or the operand's own layout. `None` when some axis is summed.
pub fn single_op_view(labels: &[i8], output: &[i8], layout: &Layout) -> PyResult<Option<Layout>> {
    let n_out = output.len();
    let mut shape = vec![0usize; n_out];
    let mut strides = vec![0isize; n_out];
    let mut next_broadcast = 0usize;
    for idim in 0..labels.len() {
        let label = resolved(labels, idim);
        let (n, s) = (layout.shape[idim], layout.strides[idim]);
        if label == 0 {
            while next_broadcast < n_out && output[next_broadcast] != 0 {
                next_broadcast += 1;
            }
            if next_broadcast == n_out {
                return Err(PyError::einsum_too_few_broadcast_dims());
            }
            shape[next_broadcast] = n;
            strides[next_broadcast] = s;
            next_broadcast += 1;
        } else {
            let Some(i) = output.iter().position(|&o| o == label) else {
                return Ok(None);
            };
            if shape[i] != 0 && shape[i] != n {
                return Err(PyError::einsum_single_collapse_mismatch(
                    label as u8 as char,
                    shape[i],
                    n,
                ));
            }
            shape[i] = n;
            strides[i] += s;
        }
    }
    Ok(Some(Layout {
        shape,
        strides,
        offset_bytes: layout.offset_bytes,
    }))
}

/// `get_combined_dims_view`: repeated labels of operand `iop` collapse onto their diagonal.
/// Returns the view's layout and its labels (first occurrences only, in order).
pub fn combined_view(iop: usize, labels: &[i8], layout: &Layout) -> PyResult<(Layout, Vec<i8>)> {
    if labels.iter().all(|&l| l >= 0) {
        return Ok((layout.clone(), labels.to_vec()));
    }
    let mut shape = Vec::new();
    let mut strides = Vec::new();
    let mut new_labels = Vec::new();
    let mut position = vec![0usize; labels.len()];
    for idim in 0..labels.len() {
        let (n, s) = (layout.shape[idim], layout.strides[idim]);
        let l = labels[idim];
        if l >= 0 {
            position[idim] = shape.len();
            shape.push(n);
            strides.push(s);
            new_labels.push(l);
        } else {
            let first = (idim as isize + l as isize) as usize;
            let i = position[first];
            if shape[i] != n {
                return Err(PyError::einsum_collapse_mismatch(
                    iop,
                    labels[first] as u8 as char,
                    shape[i],
                    n,
                ));
            }
            strides[i] += s;
        }
    }
    let view = Layout {
        shape,
        strides,
        offset_bytes: layout.offset_bytes,
    };
    Ok((view, new_labels))
}

/// The iterator's axes: the output's labels, then every other label, in ASCII order.
pub fn iter_labels(s: &Subscripts) -> Vec<i8> {
    let mut labels = s.output.clone();
    for label in s.min_label..=s.max_label {
        if s.counts[label as usize] > 0 && !s.output.contains(&(label as i8)) {
            labels.push(label as i8);
        }
    }
    labels
}

/// `prepare_op_axes`: for each iterator axis, the operand axis it reads (`None`: broadcast).
/// Broadcast (ellipsis) axes pair up from the right.
pub fn op_axes(labels: &[i8], iter_labels: &[i8]) -> Vec<Option<usize>> {
    let mut axes = vec![None; iter_labels.len()];
    let mut next_broadcast = labels.len() as isize - 1;
    for i in (0..iter_labels.len()).rev() {
        let label = iter_labels[i];
        if label == 0 {
            while next_broadcast >= 0 && labels[next_broadcast as usize] != 0 {
                next_broadcast -= 1;
            }
            if next_broadcast >= 0 {
                axes[i] = Some(next_broadcast as usize);
                next_broadcast -= 1;
            }
        } else {
            axes[i] = labels.iter().position(|&l| l == label);
        }
    }
    axes
}

#[cfg(test)]
mod tests;
