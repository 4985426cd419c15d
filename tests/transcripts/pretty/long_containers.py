# IPython's pretty printer: containers that do not fit in 79 columns break after each comma, one item per line.
import numpy as np
list(range(20))
list(range(25))
list(range(26))
list(range(30))
list(range(100))
tuple(range(30))
(1,)
tuple(range(25))
['word'] * 12
['word'] * 13
['a' * 30, 'b' * 30]
['a' * 40, 'b' * 40]
['x' * 80]
[1.5] * 20
[0.1 * i for i in range(10)]
[10 ** 9] * 9
[2 ** 70] * 4
{i: i * i for i in range(10)}
{i: i * i for i in range(12)}
{str(i): [i] * 3 for i in range(5)}
{'key': list(range(30))}
{'shape': (2, 3), 'strides': (24, 8), 'descr': [('', '<i8')], 'typestr': '<i8', 'version': 3}
{'data': (1, False), 'strides': None, 'descr': [('', '<i8')], 'typestr': '<i8', 'shape': (5,), 'version': 3}
{k: v for k, v in np.arange(5).__array_interface__.items() if k != 'data'}
set(range(10))
set(range(30))
{3, 1, 2}
{'b', 'a', 'c'}
set()
{}
[]
()
[[]]
[()]
list(range(1005))[-3:]
len(list(range(2000)))
sizes = [56 + 8 * i for i in range(20)]
sizes
[True, False, None] * 8
list('abcdefghijklmnopqrstuvwxyz')
[-1, -2, -3] * 9
