//! The two random objects users hold: `RandomState` (MT19937 and the cached Gaussian, what
//! `np.random.seed`/`rand`/`randn` use) and `Generator` (PCG64, `np.random.default_rng`), with
//! their draws written straight into fresh arrays (typed loops, no per-element values).

use std::rc::Rc;

use super::bounded::{BoundedInts, randint};
use super::distributions::{Gauss, legacy_gauss_fill, standard_normal_fill, uniform_fill};
use super::mt19937::Mt19937;
use super::pcg64::Pcg64;
use super::seedseq::SeedSequence;
use super::shuffle::{fisher_yates, shuffle_array};
use super::{BitGen, ziggurat};
use crate::error::PyResult;
use crate::runtime::Ctx;
use crate::runtime::array::NdArray;
use crate::runtime::dtype::DType;
use crate::runtime::layout::Order;

/// 128 bits from the operating system for an unseeded generator (NumPy asks `secrets` too).
/// Without `/dev/urandom`, std's per-process hash keys and the clock stand in.
pub fn os_entropy() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !ok {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        h.write_u128(t);
        let a = h.finish();
        h.write_u64(a);
        buf[..8].copy_from_slice(&a.to_le_bytes());
        buf[8..].copy_from_slice(&h.finish().to_le_bytes());
    }
    buf.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// A fresh C-ordered array of `dtype` whose native elements `fill` writes as `T`.
fn filled<T: bytemuck::Pod>(
    ctx: &Ctx,
    shape: &[usize],
    dtype: DType,
    fill: impl FnOnce(&mut [T]),
) -> PyResult<Rc<NdArray>> {
    let a = NdArray::zeros(ctx, shape, dtype, Order::C)?;
    {
        let mut bytes = a.buffer().bytes_mut()?;
        let n = a.size() * dtype.itemsize;
        // fresh buffers are 64-byte aligned, so the cast cannot fail
        let slice: &mut [T] = bytemuck::cast_slice_mut(&mut bytes[..n]);
        fill(slice);
    }
    Ok(a)
}

/// Draws of integers into a new array (`randint`/`integers` with a size).
fn int_array<B: BitGen>(
    bg: &mut B,
    ctx: &Ctx,
    shape: &[usize],
    dtype: DType,
    b: BoundedInts,
    masked: bool,
) -> PyResult<Rc<NdArray>> {
    filled::<u8>(ctx, shape, dtype, |out| randint(bg, dtype, b, masked, out))
}

/// One integer draw, as the dtype's unsigned bit pattern widened (the binding sign-extends).
fn int_scalar<B: BitGen>(bg: &mut B, dtype: DType, b: BoundedInts, masked: bool) -> u64 {
    let mut out = [0u8; 8];
    randint(bg, dtype, b, masked, &mut out[..dtype.itemsize]);
    u64::from_le_bytes(out)
}

/// NumPy's `RandomState`: MT19937 plus the polar method's spare value.
#[derive(Clone)]
pub struct RandomState {
    mt: Mt19937,
    gauss: Gauss,
}

impl RandomState {
    pub fn from_u32(seed: u32) -> RandomState {
        RandomState {
            mt: Mt19937::from_u32(seed),
            gauss: Gauss::default(),
        }
    }
    pub fn from_words(words: &[u32]) -> RandomState {
        RandomState {
            mt: Mt19937::from_words(words),
            gauss: Gauss::default(),
        }
    }
    /// `RandomState()` / `seed()`: state words from a `SeedSequence` of OS entropy.
    pub fn from_entropy() -> RandomState {
        let words = SeedSequence::new(&os_entropy()).generate_state_u32(624);
        RandomState {
            mt: Mt19937::from_state_words(&words),
            gauss: Gauss::default(),
        }
    }

    pub fn random_one(&mut self) -> f64 {
        self.mt.next_double()
    }
    /// `random_sample(size)` / `rand(*shape)`; `uniform(low, high, size)` with `range`.
    pub fn uniform(
        &mut self,
        ctx: &Ctx,
        shape: &[usize],
        low: f64,
        range: f64,
    ) -> PyResult<Rc<NdArray>> {
        filled::<f64>(ctx, shape, DType::FLOAT64, |o| {
            uniform_fill(&mut self.mt, low, range, o)
        })
    }
    pub fn uniform_one(&mut self, low: f64, range: f64) -> f64 {
        low + range * self.mt.next_double()
    }
    pub fn normal(
        &mut self,
        ctx: &Ctx,
        shape: &[usize],
        loc: f64,
        scale: f64,
    ) -> PyResult<Rc<NdArray>> {
        let (mt, g) = (&mut self.mt, &mut self.gauss);
        filled::<f64>(ctx, shape, DType::FLOAT64, |o| {
            legacy_gauss_fill(mt, g, loc, scale, o)
        })
    }
    pub fn normal_one(&mut self, loc: f64, scale: f64) -> f64 {
        loc + scale * self.gauss.next(&mut self.mt)
    }
    /// `randint` with the masked method (NumPy keeps it for `RandomState`'s stream).
    pub fn randint(
        &mut self,
        ctx: &Ctx,
        shape: &[usize],
        dtype: DType,
        b: BoundedInts,
    ) -> PyResult<Rc<NdArray>> {
        int_array(&mut self.mt, ctx, shape, dtype, b, true)
    }
    pub fn randint_one(&mut self, dtype: DType, b: BoundedInts) -> u64 {
        int_scalar(&mut self.mt, dtype, b, true)
    }
    pub fn shuffle(&mut self, a: &NdArray) -> PyResult<()> {
        shuffle_array(&mut self.mt, a)
    }
    /// `permutation(n)`: `arange(n)` shuffled.
    pub fn permutation(&mut self, ctx: &Ctx, n: usize) -> PyResult<Rc<NdArray>> {
        filled::<i64>(ctx, &[n], DType::INT64, |o| {
            o.iter_mut().enumerate().for_each(|(i, v)| *v = i as i64);
            fisher_yates(&mut self.mt, o)
        })
    }
    pub fn bit_generator(&mut self) -> &mut Mt19937 {
        &mut self.mt
    }
}

/// NumPy's `Generator` over PCG64.
#[derive(Clone)]
pub struct Generator {
    pcg: Pcg64,
}

impl Generator {
    /// `default_rng(seed)`: `seed` as 32-bit words (an int's digits, or a sequence's words).
    pub fn from_entropy_words(words: &[u32]) -> Generator {
        Generator {
            pcg: Pcg64::from_seed_sequence(&SeedSequence::new(words)),
        }
    }
    pub fn from_entropy() -> Generator {
        Generator::from_entropy_words(&os_entropy())
    }

    pub fn random_one(&mut self) -> f64 {
        self.pcg.next_double()
    }
    pub fn uniform(
        &mut self,
        ctx: &Ctx,
        shape: &[usize],
        low: f64,
        range: f64,
    ) -> PyResult<Rc<NdArray>> {
        filled::<f64>(ctx, shape, DType::FLOAT64, |o| {
            uniform_fill(&mut self.pcg, low, range, o)
        })
    }
    pub fn uniform_one(&mut self, low: f64, range: f64) -> f64 {
        low + range * self.pcg.next_double()
    }
    pub fn normal(
        &mut self,
        ctx: &Ctx,
        shape: &[usize],
        loc: f64,
        scale: f64,
    ) -> PyResult<Rc<NdArray>> {
        filled::<f64>(ctx, shape, DType::FLOAT64, |o| {
            standard_normal_fill(&mut self.pcg, loc, scale, o)
        })
    }
    pub fn normal_one(&mut self, loc: f64, scale: f64) -> f64 {
        loc + scale * ziggurat::standard_normal(&mut self.pcg)
    }
    /// `integers` with Lemire's method.
    pub fn integers(
        &mut self,
        ctx: &Ctx,
        shape: &[usize],
        dtype: DType,
        b: BoundedInts,
    ) -> PyResult<Rc<NdArray>> {
        int_array(&mut self.pcg, ctx, shape, dtype, b, false)
    }
    pub fn integers_one(&mut self, dtype: DType, b: BoundedInts) -> u64 {
        int_scalar(&mut self.pcg, dtype, b, false)
    }
    pub fn shuffle(&mut self, a: &NdArray) -> PyResult<()> {
        shuffle_array(&mut self.pcg, a)
    }
    pub fn permutation(&mut self, ctx: &Ctx, n: usize) -> PyResult<Rc<NdArray>> {
        filled::<i64>(ctx, &[n], DType::INT64, |o| {
            o.iter_mut().enumerate().for_each(|(i, v)| *v = i as i64);
            fisher_yates(&mut self.pcg, o)
        })
    }
    /// `choice(pop, size, replace=False)` without `p`: NumPy's tail shuffle for a large
    /// sample of a large population, Floyd's algorithm otherwise.
    pub fn sample_without_replacement(
        &mut self,
        pop: usize,
        size: usize,
        shuffle: bool,
    ) -> Vec<i64> {
        let cutoff = if shuffle { 50 } else { 20 };
        if pop > 10_000 && size > pop / cutoff {
            super::shuffle::tail_shuffle_sample(&mut self.pcg, pop, size)
        } else {
            super::shuffle::floyd_sample(&mut self.pcg, pop, size, shuffle)
        }
    }
    pub fn bit_generator(&mut self) -> &mut Pcg64 {
        &mut self.pcg
    }
}
