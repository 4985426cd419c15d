//! `np.vectorize(..., signature=...)`: gufunc-style core dimensions, as NumPy 2.4's
//! `_vectorize_call_with_signature` runs them — the signature parsed, the inputs' core sizes
//! checked and their loop dimensions broadcast, pyfunc called on `arg[index]` for each index of
//! the loop shape in C order, and the outputs made from the first results.

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::object::value::Value;

/// The core dimension names of each input and each output.
#[derive(Clone, Debug, PartialEq)]
pub struct CoreDims {
    pub inputs: Vec<Vec<String>>,
    pub outputs: Vec<Vec<String>>,
}

/// `(n),(n)` → `[["n"], ["n"]]`, or `None` when it is not an argument list.
fn argument_list(s: &str) -> Option<Vec<Vec<String>>> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let body = rest.strip_prefix('(')?;
        let close = body.find(')')?;
        let inner = &body[..close];
        let dims: Vec<String> = if inner.is_empty() {
            vec![]
        } else {
            inner.split(',').map(str::to_string).collect()
        };
        // `\w+`: letters, digits, underscores (Unicode word characters as `re` reads them)
        if dims
            .iter()
            .any(|d| d.is_empty() || !d.chars().all(|c| c.is_alphanumeric() || c == '_'))
        {
            return None;
        }
        out.push(dims);
        rest = &body[close + 1..];
        if rest.is_empty() {
            return Some(out);
        }
        rest = rest.strip_prefix(',')?;
    }
}

/// `_parse_gufunc_signature`: whitespace dropped, then `inputs->outputs`.
pub fn parse(signature: &str) -> PyResult<CoreDims> {
    let s: String = signature.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = || PyError::value(format!("not a valid gufunc signature: {s}"));
    let (i, o) = s.split_once("->").ok_or_else(bad)?;
    Ok(CoreDims {
        inputs: argument_list(i).ok_or_else(bad)?,
        outputs: argument_list(o).ok_or_else(bad)?,
    })
}

/// The tuple repr of core dimension names (`('n', 'm')`).
fn names_repr(dims: &[String]) -> String {
    let parts: Vec<String> = dims
        .iter()
        .map(|d| crate::runtime::print::str_repr(d))
        .collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

/// `_update_dim_sizes`: the core sizes `shape` ends with, checked against those seen.
fn update_dim_sizes(
    sizes: &mut Vec<(String, usize)>,
    shape: &[usize],
    core: &[String],
) -> PyResult<()> {
    if core.is_empty() {
        return Ok(());
    }
    if shape.len() < core.len() {
        return Err(PyError::value(format!(
            "{}-dimensional argument does not have enough dimensions for all core dimensions {}",
            shape.len(),
            names_repr(core)
        )));
    }
    for (dim, &size) in core.iter().zip(&shape[shape.len() - core.len()..]) {
        match sizes.iter().find(|(d, _)| d == dim) {
            Some((_, seen)) if *seen != size => {
                return Err(PyError::value(format!(
                    "inconsistent size for core dimension {}: {size} vs {seen}",
                    crate::runtime::print::str_repr(dim)
                )));
            }
            Some(_) => {}
            None => sizes.push((dim.clone(), size)),
        }
    }
    Ok(())
}

fn size_of(sizes: &[(String, usize)], dim: &str) -> Option<usize> {
    sizes.iter().find(|(d, _)| d == dim).map(|(_, n)| *n)
}

/// `_create_arrays`: one empty array per output, the loop shape plus its core sizes, of its
/// `otypes` entry or (given the first results) the result's dtype.
fn create_arrays(
    it: &mut Interp,
    loop_shape: &[usize],
    sizes: &[(String, usize)],
    core: &[Vec<String>],
    otypes: Option<&[Value]>,
    results: Option<&[Value]>,
) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(core.len());
    for (k, dims) in core.iter().enumerate() {
        let mut shape: Vec<i128> = loop_shape.iter().map(|&d| d as i128).collect();
        for d in dims {
            let n = size_of(sizes, d).ok_or_else(|| PyError::key_error(&format!("'{d}'")))?;
            shape.push(n as i128);
        }
        let shape = it.int_tuple(shape);
        let dtype = match (
            otypes.and_then(|o| o.get(k)),
            results.and_then(|r| r.get(k)),
        ) {
            (Some(t), _) => t.clone(),
            (None, Some(r)) => {
                let a = it.to_array(r, None)?;
                it.array_dtype(&a)
            }
            (None, None) => Value::None,
        };
        out.push(it.call_numpy("numpy.empty", vec![shape], vec![("dtype".into(), dtype)])?);
    }
    Ok(out)
}

/// `_vectorize_call_with_signature`; `call` runs pyfunc (or NumPy's wrapper of it).
pub fn call_with_signature(
    it: &mut Interp,
    core: &CoreDims,
    otypes: Option<&[Value]>,
    args: Vec<Value>,
    call: &mut dyn FnMut(&mut Interp, Vec<Value>) -> PyResult<Value>,
) -> PyResult<Value> {
    if args.len() != core.inputs.len() {
        return Err(PyError::type_error(format!(
            "wrong number of positional arguments: expected {}, got {}",
            core.inputs.len(),
            args.len()
        )));
    }
    let mut arrays = Vec::with_capacity(args.len());
    for a in &args {
        arrays.push(it.to_array(a, None)?);
    }
    // `_parse_input_dimensions`
    let mut sizes: Vec<(String, usize)> = Vec::new();
    let mut loop_shapes = Vec::with_capacity(arrays.len());
    for (a, dims) in arrays.iter().zip(&core.inputs) {
        let shape = a.shape().to_vec();
        update_dim_sizes(&mut sizes, &shape, dims)?;
        let nd = shape.len() - dims.len();
        loop_shapes.push(it.int_tuple(shape[..nd].iter().map(|&d| d as i128)));
    }
    let b = it.call_numpy("numpy.broadcast_shapes", loop_shapes, vec![])?;
    let loop_shape: Vec<usize> = it
        .to_shape(&b)?
        .iter()
        .map(|&d| d.max(0) as usize)
        .collect();
    let mut views = Vec::with_capacity(arrays.len());
    for (a, dims) in arrays.into_iter().zip(&core.inputs) {
        let mut shape: Vec<i128> = loop_shape.iter().map(|&d| d as i128).collect();
        shape.extend(
            dims.iter()
                .filter_map(|d| size_of(&sizes, d))
                .map(|n| n as i128),
        );
        let shape = it.int_tuple(shape);
        views.push(it.call_numpy("numpy.broadcast_to", vec![Value::Array(a), shape], vec![])?);
    }
    let nout = core.outputs.len();
    let mut outputs: Option<Vec<Value>> = None;
    let total: usize = loop_shape.iter().product();
    let mut index = vec![0usize; loop_shape.len()];
    for _ in 0..total {
        it.ctx.check_interrupt()?;
        let idx = it.int_tuple(index.iter().map(|&i| i as i128));
        let mut pieces = Vec::with_capacity(views.len());
        for v in &views {
            pieces.push(it.getitem(v, &idx)?);
        }
        let result = call(it, pieces)?;
        let n_results = match &result {
            Value::Tuple(t) => t.items.len(),
            _ => 1,
        };
        if n_results != nout {
            return Err(wrong_outputs(nout, n_results));
        }
        let results = match (&result, nout) {
            (Value::Tuple(t), n) if n != 1 => t.items.clone(),
            _ => vec![result.clone()],
        };
        if outputs.is_none() {
            for (r, dims) in results.iter().zip(&core.outputs) {
                if dims.is_empty() {
                    continue;
                }
                let shape = match r {
                    Value::Array(a) => a.shape().to_vec(),
                    Value::Scalar(_) => vec![],
                    other => {
                        return Err(PyError::no_attribute(&other.type_name(), "ndim"));
                    }
                };
                update_dim_sizes(&mut sizes, &shape, dims)?;
            }
            outputs = Some(create_arrays(
                it,
                &loop_shape,
                &sizes,
                &core.outputs,
                otypes,
                Some(&results),
            )?);
        }
        if let Some(outs) = &outputs {
            for (o, r) in outs.iter().zip(results) {
                it.setitem(o, &idx, r)?;
            }
        }
        for d in (0..index.len()).rev() {
            index[d] += 1;
            if index[d] < loop_shape[d] {
                break;
            }
            index[d] = 0;
        }
    }
    let outputs = match outputs {
        Some(o) => o,
        None => {
            if otypes.is_none() {
                return Err(PyError::value(
                    "cannot call `vectorize` on size 0 inputs unless `otypes` is set",
                ));
            }
            if core
                .outputs
                .iter()
                .flatten()
                .any(|d| size_of(&sizes, d).is_none())
            {
                return Err(PyError::value(
                    "cannot call `vectorize` with a signature including new output dimensions on size 0 inputs",
                ));
            }
            create_arrays(it, &loop_shape, &sizes, &core.outputs, otypes, None)?
        }
    };
    if nout == 1 {
        return Ok(outputs.into_iter().next().unwrap_or(Value::None));
    }
    Ok(it.new_tuple(outputs))
}

fn wrong_outputs(expected: usize, got: usize) -> PyError {
    PyError::value(format!(
        "wrong number of outputs from pyfunc: expected {expected}, got {got}"
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn signatures_read_as_numpy_reads_them() {
        // (signature, inputs, outputs, why)
        let ok = parse("(n),(n)->()").expect("dot");
        assert_eq!(
            ok.inputs,
            vec![vec!["n".to_string()], vec!["n".to_string()]]
        );
        assert_eq!(ok.outputs, vec![Vec::<String>::new()], "a scalar output");
        assert!(
            parse(" ( m , n ) -> ( m ) ").is_ok(),
            "whitespace is dropped"
        );
        for bad in ["(n)->", "(n)->(n", "(n,)->()", "n->()", "(n)(m)->()"] {
            assert!(parse(bad).is_err(), "{bad} is refused");
        }
    }
}
