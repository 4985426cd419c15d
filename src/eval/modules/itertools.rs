//! The `itertools` module: lazy iterators written in Rust, each yielding what CPython 3.11's
//! `itertoolsmodule.c` yields, in its order (the combinatorics follow the recipes its
//! documentation gives as equivalents).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::error::{PyError, PyResult};
use crate::eval::Interp;
use crate::eval::modules::NativeIter;
use crate::eval::object::value::{PyIter, Value};
use crate::eval::registry::{Bound, Origin, Row};
use crate::syntax::ast::{BinOp, CmpOp};

pub const ROWS: &[Row] = &[
    Row::module("itertools", Origin::BuiltIn),
    Row::c_class("itertools.count", "(start=0, step=1)", count),
    Row::c_class("itertools.cycle", "(iterable, /)", cycle),
    Row::c_class("itertools.repeat", "!(object, times?)", repeat),
    Row::c_class(
        "itertools.accumulate",
        "(iterable, func=None, *, initial=None)",
        accumulate,
    ),
    Row::c_class("itertools.chain", "!(*iterables)", chain),
    Row::builtin("itertools.chain.from_iterable", "(iterable, /)", chain),
    Row::c_class("itertools.compress", "(data, selectors)", compress),
    Row::c_class("itertools.dropwhile", "(predicate, iterable, /)", while_),
    Row::c_class("itertools.takewhile", "(predicate, iterable, /)", while_),
    Row::c_class(
        "itertools.filterfalse",
        "(function, iterable, /)",
        filterfalse,
    ),
    Row::c_class("itertools.groupby", "(iterable, key=None)", groupby),
    Row::c_class("itertools.islice", "!(iterable, *args)", islice),
    Row::c_class("itertools.starmap", "(function, iterable, /)", starmap),
    Row::builtin("itertools.tee", "(iterable, n=2, /)", tee),
    Row::c_class(
        "itertools.zip_longest",
        "!(*args, fillvalue=None)",
        zip_longest,
    ),
    Row::c_class("itertools.product", "!(*iterables, repeat=1)", product),
    Row::c_class("itertools.permutations", "(iterable, r=None)", combinatoric),
    Row::c_class("itertools.combinations", "(iterable, r)", combinatoric),
    Row::c_class(
        "itertools.combinations_with_replacement",
        "(iterable, r)",
        combinatoric,
    ),
    Row::c_class("itertools.pairwise", "(iterable, /)", pairwise),
];

/// `itertools.<name>`: the type name of the iterators a row makes.
fn kind_of(func: &str) -> &'static str {
    match func {
        "count" => "itertools.count",
        "cycle" => "itertools.cycle",
        "repeat" => "itertools.repeat",
        "accumulate" => "itertools.accumulate",
        "chain" | "from_iterable" => "itertools.chain",
        "compress" => "itertools.compress",
        "dropwhile" => "itertools.dropwhile",
        "takewhile" => "itertools.takewhile",
        "filterfalse" => "itertools.filterfalse",
        "groupby" => "itertools.groupby",
        "islice" => "itertools.islice",
        "starmap" => "itertools.starmap",
        "zip_longest" => "itertools.zip_longest",
        "product" => "itertools.product",
        "permutations" => "itertools.permutations",
        "combinations" => "itertools.combinations",
        "combinations_with_replacement" => "itertools.combinations_with_replacement",
        "pairwise" => "itertools.pairwise",
        _ => "itertools._tee",
    }
}

struct Count {
    next: Value,
    step: Value,
}

impl NativeIter for Count {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        let after = it.binary_op(&self.next, BinOp::Add, &self.step)?;
        Ok(Some(std::mem::replace(&mut self.next, after)))
    }
    fn repr(&self, it: &mut Interp) -> Option<PyResult<String>> {
        // `count(5)`, `count(5, 2)`: the step shows unless it is the int 1
        let step_is_one = matches!(&self.step, Value::Int(i) if i.v.to_i64() == Some(1));
        Some((|| {
            let next = it.repr(&self.next)?;
            Ok(if step_is_one {
                format!("count({next})")
            } else {
                format!("count({next}, {})", it.repr(&self.step)?)
            })
        })())
    }
}

fn count(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let start = a.take("start").unwrap_or_else(|| it.new_i64(0));
    let step = a.take("step").unwrap_or_else(|| it.new_i64(1));
    for v in [&start, &step] {
        if crate::eval::object::ops::as_complex(v)?.is_none() && !matches!(v, Value::Scalar(_)) {
            return Err(PyError::type_error("a number is required"));
        }
    }
    Ok(it.native_iter("itertools.count", Count { next: start, step }))
}

struct Cycle {
    src: Option<Rc<PyIter>>,
    saved: Vec<Value>,
    pos: usize,
}

impl NativeIter for Cycle {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if let Some(src) = &self.src {
            match it.iter_next(src)? {
                Some(x) => {
                    self.saved.push(x.clone());
                    return Ok(Some(x));
                }
                None => self.src = None,
            }
        }
        if self.saved.is_empty() {
            return Ok(None);
        }
        let x = self.saved[self.pos % self.saved.len()].clone();
        self.pos += 1;
        Ok(Some(x))
    }
}

fn cycle(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let src = Some(it.iter_object(&src)?);
    Ok(it.native_iter(
        "itertools.cycle",
        Cycle {
            src,
            saved: Vec::new(),
            pos: 0,
        },
    ))
}

struct Repeat {
    obj: Value,
    left: Option<u64>,
}

impl NativeIter for Repeat {
    fn next(&mut self, _: &mut Interp) -> PyResult<Option<Value>> {
        match &mut self.left {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(self.obj.clone()))
            }
            None => Ok(Some(self.obj.clone())),
        }
    }
    fn repr(&self, it: &mut Interp) -> Option<PyResult<String>> {
        Some(it.repr(&self.obj).map(|o| match self.left {
            Some(n) => format!("repeat({o}, {n})"),
            None => format!("repeat({o})"),
        }))
    }
}

fn repeat(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let obj = a.req("object")?;
    let left = match a.take("times") {
        Some(t) => Some(it.int_value(&t, "")?.to_i64().unwrap_or(i64::MAX).max(0) as u64),
        None => None,
    };
    Ok(it.native_iter("itertools.repeat", Repeat { obj, left }))
}

struct Accumulate {
    src: Rc<PyIter>,
    func: Option<Value>,
    total: Option<Value>,
    initial: Option<Value>,
}

impl NativeIter for Accumulate {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if let Some(v) = self.initial.take() {
            self.total = Some(v.clone());
            return Ok(Some(v));
        }
        let Some(x) = it.iter_next(&self.src)? else {
            return Ok(None);
        };
        let total = match self.total.take() {
            None => x,
            Some(t) => match &self.func {
                None => it.binary_op(&t, BinOp::Add, &x)?,
                Some(f) => it.call(f, vec![t, x], vec![])?,
            },
        };
        self.total = Some(total.clone());
        Ok(Some(total))
    }
}

fn accumulate(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let src = it.iter_object(&src)?;
    let func = a.take_some("func");
    let initial = a.take_some("initial");
    Ok(it.native_iter(
        "itertools.accumulate",
        Accumulate {
            src,
            func,
            total: None,
            initial,
        },
    ))
}

struct Chain {
    /// The iterables still to come (an iterator of them for `from_iterable`).
    sources: Rc<PyIter>,
    active: Option<Rc<PyIter>>,
}

impl NativeIter for Chain {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        loop {
            if let Some(cur) = &self.active {
                if let Some(x) = it.iter_next(cur)? {
                    return Ok(Some(x));
                }
                self.active = None;
            }
            let Some(next) = it.iter_next(&self.sources)? else {
                return Ok(None);
            };
            self.active = Some(it.iter_object(&next)?);
        }
    }
}

fn chain(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let sources = if a.func == "from_iterable" {
        a.req("iterable")?
    } else {
        let items = std::mem::take(&mut a.star);
        it.new_tuple(items)
    };
    let sources = it.iter_object(&sources)?;
    Ok(it.native_iter(
        "itertools.chain",
        Chain {
            sources,
            active: None,
        },
    ))
}

struct Compress {
    data: Rc<PyIter>,
    selectors: Rc<PyIter>,
}

impl NativeIter for Compress {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        loop {
            let Some(x) = it.iter_next(&self.data)? else {
                return Ok(None);
            };
            let Some(s) = it.iter_next(&self.selectors)? else {
                return Ok(None);
            };
            if it.truthy(&s)? {
                return Ok(Some(x));
            }
        }
    }
}

fn compress(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let data = a.req("data")?;
    let selectors = a.req("selectors")?;
    let data = it.iter_object(&data)?;
    let selectors = it.iter_object(&selectors)?;
    Ok(it.native_iter("itertools.compress", Compress { data, selectors }))
}

/// `dropwhile` (dropping until the predicate fails) and `takewhile` (taking while it holds).
struct While {
    pred: Value,
    src: Rc<PyIter>,
    take: bool,
    /// dropwhile: done dropping; takewhile: done taking.
    switched: bool,
}

impl NativeIter for While {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if self.take && self.switched {
            return Ok(None);
        }
        loop {
            let Some(x) = it.iter_next(&self.src)? else {
                return Ok(None);
            };
            if !self.take && self.switched {
                return Ok(Some(x));
            }
            let r = it.call(&self.pred, vec![x.clone()], vec![])?;
            let holds = it.truthy(&r)?;
            if self.take {
                if holds {
                    return Ok(Some(x));
                }
                self.switched = true;
                return Ok(None);
            }
            if !holds {
                self.switched = true;
                return Ok(Some(x));
            }
        }
    }
}

fn while_(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let pred = a.req("predicate")?;
    let src = a.req("iterable")?;
    let src = it.iter_object(&src)?;
    let take = a.func == "takewhile";
    Ok(it.native_iter(
        kind_of(a.func),
        While {
            pred,
            src,
            take,
            switched: false,
        },
    ))
}

struct FilterFalse {
    pred: Value,
    src: Rc<PyIter>,
}

impl NativeIter for FilterFalse {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        loop {
            let Some(x) = it.iter_next(&self.src)? else {
                return Ok(None);
            };
            let keep = if self.pred.is_none() {
                x.clone()
            } else {
                it.call(&self.pred, vec![x.clone()], vec![])?
            };
            if !it.truthy(&keep)? {
                return Ok(Some(x));
            }
        }
    }
}

fn filterfalse(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let pred = a.req("function")?;
    let src = a.req("iterable")?;
    let src = it.iter_object(&src)?;
    Ok(it.native_iter("itertools.filterfalse", FilterFalse { pred, src }))
}

/// What a `groupby` and its groups share (`groupbyobject`).
struct GroupState {
    src: Rc<PyIter>,
    key: Option<Value>,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Which group may still yield (a group made earlier is finished).
    current: u64,
}

/// `groupby_step`: the next value and its key; `false` at the end.
fn group_step(it: &mut Interp, g: &Rc<RefCell<GroupState>>) -> PyResult<bool> {
    let (src, key) = {
        let s = g.borrow();
        (s.src.clone(), s.key.clone())
    };
    let Some(v) = it.iter_next(&src)? else {
        return Ok(false);
    };
    let k = match key {
        Some(f) => it.call(&f, vec![v.clone()], vec![])?,
        None => v.clone(),
    };
    let mut s = g.borrow_mut();
    s.currvalue = Some(v);
    s.currkey = Some(k);
    Ok(true)
}

struct GroupBy {
    state: Rc<RefCell<GroupState>>,
}

impl NativeIter for GroupBy {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        let g = &self.state;
        {
            let mut s = g.borrow_mut();
            s.current += 1;
        }
        loop {
            let (curr, tgt) = {
                let s = g.borrow();
                (s.currkey.clone(), s.tgtkey.clone())
            };
            match (curr, tgt) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    let r = it.compare(&t, CmpOp::Eq, &c)?;
                    if !it.truthy(&r)? {
                        break;
                    }
                }
            }
            if !group_step(it, g)? {
                return Ok(None);
            }
        }
        let (key, serial) = {
            let mut s = g.borrow_mut();
            s.tgtkey = s.currkey.clone();
            (s.currkey.clone().unwrap_or(Value::None), s.current)
        };
        let group = it.native_iter(
            "itertools._grouper",
            Grouper {
                state: g.clone(),
                serial,
                tgtkey: key.clone(),
            },
        );
        Ok(Some(it.new_tuple(vec![key, group])))
    }
}

struct Grouper {
    state: Rc<RefCell<GroupState>>,
    serial: u64,
    tgtkey: Value,
}

impl NativeIter for Grouper {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if self.state.borrow().current != self.serial {
            return Ok(None);
        }
        if self.state.borrow().currvalue.is_none() && !group_step(it, &self.state)? {
            return Ok(None);
        }
        let curr = self.state.borrow().currkey.clone().unwrap_or(Value::None);
        let r = it.compare(&self.tgtkey, CmpOp::Eq, &curr)?;
        if !it.truthy(&r)? {
            return Ok(None);
        }
        let mut s = self.state.borrow_mut();
        s.currkey = None;
        Ok(s.currvalue.take())
    }
}

fn groupby(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let src = it.iter_object(&src)?;
    let key = a.take_some("key");
    let state = Rc::new(RefCell::new(GroupState {
        src,
        key,
        tgtkey: None,
        currkey: None,
        currvalue: None,
        current: 0,
    }));
    Ok(it.native_iter("itertools.groupby", GroupBy { state }))
}

struct ISlice {
    src: Option<Rc<PyIter>>,
    next: u64,
    stop: Option<u64>,
    step: u64,
    cnt: u64,
}

impl NativeIter for ISlice {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        let Some(src) = self.src.clone() else {
            return Ok(None);
        };
        while self.cnt < self.next {
            if it.iter_next(&src)?.is_none() {
                self.src = None;
                return Ok(None);
            }
            self.cnt += 1;
        }
        if self.stop.is_some_and(|s| self.cnt >= s) {
            self.src = None;
            return Ok(None);
        }
        let Some(x) = it.iter_next(&src)? else {
            self.src = None;
            return Ok(None);
        };
        self.cnt += 1;
        let old = self.next;
        self.next = self.next.saturating_add(self.step);
        if let Some(s) = self.stop
            && (self.next < old || self.next > s)
        {
            self.next = s;
        }
        Ok(Some(x))
    }
}

fn islice(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let args = std::mem::take(&mut a.star);
    if args.is_empty() || args.len() > 3 {
        return Err(PyError::type_error(format!(
            "islice expected at most 4 arguments, got {}",
            args.len() + 1
        )));
    }
    let bound = |it: &mut Interp, v: &Value, err: fn() -> PyError| -> PyResult<Option<u64>> {
        if v.is_none() {
            return Ok(None);
        }
        let i = it.int_value(v, "").map_err(|_| err())?;
        match i.to_i64() {
            Some(n) if n >= 0 => Ok(Some(n as u64)),
            _ => Err(err()),
        }
    };
    let (start, stop, step) = if args.len() == 1 {
        (None, bound(it, &args[0], PyError::islice_stop)?, None)
    } else {
        let stop = bound(it, &args[1], PyError::islice_stop)?;
        let start = bound(it, &args[0], PyError::islice_indices)?;
        let step = match args.get(2) {
            Some(v) if !v.is_none() => match it.int_value(v, "").ok().and_then(|i| i.to_i64()) {
                Some(n) if n >= 1 => Some(n as u64),
                _ => return Err(PyError::islice_step()),
            },
            _ => None,
        };
        (start, stop, step)
    };
    let src = Some(it.iter_object(&src)?);
    Ok(it.native_iter(
        "itertools.islice",
        ISlice {
            src,
            next: start.unwrap_or(0),
            stop,
            step: step.unwrap_or(1),
            cnt: 0,
        },
    ))
}

struct StarMap {
    func: Value,
    src: Rc<PyIter>,
}

impl NativeIter for StarMap {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        let Some(x) = it.iter_next(&self.src)? else {
            return Ok(None);
        };
        let args = it.collect(&x)?;
        it.call(&self.func, args, vec![]).map(Some)
    }
}

fn starmap(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let func = a.req("function")?;
    let src = a.req("iterable")?;
    let src = it.iter_object(&src)?;
    Ok(it.native_iter("itertools.starmap", StarMap { func, src }))
}

/// What the iterators `tee` makes share: the source and, per iterator, what it has not seen.
struct TeeShared {
    src: Rc<PyIter>,
    queues: Vec<VecDeque<Value>>,
}

struct Tee {
    shared: Rc<RefCell<TeeShared>>,
    me: usize,
}

impl NativeIter for Tee {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if let Some(x) = self.shared.borrow_mut().queues[self.me].pop_front() {
            return Ok(Some(x));
        }
        let src = self.shared.borrow().src.clone();
        let Some(x) = it.iter_next(&src)? else {
            return Ok(None);
        };
        let mut s = self.shared.borrow_mut();
        let me = self.me;
        for (i, q) in s.queues.iter_mut().enumerate() {
            if i != me {
                q.push_back(x.clone());
            }
        }
        Ok(Some(x))
    }
}

fn tee(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let n = match a.take("n") {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(i64::MAX),
        None => 2,
    };
    if n < 0 {
        return Err(PyError::value("n must be >= 0"));
    }
    let src = it.iter_object(&src)?;
    let n = n as usize;
    let shared = Rc::new(RefCell::new(TeeShared {
        src,
        queues: vec![VecDeque::new(); n],
    }));
    let items = (0..n)
        .map(|me| {
            it.native_iter(
                "itertools._tee",
                Tee {
                    shared: shared.clone(),
                    me,
                },
            )
        })
        .collect();
    Ok(it.new_tuple(items))
}

struct ZipLongest {
    iters: Vec<Option<Rc<PyIter>>>,
    fill: Value,
    active: usize,
}

impl NativeIter for ZipLongest {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if self.iters.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.iters.len());
        for slot in self.iters.iter_mut() {
            let x = match slot {
                Some(src) => match it.iter_next(src)? {
                    Some(x) => x,
                    None => {
                        *slot = None;
                        self.active -= 1;
                        if self.active == 0 {
                            return Ok(None);
                        }
                        self.fill.clone()
                    }
                },
                None => self.fill.clone(),
            };
            out.push(x);
        }
        Ok(Some(it.new_tuple(out)))
    }
}

fn zip_longest(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let fill = a.take("fillvalue").unwrap_or(Value::None);
    let mut iters = Vec::new();
    for v in std::mem::take(&mut a.star) {
        iters.push(Some(it.iter_object(&v)?));
    }
    let active = iters.len();
    Ok(it.native_iter(
        "itertools.zip_longest",
        ZipLongest {
            iters,
            fill,
            active,
        },
    ))
}

/// Which combinatoric generator.
#[derive(Clone, Copy, PartialEq)]
enum Comb {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

/// The index machines of `product`, `permutations`, `combinations` and
/// `combinations_with_replacement` over pools read up front.
struct Combinatoric {
    kind: Comb,
    /// One pool per position for `product`, one shared pool otherwise.
    pools: Vec<Rc<Vec<Value>>>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    first: bool,
    done: bool,
}

impl Combinatoric {
    fn emit(&self, it: &mut Interp) -> Value {
        let items = match self.kind {
            Comb::Product => self
                .indices
                .iter()
                .zip(&self.pools)
                .map(|(&i, p)| p[i].clone())
                .collect(),
            _ => self.indices[..self.r]
                .iter()
                .map(|&i| self.pools[0][i].clone())
                .collect(),
        };
        it.new_tuple(items)
    }

    /// Advances the indices; `false` when every tuple has been made.
    fn advance(&mut self) -> bool {
        let r = self.r;
        match self.kind {
            Comb::Product => {
                for i in (0..self.indices.len()).rev() {
                    self.indices[i] += 1;
                    if self.indices[i] < self.pools[i].len() {
                        return true;
                    }
                    self.indices[i] = 0;
                }
                false
            }
            Comb::Permutations => {
                let n = self.pools[0].len();
                for i in (0..r).rev() {
                    self.cycles[i] -= 1;
                    if self.cycles[i] == 0 {
                        let moved = self.indices.remove(i);
                        self.indices.push(moved);
                        self.cycles[i] = n - i;
                    } else {
                        let j = self.cycles[i];
                        self.indices.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
            Comb::Combinations => {
                let n = self.pools[0].len();
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
                    return false;
                };
                self.indices[i] += 1;
                for j in i + 1..r {
                    self.indices[j] = self.indices[j - 1] + 1;
                }
                true
            }
            Comb::WithReplacement => {
                let n = self.pools[0].len();
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
                    return false;
                };
                let v = self.indices[i] + 1;
                for x in &mut self.indices[i..] {
                    *x = v;
                }
                true
            }
        }
    }
}

impl NativeIter for Combinatoric {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        if self.first {
            self.first = false;
        } else if !self.advance() {
            self.done = true;
            return Ok(None);
        }
        Ok(Some(self.emit(it)))
    }
}

fn product(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let repeat = match a.take("repeat") {
        Some(v) => it.int_value(&v, "")?.to_i64().unwrap_or(i64::MAX),
        None => 1,
    };
    if repeat < 0 {
        return Err(PyError::must_be_non_negative("repeat argument"));
    }
    let mut pools = Vec::new();
    for v in std::mem::take(&mut a.star) {
        pools.push(Rc::new(it.collect(&v)?));
    }
    let one_round = pools.clone();
    for _ in 1..repeat.max(1) {
        pools.extend(one_round.iter().cloned());
    }
    if repeat == 0 {
        pools.clear();
    }
    let done = pools.iter().any(|p| p.is_empty());
    let n = pools.len();
    Ok(it.native_iter(
        "itertools.product",
        Combinatoric {
            kind: Comb::Product,
            pools,
            r: n,
            indices: vec![0; n],
            cycles: Vec::new(),
            first: true,
            done,
        },
    ))
}

fn combinatoric(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let kind = match a.func {
        "permutations" => Comb::Permutations,
        "combinations" => Comb::Combinations,
        _ => Comb::WithReplacement,
    };
    let src = a.req("iterable")?;
    let pool = Rc::new(it.collect(&src)?);
    let n = pool.len();
    let r = match a.take_some("r") {
        Some(v) => {
            // PyLong_AsSsize_t: past sys.maxsize is an OverflowError
            let r = it.int_value(&v, "")?;
            let r = r.to_i64().ok_or_else(PyError::too_large_for_ssize_t)?;
            if r < 0 {
                return Err(PyError::must_be_non_negative("r"));
            }
            r as usize
        }
        None => n,
    };
    // CPython allocates r indices up front (PyMem_New), whatever n is: checked against the
    // budget, and none are made when r > n leaves nothing to yield
    it.gate(r as u128 * 8)?;
    let (indices, cycles, done) = match kind {
        Comb::Permutations => (
            (0..n).collect(),
            (0..r.min(n)).map(|i| n - i).collect(),
            r > n,
        ),
        Comb::Combinations if r > n => (Vec::new(), Vec::new(), true),
        Comb::Combinations => ((0..r).collect(), Vec::new(), false),
        _ => (vec![0; r], Vec::new(), n == 0 && r > 0),
    };
    Ok(it.native_iter(
        kind_of(a.func),
        Combinatoric {
            kind,
            pools: vec![pool],
            r,
            indices,
            cycles,
            first: true,
            done,
        },
    ))
}

struct Pairwise {
    src: Rc<PyIter>,
    old: Option<Value>,
}

impl NativeIter for Pairwise {
    fn next(&mut self, it: &mut Interp) -> PyResult<Option<Value>> {
        let old = match self.old.take() {
            Some(v) => v,
            None => match it.iter_next(&self.src)? {
                Some(v) => v,
                None => return Ok(None),
            },
        };
        let Some(new) = it.iter_next(&self.src)? else {
            return Ok(None);
        };
        self.old = Some(new.clone());
        Ok(Some(it.new_tuple(vec![old, new])))
    }
}

fn pairwise(it: &mut Interp, mut a: Bound) -> PyResult<Value> {
    let src = a.req("iterable")?;
    let src = it.iter_object(&src)?;
    Ok(it.native_iter("itertools.pairwise", Pairwise { src, old: None }))
}
