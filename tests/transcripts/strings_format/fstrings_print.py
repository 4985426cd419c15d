# f-strings and print(): conversions, nested specs, `=` echo, sep= and end=, and how print shows NumPy values.
import numpy as np
x = 42
name = 'arr'
a = np.arange(4)
f'{x}'
f'{x:5d}|{x:<5}|{x:^5}|{x:x}'
f'{name!r} {name!s} {name:>6}'
f'{x=}'
f'{x = }'
f'{x=:>5}'
f'{name=!s}'
f'{x * 2 + 1}'
f'{a}'
f'{a[1]}'
f'{a.dtype} {a.shape} {a.nbytes}'
f'{a!r}'
f'{a[1]:03d}'
f'{3.14159:.{x // 20}f}'
f'{{x}} {{{x}}}'
f'{"nested"}'
f'{[i * i for i in range(3)]}'
f'{ {"k": 1} }'
f'{x!r:>6}'
f'{1.5:e}'
f"Id of {a[0]} : {type(a[0])}"
f'{None} {True} {b"by"}'
w = 8
f'{"c":{w}}|'
f'{x:{w}b}'
print('a', 'b', 'c')
print('a', 'b', sep='-')
print('a', 'b', sep='')
print('a', 'b', sep=None)
print('no newline', end='')
print('x', end='!\n')
print('one', 'two', sep=', ', end='.\n')
print()
print('')
print(1, 2.5, None, True, [1, 'a'], (1,), {'k': 'v'})
print(a)
print(a, a[1])
print(np.arange(3.0), np.float64(1.5), np.float32(0.1))
print(np.array([[1, 2], [3, 4]]))
print('Id of {} : {} \n'.format(a[1], type(a[1])))
print("Time taken:", 0.5, "seconds")
print('tab\there', 'nl\\n', "quote's")
print(repr('tab\there'))
print(b'bytes', 'é', '\u00e9')
print(*[1, 2, 3])
print(*'abc', sep='|')
print(1, 2, sep=5)
print(1, end=2)
print(1, foo=2)
for i in range(3): print(i, end=' ')
for i in a: print("Value {} : {}".format(i, i * i))
for i, v in enumerate('xy'): print(i, v, sep=':')
for k, v in {'a': 1, 'b': 2}.items(): print(k, '->', v)
s = 'hello world'
s.upper(), s.title(), s.split(), s.split('o'), s.replace('l', 'L'), s.find('o'), s.count('l')
'-'.join(['a', 'b']), ', '.join(str(i) for i in range(3))
'  pad  '.strip(), 'xxhixx'.strip('x'), 'abc'.startswith('ab'), 'abc'.endswith('bc')
'ab' * 3, 'ab' + 'cd', 'b' in 'abc', len('héllo')
'42'.zfill(5), '-42'.zfill(5), 'ab'.center(6, '*'), 'ab'.ljust(4) + '|', 'ab'.rjust(4)
str(1.0), str(1e16), str(1e-5), str(0.1 + 0.2), repr(0.1 + 0.2), str(-0.0), str(float('nan'))
str(10 ** 20), str(2 ** 64), repr(1j), repr(1 + 2j), repr(-1.5j), str(complex(1, -0.0))
repr('it\'s'), repr("say \"hi\""), repr('both \' and "'), repr('\n\t\\'), repr('\x00\x7f'), repr('é')
repr(b'it\'s'), repr(b'\x00\xff'), repr(bytes(range(3)))
