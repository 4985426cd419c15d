//! The continuous distributions arrsh offers: uniform doubles, the legacy polar Gaussian with
//! its cached second value (`RandomState`), and the ziggurat normal (`Generator`).

use super::BitGen;
use super::ziggurat::standard_normal;

/// `low + range * U` for each output (`random_uniform`; `random_sample` is low 0, range 1).
pub fn uniform_fill<B: BitGen>(bg: &mut B, low: f64, range: f64, out: &mut [f64]) {
    for o in out {
        *o = low + range * bg.next_double();
    }
}

/// `loc + scale * Z` with the ziggurat normal (`Generator.normal`; `standard_normal` is 0, 1).
pub fn standard_normal_fill<B: BitGen>(bg: &mut B, loc: f64, scale: f64, out: &mut [f64]) {
    for o in out {
        *o = loc + scale * standard_normal(bg);
    }
}

/// `RandomState`'s Gaussian: Marsaglia's polar method makes two values per accepted pair and
/// keeps the second for the next call (NumPy's `has_gauss`/`gauss`; reseeding clears it).
#[derive(Clone, Copy, Debug, Default)]
pub struct Gauss {
    cached: Option<f64>,
}

impl Gauss {
    pub fn clear(&mut self) {
        self.cached = None;
    }

    pub fn next<B: BitGen>(&mut self, bg: &mut B) -> f64 {
        if let Some(v) = self.cached.take() {
            return v;
        }
        loop {
            let x1 = 2.0 * bg.next_double() - 1.0;
            let x2 = 2.0 * bg.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.cached = Some(f * x1);
                return f * x2;
            }
        }
    }
}

/// `loc + scale * gauss()` for each output (`legacy_normal`; `randn` is 0, 1).
pub fn legacy_gauss_fill<B: BitGen>(
    bg: &mut B,
    gauss: &mut Gauss,
    loc: f64,
    scale: f64,
    out: &mut [f64],
) {
    for o in out {
        *o = loc + scale * gauss.next(bg);
    }
}

/// The normalised running sum of probabilities `choice(p=...)` searches in: `p.cumsum()`
/// (sequential, as NumPy's add.accumulate) divided by its last element.
pub fn cumulative_cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    if let Some(&last) = cdf.last() {
        cdf.iter_mut().for_each(|c| *c /= last);
    }
    cdf
}
