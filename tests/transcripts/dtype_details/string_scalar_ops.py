# np.str_ and np.bytes_ are str and bytes subclasses: + and * with Python operands are str's own (a plain str comes back), and a Python sequence times a NumPy integer repeats.
import numpy as np
np.str_('ab') * 2
2 * np.str_('ab')
np.str_('ab') + 'c'
'c' + np.str_('ab')
np.str_('ab') + np.str_('c')
np.str_('ab') * True
np.str_('ab') * -1
np.bytes_(b'a') + b'c'
np.bytes_(b'ab') * 2
np.str_('ab') + 1
np.str_('ab') * 2.0
np.str_('ab') * np.int64(2)
[1] * np.int64(2)
(1, 2) * np.uint8(2)
np.int64(2) * 'ab'
[1, 2] + np.int64(1)
np.array(['a']) + np.str_('b')
np.str_('ab') == 'ab', np.str_('ab') < 'b'
s = np.str_('a,b')
s.split(','), s.upper(), s.startswith('a'), s.shape, s.dtype, len(s)
np.vectorize(lambda t: t.upper())(np.array(['ab', 'cd']))
np.bytes_(b'ab').decode(), np.bytes_(b'ab').hex()
'-'.join([np.str_('x'), 'y']), ','.join(np.array(['a', 'bc']))
