# np.poly1d wraps a coefficient array (highest power first) as a polynomial you can print, call, combine, differentiate and integrate.
import numpy as np
p = np.poly1d([1, 2, 3])
p
print(p)
p.coeffs, p.c, p.order, p.variable
p(0.5)
p(np.array([0, 1, 2]))
p.roots
q = np.poly1d([1.5, -1])
print(q)
p + q
p - q
p * q
print(p * q)
p * 2
2 * p
p + 1
1 - p
-p
p ** 2
p.deriv()
p.deriv(2)
p.integ()
p.integ(k=5)
print(p.integ())
len(p), p[0], p[2], p[5]
list(p)
np.poly1d([0, 0, 3, 0])
print(np.poly1d([0, 0, 3, 0]))
print(np.poly1d([2, 0, -1, 0, 0, 7], variable='t'))
print(np.poly1d([-1, 0.25, -3.5]))
print(np.poly1d([0]))
print(np.poly1d([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]))
np.poly1d([1, 2, 3]) == np.poly1d([1.0, 2.0, 3.0])
np.poly1d([[1, 2], [3, 4]])
p ** -1
np.polyder([1, 2, 3]), np.polyint([3, 2, 1])
np.polyadd([1, 2], [1, 2, 3]), np.polysub([1, 2], [1, 2, 3]), np.polymul([1, 2], [1, 2, 3])
np.polyadd(p, [1])
np.polyder([1, 2, 3], -1)
np.poly1d([1, 2], True)
np.poly1d([1, -1]) * np.poly1d([1, -2])
np.poly([1, 2, 3])
np.poly([1j, -1j])
np.poly(np.array([[1, 2], [3, 4]]))
np.poly([])
r = np.poly1d([1, 2, 3], variable='z')
print(r)
print(np.poly1d(r, variable='s'))
p / 2
print(np.poly1d([1 + 2j, 3j, 0.5]))
p == [1, 2, 3]
p != np.poly1d([1, 2])
p.integ(2, k=[1, 2])
np.polyint([1, 1], 2, k=[1])
np.polyint([1, 1], 3, k=[1, 2])
p(p)
np.poly1d([1e-5, 123456.789, 2.5e10])
print(np.poly1d([1e-5, 123456.789, 2.5e10]))
(p ** 3 + 4) / p
np.polydiv([1, -3, 2], [1, -1])
np.polydiv(np.poly1d([1, 2, 3]), [2])
1 / np.poly1d([1.0])
np.convolve([1, -1j], [1, 1j]), np.correlate([1, 2j], [1, 1j], 'full')
w = np.poly1d([1, 2, 3])
w[0] = 10
w[4] = 7
w, w.order
w[-1] = 1
np.asarray(np.poly1d([1, 2]))
np.square(np.poly1d([1, 2, 3]))
np.polyval(np.poly1d([1, 2]), 3)
np.polyval([1, 2], np.poly1d([1, 0]))
x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
fit = np.poly1d(np.polyfit(x, x ** 2 + 2 * x + 1, 2))
np.round(fit.coeffs, 6), np.round(fit(x), 6)
np.array([1, 2]) + np.poly1d([1, 2]), np.int64(2) * np.poly1d([1, 2]), np.float64(1.5) + np.poly1d([1, 2])
np.array([1, 2]) == np.poly1d([1, 2])
