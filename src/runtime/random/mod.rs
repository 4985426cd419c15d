//! NumPy's random streams, bit-exact with NumPy 2.4: the bit generators (`MT19937` with legacy
//! seeding, `PCG64` with `SeedSequence`), the bounded-integer algorithms, the distributions and
//! the shuffles, over plain typed slices (the evaluator turns them into arrays).

mod bounded;
mod distributions;
mod mt19937;
mod pcg64;
mod seedseq;
mod sha512;
mod shuffle;
mod state;
mod ziggurat;
mod ziggurat_tables;

pub use bounded::{
    BoundedInts, bounded_u64, bounded_u64_fill, is_int_dtype, randint, random_interval,
};
pub use distributions::{
    Gauss, cumulative_cdf, legacy_gauss_fill, standard_normal_fill, uniform_fill,
};
pub use mt19937::Mt19937;
pub use pcg64::Pcg64;
pub use seedseq::{SeedSequence, int_to_words};
pub use sha512::sha512;
pub use shuffle::{fisher_yates, floyd_sample, shuffle_array, shuffle_i64, tail_shuffle_sample};
pub use state::{Generator, RandomState, os_entropy};

/// A source of random bits: what NumPy's `bitgen_t` offers to the distributions.
pub trait BitGen {
    fn next_u32(&mut self) -> u32;
    fn next_u64(&mut self) -> u64;
    /// A double in [0, 1) with 53 random bits (each generator has its own recipe).
    fn next_double(&mut self) -> f64;
}

#[cfg(test)]
#[rustfmt::skip]
mod testdata;
#[cfg(test)]
mod tests;
