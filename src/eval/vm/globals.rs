//! The session's global namespace as slots: the compiler turns each global name into a slot
//! index once, so running code reads and writes globals without hashing names. Deleted names
//! keep their slot (empty). Iteration follows insertion order, as a dict's does; the map-like
//! methods (`get`, `insert`, `remove`, `iter`, `keys`) serve the shell.

use crate::eval::object::fxmap::FxHashMap;
use crate::eval::object::value::Value;

pub struct Slot {
    pub name: String,
    pub value: Option<Value>,
    /// When the name was last bound from unbound (dict insertion order).
    order: u64,
    /// The builtin (or NumPy shorthand) this name falls back to, once looked up.
    pub fallback: Option<Value>,
}

#[derive(Default)]
pub struct Globals {
    index: FxHashMap<String, u32>,
    pub slots: Vec<Slot>,
    clock: u64,
}

impl Globals {
    /// The slot of a name, made on first sight.
    pub fn slot(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.slots.len() as u32;
        self.slots.push(Slot {
            name: name.to_string(),
            value: None,
            order: 0,
            fallback: None,
        });
        self.index.insert(name.to_string(), i);
        i
    }

    /// Binds slot `i`; the old value is returned (to be dropped after the new one is stored,
    /// as STORE_NAME does).
    pub fn set(&mut self, i: u32, v: Value) -> Option<Value> {
        let s = &mut self.slots[i as usize];
        if s.value.is_none() {
            self.clock += 1;
            s.order = self.clock;
        }
        s.value.replace(v)
    }

    pub fn get_slot(&self, i: u32) -> Option<&Value> {
        self.slots[i as usize].value.as_ref()
    }

    pub fn take_slot(&mut self, i: u32) -> Option<Value> {
        self.slots[i as usize].value.take()
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        let &i = self.index.get(name)?;
        self.slots[i as usize].value.as_ref()
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        let &i = self.index.get(name)?;
        self.slots[i as usize].value.as_mut()
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn insert(&mut self, name: String, v: Value) -> Option<Value> {
        let i = self.slot(&name);
        self.set(i, v)
    }

    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let &i = self.index.get(name)?;
        self.slots[i as usize].value.take()
    }

    /// Bound names and values, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        let mut bound: Vec<&Slot> = self.slots.iter().filter(|s| s.value.is_some()).collect();
        bound.sort_by_key(|s| s.order);
        bound
            .into_iter()
            .filter_map(|s| s.value.as_ref().map(|v| (&s.name, v)))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(k, _)| k)
    }

    /// Unbinds every name (the slots stay: compiled code refers to them).
    pub fn clear(&mut self) {
        let old: Vec<Option<Value>> = self.slots.iter_mut().map(|s| s.value.take()).collect();
        drop(old);
    }

    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.value.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
