# np.seterr, np.geterr and `with np.errstate(...)`: 'ignore' silences, 'raise' turns a warning into FloatingPointError, 'call' and 'log' hand it to np.seterrcall's object.
import numpy as np
np.geterr()
old = np.seterr(all='ignore')
old
np.array([1.0, 0.0]) / 0
np.int8(127) + np.int8(1)
np.seterr(**old)
np.geterr()
np.seterr(divide='raise')
np.array([1.0]) / 0
np.array([0.0]) / 0
np.float64(1.0) / 0
np.seterr(divide='warn', over='raise')
np.int16(32000) * np.int16(3)
np.array([1e308]) * 10
np.array([1e300]).astype(np.float32)
np.seterr(all='warn', under='ignore')
np.geterr()
np.seterr(all='raise', invalid='ignore')
np.array([0.0]) / 0
np.array([1.0, 0.0]) / 0
np.seterr(**old)
with np.errstate(divide='ignore'):
    r = np.array([1.0, 0.0]) / 0
r
np.geterr()
with np.errstate(all='raise'):
    np.sqrt(-1.0)
np.geterr()
with np.errstate(invalid='raise'):
    np.sqrt(np.array([1.0, -1.0]))
with np.errstate(under='warn'):
    np.float64(1e-300) * 1e-300
    np.array([1e-300]) * np.array([1e-300])
    np.exp(-1000.0)
    np.float64(1e-310) * 1
with np.errstate(over='ignore'), np.errstate(divide='ignore'):
    x = np.array([1e308]) * 10
    y = np.array([1.0]) / 0
x, y
e = np.errstate(all='ignore')
type(e)
with e:
    np.array([1.0]) / 0
with e:
    pass
np.seterr(divide='foo')
np.seterr(all=1)
np.seterr(foo='ignore')
bad = np.errstate(divide='bad')
with np.errstate(divide='bad'):
    pass
np.geterrcall()
def report(kind, flag):
    print('floating point error:', kind, flag)
np.seterrcall(report)
np.seterr(all='call')
np.array([1.0, 0.0]) / 0
np.array([1e308]) * 10
np.seterrcall(None)
np.array([1.0]) / 0
class Log:
    def write(self, msg):
        print('LOG:', msg, end='')
log = Log()
np.seterrcall(log)
np.seterr(all='log')
np.array([1.0, 0.0]) / 0
np.seterrcall(1)
np.seterr(all='warn', under='ignore')
np.geterrcall() is log
np.seterrcall(None) is log
try:
    np.float64(1) / np.float64(0)
except FloatingPointError as err:
    print('caught', err)
def careful(x, y):
    try:
        return x / y
    except FloatingPointError as err:
        print('caught', err)
        return None
with np.errstate(divide='raise'):
    careful(np.float64(1), np.float64(0))
with np.errstate(divide='raise'):
    r = careful(np.array([1.0, 2.0]), np.array([1.0, 4.0]))
r
