# Builtin types and the iterator types called like functions are registry rows
list(zip([1, 2], 'ab'))
list(enumerate('ab', start=1))
list(map(lambda x: x * 2, [1, 2]))
list(filter(None, [0, 1, 2]))
list(reversed([1, 2, 3]))
zip
enumerate
isinstance(zip(), zip)
type(map(abs, []))
map(abs)
filter(None)
reversed()
enumerate()
int, float, object, type, frozenset
int('5'), str(5), list('ab'), dict(a=1)
Ellipsis
NotImplemented
ValueError
