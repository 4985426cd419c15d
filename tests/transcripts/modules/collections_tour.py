# collections: Counter, defaultdict, OrderedDict, deque and namedtuple
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
words = 'the cat and the dog and the bird'.split()
c = Counter(words)
c
c['the'], c['fish']
c.most_common(2)
c.most_common()
Counter('mississippi')
Counter({'a': 3, 'b': 1}) + Counter(a=1, c=2)
Counter(a=3, b=1) - Counter(a=1, b=2)
Counter(a=3, b=1) | Counter(a=1, b=2)
Counter(a=3, b=1) & Counter(a=1, b=2)
c.update(['cat', 'cat'])
c['cat']
c.subtract({'the': 3})
c
sorted(c.elements())[:4]
Counter([1, 2, 2, 3, 3, 3]).total()
len(c), list(c)[:3]
Counter()
isinstance(c, dict), isinstance(c, Counter), type(c)
d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
d
dict(d)
counts = defaultdict(int)
for ch in 'hello':
    counts[ch] += 1
counts
d.default_factory
defaultdict(None)['x']
defaultdict(5)
od = OrderedDict()
od['z'] = 1
od['a'] = 2
od
od.move_to_end('z')
od
od.popitem(last=False)
OrderedDict()
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
q
q.pop(), q.popleft()
q.rotate(1)
q
q.extend([7, 8])
q.extendleft([-1, -2])
q
q[0], q[-1], len(q), 7 in q
window = deque(maxlen=3)
for x in range(6):
    window.append(x)
window
window.maxlen
list(window), sum(window)
deque().pop()
Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
p
p.x + p.y, p[0], len(p)
x, y = p
x, y
p._asdict()
p._replace(y=10)
Point._fields
p == (3, 4)
Point
Point(1)
Color = namedtuple('Color', 'red green blue', defaults=[0])
Color(255, 128)
namedtuple('Bad', 'x class')
