# Comparing structured arrays: == and != field by field (promotable fields, NaN fields unequal, subarray fields reduced), NumPy's errors for other dtypes and orderings; ufuncs of records refused in NumPy's three wordings
import numpy as np
a = np.array([(1, 2.0), (3, 4.0)], dtype=[('x', 'i4'), ('y', 'f8')])
b = np.array([(1, 2.0), (3, 5.0)], dtype=[('x', 'i4'), ('y', 'f8')])
a == b
a != b
a == a[0]
a[0] == b[0]
a[0] != b[1]
c = np.array([(1, 2.0), (3, 4.0)], dtype=[('x', 'i8'), ('y', 'f4')])
a == c
d = np.array([(1, 2.0), (3, 4.0)], dtype=[('p', 'i4'), ('q', 'f8')])
a == d
e = np.array([(1,), (3,)], dtype=[('x', 'i4')])
a == e
a == 1
a < b
a == np.array([1, 2])
f = np.array([(1, 'ab'), (3, 'cd')], dtype=[('x', 'i4'), ('s', 'U2')])
f == f
a == f
np.exp(a)
np.negative(a)
np.sqrt(a)
np.exp(a[0])
-a
abs(a)
np.add(a, a)
a + 1
np.equal(a, b)
np.not_equal(a, b)
np.less(a, b)
n = np.array([((1, 2), 3)], dtype=[('in', [('u', 'i2'), ('v', 'i2')]), ('w', 'i4')])
n == n
g = np.array([(np.nan, 1)], dtype=[('x', 'f8'), ('y', 'i4')])
g == g
g != g
s = np.array([([1, 2], 3)], dtype=[('x', 'i4', (2,)), ('y', 'i4')])
s == s
a.view('V12') == a.view('V12')
np.array([1,2]).view([('a','i4'),('b','i4')]) == np.array([(1,0),(2,0)], dtype=[('a','i4'),('b','i4')])
a == b[:1]
a == np.zeros((2, 2), dtype=a.dtype)
np.zeros((2, 2), dtype=a.dtype) == a[0]
a == None
a != None
1 == a
np.array([1, 2]) == a
a < 1.5
a > a[0]
a <= True
np.positive(a)
np.absolute(a)
np.sign(a)
np.log(a)
np.isnan(a)
np.logical_not(a)
np.invert(a)
np.square(a)
np.power(a, 1)
np.true_divide(a, 1)
np.bitwise_and(a, 1)
np.subtract(a, 1)
np.maximum(a, a)
a.view('V12') == a.view('V4')
a.view('V12') == a
a == a.view('V12')
a.view('V12') != b.view('V12')
+np.array([True])
