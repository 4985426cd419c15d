# .npz archives on disk: savez adds the .npz suffix, np.load by name keeps the name for its repr, file objects work too (no os module: sizes read back with open)
import numpy as np
d = 'DIR'
a = np.arange(6).reshape(2, 3)
np.savez(d + '/pair', a, b=np.array([0.5, 1.5]))
with open(d + '/pair.npz', 'rb') as f:
    raw = f.read()
len(raw), raw[:4]
z = np.load(d + '/pair.npz')
z
z.files, z['arr_0'], z['b']
z.close()
z
np.savez_compressed(d + '/c.npz', zeros=np.zeros((100, 100)))
with open(d + '/c.npz', 'rb') as f:
    print(len(f.read()) < 100 * 100 * 8)
with np.load(d + '/c.npz') as zc:
    print(zc['zeros'].shape, zc['zeros'].any())
with open(d + '/f.npz', 'wb') as f:
    np.savez(f, x=np.int8(3))
with open(d + '/f.npz', 'rb') as f:
    zf = np.load(f)
    print(zf, zf['x'])
np.load(d + '/missing.npz')
