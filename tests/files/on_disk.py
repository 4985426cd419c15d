# Files on disk: savetxt/loadtxt/genfromtxt by name, open() in r/w/a/rb/wb, tofile/fromfile, save/load
import numpy as np
d = 'DIR'
a = np.array([[1.5, 2.0], [3.0, 4.25]])
np.savetxt(d + '/a.txt', a, fmt='%.2f', delimiter=',', header='x,y')
with open(d + '/a.txt') as f:
    print(f.read())
np.loadtxt(d + '/a.txt', delimiter=',')
np.genfromtxt(d + '/a.txt', delimiter=',', names=True, comments=None)
with open(d + '/b.csv', 'w') as f:
    f.write('n,v\n')
    for i in range(3):
        f.write(f'{i},{i * 0.5}\n')
np.loadtxt(d + '/b.csv', delimiter=',', skiprows=1)
with open(d + '/b.csv') as f:
    lines = [line.strip() for line in f]
lines
with open(d + '/b.csv', 'a') as f:
    f.write('3,1.5\n')
np.loadtxt(d + '/b.csv', delimiter=',', skiprows=1, usecols=1)
a.tofile(d + '/a.bin')
np.fromfile(d + '/a.bin')
np.fromfile(d + '/a.bin', dtype=np.int64, count=1)
np.fromfile(d + '/a.bin', offset=16)
a.tofile(d + '/a.sep', sep=',', format='%.1f')
with open(d + '/a.sep') as f:
    print(f.read())
np.fromfile(d + '/a.sep', sep=',')
with open(d + '/a.bin', 'rb') as f:
    first = np.fromfile(f, count=1)
    rest = np.fromfile(f)
first, rest
np.save(d + '/arr', a)
np.load(d + '/arr.npy')
with open(d + '/arr.npy', 'rb') as f:
    print(f.read(8))
with open(d + '/x.npy', 'wb') as f:
    np.save(f, np.arange(3))
    np.save(f, np.arange(2))
with open(d + '/x.npy', 'rb') as f:
    print(np.load(f), np.load(f))
np.loadtxt(d + '/missing.txt')
open(d + '/missing.txt')
