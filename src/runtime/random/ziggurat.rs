//! NumPy's ziggurat for the standard normal (`random_standard_normal`): one 64-bit draw gives
//! the layer (8 bits), the sign (1 bit) and a 52-bit magnitude; the rare rejections and the
//! tail use further doubles.

use super::BitGen;
use super::ziggurat_tables::{FI, KI, WI};

/// Where the base layer's tail starts, and its inverse, as NumPy writes them (the inverse is
/// its own literal, not computed, so it is kept as one).
const NOR_R: f64 = 3.654_152_885_361_009;
const NOR_INV_R: f64 = 0.273_661_237_329_758_3;

#[inline]
pub fn standard_normal<B: BitGen>(bg: &mut B) -> f64 {
    loop {
        let r = bg.next_u64();
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let negative = r & 1 == 1;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI[idx];
        if negative {
            x = -x;
        }
        if rabs < KI[idx] {
            return x; // 99.3% of draws end here
        }
        if idx == 0 {
            // the tail beyond NOR_R: 1 - U inside log1p avoids log(0) (NumPy gh-13361)
            loop {
                let xx = -NOR_INV_R * (-bg.next_double()).ln_1p();
                let yy = -(-bg.next_double()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 {
                        -(NOR_R + xx)
                    } else {
                        NOR_R + xx
                    };
                }
            }
        }
        if (FI[idx - 1] - FI[idx]) * bg.next_double() + FI[idx] < (-0.5 * x * x).exp() {
            return x;
        }
    }
}
