# the objects the modules make: reprs, types, hashing and identity
import itertools, functools, collections, operator
itertools.count(3), itertools.count(2, 0.5), itertools.count(2.0)
itertools.repeat('a', 2), itertools.repeat(None)
type(itertools.chain()) is itertools.chain, isinstance(itertools.count(), itertools.count)
repr(itertools.islice('ab', 1)).split(' at ')[0]
functools.partial
type(functools.partial(max))
functools.partial(pow, 2, exp=3)
functools.partial(functools.partial(pow, 2), 5)()
sq = functools.lru_cache(maxsize=2)(lambda x: x * x)
sq(1), sq(2), sq(1), sq(3), sq(2)
sq.cache_info()
callable(sq), callable(functools.partial(max)), callable(collections.deque())
P = collections.namedtuple('P', 'x y')
P(1, 2) == (1, 2), hash(P(1, 2)) == hash((1, 2)), {P(1, 2): 'a'}[(1, 2)]
sorted([P(2, 1), P(1, 5), P(1, 2)])
P(x=1, y=2), P(1, y=2)
P(1, 2, 3)
P(1, z=3)
hash(collections.deque())
collections.deque([1, 2]) == collections.deque([1, 2]), collections.deque([1]) == [1]
bool(collections.deque()), bool(collections.deque([0]))
collections.Counter(a=2) == {'a': 2}
c = collections.Counter('aab')
c.copy(), type(c.copy())
dict(c), list(c.items())
operator.itemgetter(1, 0)
operator.attrgetter('x')
operator.methodcaller('split', ',', maxsplit=1)
