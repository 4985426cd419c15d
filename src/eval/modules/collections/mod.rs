//! The `collections` module: `Counter`, `defaultdict` and `OrderedDict` are dicts with a
//! flavour (every dict method works on them; the flavour adds `__missing__`, their own
//! methods, arithmetic and repr), `deque` and `namedtuple` are native objects. Semantics and
//! reprs are CPython 3.11's (`collections/__init__.py`, `_collectionsmodule.c`).

mod deque;
mod flavors;
mod namedtuple;

use crate::eval::registry::{Origin, Row};
use deque::{
    deque_add, deque_insert, deque_maxlen, deque_misc, deque_new, deque_pop, deque_rotate,
    deque_search,
};
use flavors::{
    counter_new, counter_update, default_factory, defaultdict_new, elements, flavored_copy,
    most_common, move_to_end, ordered_new, ordered_popitem, total,
};
use namedtuple::{namedtuple, nt_asdict, nt_make_from, nt_replace};

pub use flavors::{DictFlavor, counter_binary, flavored_repr, missing};
pub use namedtuple::native_namedtuple;

pub const ROWS: &[Row] = &[
    // a package in CPython (`collections.abc`)
    Row::module("collections", Origin::Stdlib { package: true }),
    Row::class(
        "collections.Counter",
        "Counter.__init__(iterable=None, /, **kwds)",
        counter_new,
    ),
    Row::method("collections.Counter.most_common", "(n=None)", most_common),
    Row::method("collections.Counter.elements", "()", elements),
    Row::method("collections.Counter.total", "()", total),
    Row::method(
        "collections.Counter.update",
        "(iterable=None, /, **kwds)",
        counter_update,
    ),
    Row::method(
        "collections.Counter.subtract",
        "(iterable=None, /, **kwds)",
        counter_update,
    ),
    Row::method("collections.Counter.copy", "()", flavored_copy),
    Row::c_class(
        "collections.defaultdict",
        "!(default_factory=None, /, *args, **kwargs)",
        defaultdict_new,
    ),
    Row::attr("collections.defaultdict.default_factory", default_factory),
    Row::method("collections.defaultdict.copy", "()", flavored_copy),
    Row::c_class("collections.OrderedDict", "!(*args, **kwargs)", ordered_new),
    Row::method(
        "collections.OrderedDict.move_to_end",
        "(key, last=True)",
        move_to_end,
    ),
    Row::method(
        "collections.OrderedDict.popitem",
        "(last=True)",
        ordered_popitem,
    ),
    Row::method("collections.OrderedDict.copy", "()", flavored_copy),
    Row::c_class(
        "collections.deque",
        "!(iterable=(), maxlen=None)",
        deque_new,
    ),
    Row::method("collections.deque.append", "!(x, /)", deque_add),
    Row::method("collections.deque.appendleft", "!(x, /)", deque_add),
    Row::method("collections.deque.extend", "!(iterable, /)", deque_add),
    Row::method("collections.deque.extendleft", "!(iterable, /)", deque_add),
    Row::method("collections.deque.pop", "!()", deque_pop),
    Row::method("collections.deque.popleft", "!()", deque_pop),
    Row::method("collections.deque.clear", "!()", deque_misc),
    Row::method("collections.deque.reverse", "!()", deque_misc),
    Row::method("collections.deque.copy", "!()", deque_misc),
    Row::method("collections.deque.rotate", "!(n=1, /)", deque_rotate),
    Row::method("collections.deque.count", "!(value, /)", deque_search),
    Row::method("collections.deque.remove", "!(value, /)", deque_search),
    Row::method("collections.deque.index", "!(value, /)", deque_search),
    Row::method(
        "collections.deque.insert",
        "!(index, object, /)",
        deque_insert,
    ),
    Row::attr("collections.deque.maxlen", deque_maxlen),
    Row::py(
        "collections.namedtuple",
        "(typename, field_names, *, rename=False, defaults=None, module=None)",
        namedtuple,
    ),
    Row::method("collections._namedtuple._asdict", "()", nt_asdict),
    Row::method("collections._namedtuple._replace", "(**kwds)", nt_replace),
    Row::method(
        "collections._namedtuple_class._make",
        "(iterable)",
        nt_make_from,
    ),
];
