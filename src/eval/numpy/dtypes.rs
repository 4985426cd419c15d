//! dtype facts with NumPy's faces: `dtype.newbyteorder()`, `a.byteswap()`, and `np.iinfo` /
//! `np.finfo` with their reprs, `print()` texts and attributes.

use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::pyint::Int;
use crate::eval::object::value::Value;
use crate::runtime::{DType, Kind, NdArray, Order, Scalar, kernels};

/// NumPy's machine parameters of one float type (`numpy/_core/getlimits.py`), with the texts
/// its `repr` and `str` show (NumPy 2.4.6).
struct FloatInfo {
    bits: i64,
    precision: i64,
    resolution: f64,
    machep: i64,
    negep: i64,
    minexp: i64,
    maxexp: i64,
    nexp: i64,
    nmant: i64,
    /// (`repr` text of min/max, `str` texts of eps, epsneg, tiny, max, smallest_subnormal)
    texts: [&'static str; 7],
}

fn float_info(itemsize: usize) -> FloatInfo {
    match itemsize {
        2 => FloatInfo {
            bits: 16,
            precision: 3,
            resolution: 0.001,
            machep: -10,
            negep: -11,
            minexp: -14,
            maxexp: 16,
            nexp: 5,
            nmant: 10,
            texts: [
                "-6.55040e+04",
                "6.55040e+04",
                "0.000977",
                "0.0004883",
                "6.104e-05",
                "6.55e+04",
                "6e-08",
            ],
        },
        4 => FloatInfo {
            bits: 32,
            precision: 6,
            resolution: 1e-6,
            machep: -23,
            negep: -24,
            minexp: -126,
            maxexp: 128,
            nexp: 8,
            nmant: 23,
            texts: [
                "-3.4028235e+38",
                "3.4028235e+38",
                "1.1920929e-07",
                "5.9604645e-08",
                "1.1754944e-38",
                "3.4028235e+38",
                "1e-45",
            ],
        },
        _ => FloatInfo {
            bits: 64,
            precision: 15,
            resolution: 1e-15,
            machep: -52,
            negep: -53,
            minexp: -1022,
            maxexp: 1024,
            nexp: 11,
            nmant: 52,
            texts: [
                "-1.7976931348623157e+308",
                "1.7976931348623157e+308",
                "2.220446049250313e-16",
                "1.1102230246251565e-16",
                "2.2250738585072014e-308",
                "1.7976931348623157e+308",
                "5e-324",
            ],
        },
    }
}

const RULE: &str = "---------------------------------------------------------------";

impl Interp {
    /// `dtype.newbyteorder(new_order='S')`.
    pub fn dtype_newbyteorder(&mut self, dt: DType, order: Option<Value>) -> PyResult<Value> {
        let code = match &order {
            None => 'S',
            Some(Value::Str(s)) => match s.v.chars().next() {
                Some(c @ ('>' | '<' | '=' | '|')) => c,
                Some('b' | 'B') => '>',
                Some('l' | 'L') => '<',
                Some('n' | 'N') => '=',
                Some('i' | 'I') => '|',
                Some('s' | 'S') => 'S',
                _ => {
                    let r = self.repr(order.as_ref().unwrap_or(&Value::None))?;
                    return Err(PyError::byteorder_not_recognized(&r));
                }
            },
            Some(other) => {
                return Err(PyError::type_error(format!(
                    "byteorder must be str, not {}",
                    other.type_name()
                )));
            }
        };
        Ok(self.new_dtype(dt.new_byte_order(code)))
    }

    /// `a.byteswap(inplace=False)`: the same dtype over swapped bytes — a copy, or `a` itself
    /// with its own memory swapped.
    pub fn byteswap_array(&mut self, a: &Rc<NdArray>, inplace: bool) -> PyResult<Value> {
        if inplace {
            kernels::byteswap_in_place(&self.ctx, a)?;
            return Ok(Value::Array(a.clone()));
        }
        let order = if a.is_f_contiguous() && !a.is_c_contiguous() {
            Order::F
        } else {
            Order::C
        };
        let c = kernels::cast_array(&self.ctx, a, a.dtype(), order)?;
        kernels::byteswap_in_place(&self.ctx, &c)?;
        Ok(Value::Array(c))
    }

    /// `a.real` / `a.imag`: for complex arrays, views of the parts (same strides, the imaginary
    /// part half an element in); a real array is its own `.real` and has a read-only zero
    /// `.imag`.
    pub fn real_imag(&mut self, a: &Rc<NdArray>, obj: &Value, name: &str) -> PyResult<Value> {
        let dt = a.dtype();
        if dt.kind == Kind::Complex {
            let part = DType {
                kind: Kind::Float,
                itemsize: dt.itemsize / 2,
                ..dt
            };
            let mut layout = a.layout().clone();
            if name == "imag" {
                layout.offset_bytes += part.itemsize as isize;
            }
            return Ok(Value::Array(a.view_with(&self.ctx, part, layout)));
        }
        if name == "real" {
            return Ok(obj.clone());
        }
        let shape: Vec<i128> = a.shape().iter().map(|&d| d as i128).collect();
        let z = self.new_filled(&shape, dt.to_native(), Order::C, "zeros")?;
        Ok(Value::Array(z.into_readonly()))
    }

    /// The dtype `np.iinfo(x)` / `np.finfo(x)` inspect: `np.dtype(x)`, or the dtype of `x`'s
    /// type when that fails (so `np.finfo(1.0)` is float64's and an array is `object`). A byte
    /// order is kept: `np.iinfo('>i2').dtype` is `dtype('>i2')` (finfo goes through the type).
    fn info_dtype(&mut self, v: &Value) -> Result<DType, char> {
        match v {
            Value::Scalar(s) => Ok(s.dtype.to_native()),
            Value::Float(_) => Ok(DType::FLOAT64),
            Value::Int(_) => Ok(DType::INT64),
            Value::Bool(_) => Ok(DType::BOOL),
            Value::Complex(_) => Ok(DType::COMPLEX128),
            Value::Array(_) => Err('O'),
            other => match self.to_dtype(other) {
                Ok(d) => Ok(d),
                Err(_) => match other {
                    Value::Bytes(_) => Ok(DType::bytes(0)),
                    Value::Str(_) => Ok(DType::unicode(0)),
                    _ => Err('O'),
                },
            },
        }
    }

    /// A NumPy scalar of `dt` holding `x` rounded to `dt` (finfo's exact constants).
    fn exact_scalar(&mut self, dt: DType, x: f64) -> PyResult<Value> {
        let a = self.scalar_to_array(dt, &Scalar::Float(x))?;
        let v = a.element_at(0)?;
        Ok(self.new_scalar(dt, v))
    }

    /// `np.iinfo(int_type)` and `np.finfo(dtype)`.
    pub fn type_info(&mut self, which: &str, v: &Value) -> PyResult<Value> {
        let dt = self.info_dtype(v);
        if which == "iinfo" {
            let dt = match dt {
                Ok(d) if d.is_integer() => d,
                Ok(d) => {
                    return Err(PyError::value(format!(
                        "Invalid integer data type '{}'.",
                        d.kind_char()
                    )));
                }
                Err(k) => {
                    return Err(PyError::value(format!("Invalid integer data type '{k}'.")));
                }
            };
            let (lo, hi) = dt.int_range();
            let name = dt.str_form();
            let repr = format!("iinfo(min={lo}, max={hi}, dtype={name})");
            let text =
                format!("Machine parameters for {name}\n{RULE}\nmin = {lo}\nmax = {hi}\n{RULE}\n");
            let fields = vec![
                ("min", self.new_int(Int::from_i128(lo))),
                ("max", self.new_int(Int::from_i128(hi))),
                ("bits", self.new_i64(dt.itemsize as i64 * 8)),
                ("dtype", self.new_dtype(dt)),
                ("kind", self.new_str(dt.kind_char().to_string())),
                ("__str__", self.new_str(text)),
            ];
            return Ok(self.new_record("numpy.iinfo", repr, fields));
        }
        let dt = match dt {
            Ok(d) if d.is_inexact() => d.to_native(),
            Ok(d) => {
                return Err(PyError::value(format!(
                    "data type <class 'numpy.{}'> not inexact",
                    d.scalar_type_name()
                )));
            }
            Err(_) => {
                return Err(PyError::value(
                    "data type <class 'numpy.object_'> not inexact",
                ));
            }
        };
        let dt = if dt.kind == Kind::Complex {
            DType::native(Kind::Float, dt.itemsize / 2)
        } else {
            dt
        };
        let fi = float_info(dt.itemsize);
        let name = dt.name();
        let t = fi.texts;
        let repr = format!(
            "finfo(resolution={}, min={}, max={}, dtype={name})",
            trim_float(fi.resolution),
            t[0],
            t[1]
        );
        let res = trim_float(fi.resolution);
        let text = format!(
            "Machine parameters for {name}\n{RULE}\n\
             precision = {}   resolution = {res}\n\
             machep = {}   eps =        {}\n\
             negep =  {}   epsneg =     {}\n\
             minexp = {}   tiny =       {}\n\
             maxexp = {}   max =        {}\n\
             nexp =   {}   min =        -max\n\
             smallest_normal = {}   smallest_subnormal = {}\n{RULE}\n",
            fi.precision,
            fi.machep,
            t[2],
            fi.negep,
            t[3],
            fi.minexp,
            t[4],
            fi.maxexp,
            t[5],
            fi.nexp,
            t[4],
            t[6],
        );
        let m = fi.nmant as i32;
        let max = (2.0 - 2f64.powi(-m)) * 2f64.powi(fi.maxexp as i32 - 1);
        let tiny = 2f64.powi(fi.minexp as i32);
        let fields = vec![
            ("eps", self.exact_scalar(dt, 2f64.powi(-m))?),
            ("epsneg", self.exact_scalar(dt, 2f64.powi(-m - 1))?),
            ("max", self.exact_scalar(dt, max)?),
            ("min", self.exact_scalar(dt, -max)?),
            ("tiny", self.exact_scalar(dt, tiny)?),
            ("smallest_normal", self.exact_scalar(dt, tiny)?),
            (
                "smallest_subnormal",
                self.exact_scalar(dt, tiny * 2f64.powi(-m))?,
            ),
            ("resolution", self.exact_scalar(dt, fi.resolution)?),
            ("precision", self.new_i64(fi.precision)),
            ("bits", self.new_i64(fi.bits)),
            ("machep", self.new_i64(fi.machep)),
            ("negep", self.new_i64(fi.negep)),
            ("minexp", self.new_i64(fi.minexp)),
            ("maxexp", self.new_i64(fi.maxexp)),
            ("nexp", self.new_i64(fi.nexp)),
            ("nmant", self.new_i64(fi.nmant)),
            ("iexp", self.new_i64(fi.nexp)),
            ("dtype", self.new_dtype(dt)),
            ("__str__", self.new_str(text)),
        ];
        Ok(self.new_record("numpy.finfo", repr, fields))
    }
}

/// `1e-06`, `0.001`, `1e-15` as Python's `repr` writes these resolutions.
fn trim_float(x: f64) -> &'static str {
    if x == 0.001 {
        "0.001"
    } else if x == 1e-6 {
        "1e-06"
    } else {
        "1e-15"
    }
}
