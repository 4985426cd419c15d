# CPython's int max str digits limit (sys.set_int_max_str_digits), and big ints in hex, octal and binary (issue 7).
import numpy as np
import sys
sys.get_int_max_str_digits()
10**4299
x = 10**4300
x
str(x)
repr(-x)
f'{x}'
'%d' % x
'{:,}'.format(x)
len(str(10**4299))
len(str(-10**4299))
int('1' * 4300) > 0
int('1' * 4301)
int('1' * 4301 + 'x')
int('-' + '1' * 4301)
int('1_' * 4301 + '1')
len(str(int('f' * 5000, 16)))
int('f' * 5000, 16) > 0
int('7' * 5000, 8) > 0
int('1' * 5000, 3) > 0
len('%x' % 10**5000)
('%x' % 10**5000)[:20]
('%o' % -10**5000)[:20]
('%#X' % 10**5000)[:20]
hex(10**5000)[:20]
len(oct(10**5000))
len(bin(10**5000))
format(10**5000, 'x')[:20]
format(10**5000, '#b')[:20]
len(format(-10**5000, 'o'))
sys.set_int_max_str_digits(5000)
sys.get_int_max_str_digits()
len(str(10**4500))
int('1' * 5001)
str(10**5000)
sys.set_int_max_str_digits(maxdigits=0)
len(str(10**20000))
len(str(int('9' * 30000)))
sys.set_int_max_str_digits(100)
sys.set_int_max_str_digits(-1)
sys.set_int_max_str_digits(10**30)
sys.set_int_max_str_digits('a')
sys.set_int_max_str_digits()
sys.get_int_max_str_digits(1)
sys.get_int_max_str_digits()
sys.set_int_max_str_digits(640)
len(str(10**639))
str(10**640)
'a' == 10**400
'a' < 10**400
10**400 == 1j
10**400 == 10**400 + 0j
1.5 < 2.5
float('nan') < 1.0
1.0 + 10**400
'%s' % 10**5000
