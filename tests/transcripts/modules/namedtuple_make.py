from collections import namedtuple
Point = namedtuple('Point', 'x y')
Point._make([5, 6]), Point._make(iter('ab')), Point._make((1, 2))._asdict()
Point._make([1])
Point._make([1, 2, 3])
Point._field_defaults
P3 = namedtuple('P3', 'x y z', defaults=[0, 9])
P3._field_defaults, P3._make([1, 2, 3]), P3(1)
