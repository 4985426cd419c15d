# Identity: small ints (-5..256) are cached objects, separately made large ints differ; `is` vs `==`.
import numpy as np
e = 5
f = 5
e is f
id(e) == id(f)
id(5) == id(5)
n = 256
m = 256
n is m
n = 257
m = 257
n is m
n == m
n = -5
m = -5
n is m
n = -6
m = -6
n is m
a = 1000
b = 1000
a is b
a == b
id(a) == id(b)
a = 1000; b = 1000; a is b
a, b = 1000, 1000
a is b
257 is 257
x = 1000
y = x
y is x
id(y) == id(x)
x += 1
y is x
x, y
int('1000') is int('1000')
int('100') is int('100')
1000 + 1 is 1001
t = 10 ** 3
t is 1000
t == 1000
big = 2 ** 100
big2 = 2 ** 100
big is big2, big == big2
f1 = 1.5
f2 = 1.5
f1 is f2, f1 == f2
f1, f2 = 1.5, 1.5
f1 is f2
None is None
x = None
x is None, x == None
True is True
b1 = 1 < 2
b1 is True
bool(5) is True
s1 = 'hello'
s2 = 'hello'
s1 is s2
s1 = 'hello world'
s2 = 'hello world'
s1 is s2, s1 == s2
'abc'[0] is 'a'
() is ()
tuple() is ()
[] is []
[] == []
l = [1, 2]
l2 = l
l2 is l
l3 = list(l)
l3 is l, l3 == l
l2.append(3)
l
l3
a, b, c = 100, 'b', {}
alist = [a, b, c]
id(alist[0]) == id(a)
alist[0] is a
alist[1] is b
alist[2] is c
c['k'] = 1
alist
alist2 = [100, 'b', {}]
alist2[0] is a
alist2[2] is c
alist2 == alist
