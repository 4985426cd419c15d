//! Shuffles and samples without replacement: NumPy's backward Fisher–Yates over an array's
//! first axis (masked draws), `Generator`'s integer shuffle (Lemire draws) and Floyd's
//! sampler with its open-addressing set.

use super::BitGen;
use super::bounded::{bounded_u64, random_interval};
use crate::error::{PyError, PyResult};
use crate::runtime::array::NdArray;
use crate::runtime::layout::Layout;

/// `shuffle(x)` for an array: swaps whole sub-arrays along axis 0, `i` from the last down to
/// 1 with `j = random_interval(i)` — the same draws for 1-d and n-d arrays, any strides.
pub fn shuffle_array<B: BitGen>(bg: &mut B, a: &NdArray) -> PyResult<()> {
    if !a.is_writeable() {
        return Err(PyError::shuffle_read_only());
    }
    let layout = a.layout().clone();
    let n = layout.shape.first().copied().unwrap_or(0);
    if n == 0 || layout.is_empty() {
        return Ok(());
    }
    let itemsize = a.itemsize();
    let stride0 = layout.strides[0];
    if layout.ndim() == 1 && stride0 == itemsize as isize {
        // contiguous 1-d: a typed slice shuffles as fast as NumPy's memcpy loop
        let start = layout.offset_bytes as usize;
        let mut bytes = a.buffer().bytes_mut()?;
        let part = &mut bytes[start..start + n * itemsize];
        let done = match itemsize {
            8 => typed(bg, part, |b| {
                bytemuck::try_cast_slice_mut::<u8, u64>(b).ok()
            }),
            4 => typed(bg, part, |b| {
                bytemuck::try_cast_slice_mut::<u8, u32>(b).ok()
            }),
            2 => typed(bg, part, |b| {
                bytemuck::try_cast_slice_mut::<u8, u16>(b).ok()
            }),
            1 => typed(bg, part, Some),
            _ => false,
        };
        if done {
            return Ok(());
        }
    }
    // byte offsets of one sub-array's elements relative to its start (the first row is in
    // the buffer, Layout invariant 3, so its offsets are valid)
    let base = layout.offset_bytes;
    let row = Layout {
        shape: layout.shape[1..].to_vec(),
        strides: layout.strides[1..].to_vec(),
        offset_bytes: base,
    };
    let mut rel: Vec<isize> = Vec::with_capacity(row.len());
    row.for_each_offset(|o| rel.push(o as isize - base));
    let mut bytes = a.buffer().bytes_mut()?;
    for i in (1..n).rev() {
        let j = random_interval(bg, i as u64) as usize;
        if i == j {
            continue;
        }
        let (oi, oj) = (base + i as isize * stride0, base + j as isize * stride0);
        for &r in &rel {
            let (pi, pj) = ((oi + r) as usize, (oj + r) as usize);
            for k in 0..itemsize {
                bytes.swap(pi + k, pj + k);
            }
        }
    }
    Ok(())
}

fn typed<'a, B: BitGen, T: 'a>(
    bg: &mut B,
    part: &'a mut [u8],
    cast: impl FnOnce(&'a mut [u8]) -> Option<&'a mut [T]>,
) -> bool {
    match cast(part) {
        Some(v) => {
            fisher_yates(bg, v);
            true
        }
        None => false,
    }
}

/// `_shuffle_int`: a backward shuffle of `data[first..]`'s positions with Lemire draws,
/// stopping at `first` (the tail shuffle of `Generator.choice`).
pub fn shuffle_i64<B: BitGen>(bg: &mut B, data: &mut [i64], first: usize) {
    for i in (first.max(1)..data.len()).rev() {
        let j = bounded_u64(bg, 0, i as u64) as usize;
        data.swap(i, j);
    }
}

/// `Generator.choice(pop, size, replace=False)` for a large sample of a large population:
/// the last `size` positions of a partly shuffled `arange(pop)`.
pub fn tail_shuffle_sample<B: BitGen>(bg: &mut B, pop: usize, size: usize) -> Vec<i64> {
    let mut idx: Vec<i64> = (0..pop as i64).collect();
    let first = pop.saturating_sub(size).max(1);
    for i in (first..pop).rev() {
        let j = bounded_u64(bg, 0, i as u64) as usize;
        idx.swap(i, j);
    }
    idx.split_off(pop - size)
}

/// Floyd's algorithm as `Generator.choice` runs it: for `j` in `pop-size..pop` draw
/// `v <= j`, keep it unless already taken (then take `j`); the set is open addressing over a
/// power of two at least `1.2 * size`. Then, if `shuffle`, an integer shuffle of the result.
pub fn floyd_sample<B: BitGen>(bg: &mut B, pop: usize, size: usize, shuffle: bool) -> Vec<i64> {
    const EMPTY: u64 = u64::MAX;
    let want = (1.2 * size as f64) as u64;
    let mask = if want == 0 {
        0
    } else {
        u64::MAX >> want.leading_zeros()
    };
    let mut set = vec![EMPTY; (mask + 1) as usize];
    let mut out = vec![0i64; size];
    for j in (pop - size) as u64..pop as u64 {
        let val = bounded_u64(bg, 0, j);
        let mut loc = val & mask;
        while set[loc as usize] != EMPTY && set[loc as usize] != val {
            loc = (loc + 1) & mask;
        }
        let k = (j - (pop - size) as u64) as usize;
        if set[loc as usize] == EMPTY {
            set[loc as usize] = val;
            out[k] = val as i64;
        } else {
            let mut loc = j & mask;
            while set[loc as usize] != EMPTY {
                loc = (loc + 1) & mask;
            }
            set[loc as usize] = j;
            out[k] = j as i64;
        }
    }
    if shuffle {
        shuffle_i64(bg, &mut out, 1);
    }
    out
}

/// The same shuffle over a slice (a contiguous 1-d array, or `permutation(n)`'s `arange`).
pub fn fisher_yates<B: BitGen, T>(bg: &mut B, data: &mut [T]) {
    for i in (1..data.len()).rev() {
        let j = random_interval(bg, i as u64) as usize;
        data.swap(i, j);
    }
}
