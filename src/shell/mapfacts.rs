//! Gathering the facts `%mem`, `%buffers` and `%whos` show: which buffer each named array
//! uses, who owns it, and the byte layout of every array laid over it. Plain data out (see
//! `facts`); the words and pictures are the renderer's.

use std::rc::Rc;

use super::buffers::Holding;
use super::facts::{BufferOwner, BufferUse, ByteMap, MapRow, Picture, user_names};
use crate::error::PyError;
use crate::eval::Interp;
use crate::eval::object::value::Value;
use crate::runtime::NdArray;
use crate::runtime::buffer::Buffer;

/// `%mem name [name ...]`: one byte map per buffer, in the order the names first use them. A
/// buffer shows its owner first, then the names given that use it — or, when one name is
/// given, every name that uses it.
pub fn mem_pictures(interp: &Interp, names: &[String]) -> Result<Vec<Picture>, PyError> {
    let mut maps: Vec<(Rc<Buffer>, Option<ByteMap>)> = Vec::new();
    // each picture in order: a map (by its index in `maps`) or a value without a buffer
    let mut slots: Vec<Result<usize, Picture>> = Vec::new();
    for name in names {
        let v = interp
            .globals
            .get(name)
            .ok_or_else(|| PyError::name_not_defined(name))?;
        let Value::Array(a) = v else {
            slots.push(Err(no_buffer(name, v)));
            continue;
        };
        let at = match maps.iter().position(|(b, _)| Rc::ptr_eq(b, a.buffer())) {
            Some(i) => i,
            None => {
                maps.push((a.buffer().clone(), Some(byte_map(interp, a))));
                slots.push(Ok(maps.len() - 1));
                maps.len() - 1
            }
        };
        let Some(map) = maps[at].1.as_mut() else {
            continue;
        };
        if names.len() == 1 {
            for (n, x) in arrays_on(interp, a.buffer()) {
                add_row(map, interp, &n, &x);
            }
        } else {
            add_row(map, interp, name, a);
        }
        for r in map.rows.iter_mut() {
            if r.name == *name || r.aliases.iter().any(|x| x == name) {
                r.asked = true;
            }
        }
    }
    Ok(slots
        .into_iter()
        .filter_map(|s| match s {
            Ok(i) => maps[i].1.take().map(|m| Picture::ByteMap(Box::new(m))),
            Err(p) => Some(p),
        })
        .collect())
}

fn no_buffer(name: &str, v: &Value) -> Picture {
    let refs = match v {
        Value::List(l) => Some(l.items.borrow().len()),
        Value::Tuple(t) => Some(t.items.len()),
        _ => None,
    };
    Picture::NoBuffer {
        name: name.to_string(),
        type_name: v.type_name(),
        refs,
    }
}

/// The map of `a`'s buffer with its owner's row (when the owner is an array).
fn byte_map(interp: &Interp, a: &Rc<NdArray>) -> ByteMap {
    let owner = owner_of(interp, a);
    let mut map = ByteMap {
        address: a.buffer().address(),
        nbytes: a.buffer().nbytes(),
        owner,
        rows: Vec::new(),
    };
    if let Some(o) = owner_array(interp, a) {
        let names = names_of(interp, &o);
        let unnamed = if o.buffer().origin().is_some() {
            "(copy)"
        } else {
            "(owner)"
        };
        let name = names.first().cloned().unwrap_or_else(|| unnamed.into());
        map.rows
            .push(row(&o, &name, names.get(1..).unwrap_or(&[]).to_vec(), true));
    }
    map
}

fn add_row(map: &mut ByteMap, interp: &Interp, name: &str, a: &Rc<NdArray>) {
    let names = names_of(interp, a);
    if map
        .rows
        .iter()
        .any(|r| r.name == name || r.aliases.iter().any(|x| x == name))
    {
        return;
    }
    // another name of an array already drawn
    if let Some(r) = map.rows.iter_mut().find(|r| names.contains(&r.name)) {
        if !r.aliases.iter().any(|x| x == name) && r.name != name {
            r.aliases.push(name.to_string());
        }
        return;
    }
    let aliases = names.into_iter().filter(|n| n != name).collect();
    map.rows.push(row(a, name, aliases, a.owns_data()));
}

fn row(a: &NdArray, name: &str, aliases: Vec<String>, is_owner: bool) -> MapRow {
    MapRow {
        name: name.to_string(),
        aliases,
        dtype: a.dtype().str_form(),
        itemsize: a.itemsize(),
        shape: a.shape().to_vec(),
        strides: a.strides().to_vec(),
        offset_bytes: a.offset_bytes(),
        is_owner,
        writeable: a.is_writeable(),
        asked: false,
    }
}

/// The array that owns `a`'s memory (`a` itself when it does), if an array owns it.
fn owner_array(interp: &Interp, a: &Rc<NdArray>) -> Option<Rc<NdArray>> {
    if a.owns_data() {
        Some(a.clone())
    } else {
        interp.memory_owner(a)
    }
}

fn names_of(interp: &Interp, a: &Rc<NdArray>) -> Vec<String> {
    user_names(interp, |v| matches!(v, Value::Array(x) if Rc::ptr_eq(x, a)))
}

fn owner_of(interp: &Interp, a: &Rc<NdArray>) -> BufferOwner {
    match owner_array(interp, a) {
        Some(o) => BufferOwner {
            names: names_of(interp, &o),
            itemsize: o.itemsize(),
            dtype: o.dtype().str_form(),
            is_bytes: false,
            is_numpy_copy: o.buffer().origin().is_some(),
        },
        None => BufferOwner {
            names: Vec::new(),
            itemsize: 1,
            dtype: "bytes".into(),
            is_bytes: true,
            is_numpy_copy: false,
        },
    }
}

/// Every user variable bound to an array on `buffer`: (name, array), sorted by name.
fn arrays_on(interp: &Interp, buffer: &Rc<Buffer>) -> Vec<(String, Rc<NdArray>)> {
    let mut v: Vec<(String, Rc<NdArray>)> = interp
        .globals
        .iter()
        .filter(|(k, _)| !k.starts_with('_'))
        .filter_map(|(k, v)| match v {
            Value::Array(a) if Rc::ptr_eq(a.buffer(), buffer) => Some((k.clone(), a.clone())),
            _ => None,
        })
        .collect();
    v.sort_by(|x, y| x.0.cmp(&y.0));
    v
}

/// `%buffers`: every buffer some user variable's array uses, by address, with the arrays on
/// it (the owner first) and the bytes each reaches.
pub fn buffers(interp: &Interp) -> Vec<BufferUse> {
    let mut seen: Vec<Rc<Buffer>> = Vec::new();
    for (k, v) in interp.globals.iter() {
        if let Value::Array(a) = v
            && !k.starts_with('_')
            && !seen.iter().any(|b| Rc::ptr_eq(b, a.buffer()))
        {
            seen.push(a.buffer().clone());
        }
    }
    seen.sort_by_key(|b| b.address());
    seen.iter()
        .map(|b| {
            let users = arrays_on(interp, b);
            let first = &users[0].1;
            let mut map = byte_map(interp, first);
            for (n, a) in &users {
                add_row(&mut map, interp, n, a);
            }
            BufferUse {
                address: map.address,
                nbytes: map.nbytes,
                owner: map.owner,
                users: map
                    .rows
                    .into_iter()
                    .map(|r| {
                        let ext = crate::runtime::Layout {
                            shape: r.shape.clone(),
                            strides: r.strides.clone(),
                            offset_bytes: r.offset_bytes,
                        }
                        .byte_extent(r.itemsize);
                        (r, ext)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// `%whos`' memory column facts for one value.
pub fn holding(interp: &Interp, v: &Value) -> Holding {
    match v {
        Value::Array(a) if a.owns_data() => Holding::Owns {
            nbytes: a.buffer().nbytes(),
        },
        Value::Array(a) => {
            let o = owner_of(interp, a);
            Holding::View {
                owner: o.names.first().cloned(),
                is_bytes: o.is_bytes,
                is_numpy_copy: o.is_numpy_copy,
                offset_bytes: a.offset_bytes(),
            }
        }
        Value::List(l) => Holding::Refs {
            type_name: "list",
            n: l.items.borrow().len(),
        },
        Value::Tuple(t) => Holding::Refs {
            type_name: "tuple",
            n: t.items.len(),
        },
        _ => Holding::Nothing,
    }
}
