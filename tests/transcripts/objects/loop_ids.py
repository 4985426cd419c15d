# The seed's loop: each scalar is freed before the next is made, so ids repeat; a list keeping them alive shows distinct ids.
import numpy as np
a = np.arange(5)
for i in a: print("Value {} : {}".format(i, type(i)))
lines = []
for i in a: lines.append("Id of {} : {} \n".format(i, id(i)))
len(lines)
ids = [int(s.split(':')[1]) for s in lines]
ids[0] == ids[2] == ids[4]
ids[1] == ids[3]
ids[0] == ids[1]
len(set(ids))
lines[0].startswith('Id of 0 : ')
lines[0].endswith(' \n')
seen = []
for i in a: seen.append(id(i))
len(set(seen))
kept = [i for i in a]
len(set(id(x) for x in kept))
kept[0] is kept[1]
ids2 = [id(x) for x in kept]
ids2 == [id(x) for x in kept]
id(a[1]) == id(a[1])
id(a[1]) == id(a[2])
a[1] is a[1]
x = a[1]
id(x) == id(a[1])
y = a[1]
x is y
id(x) == id(y)
b = np.arange(5.0)
fl = []
for v in b: fl.append("{} {}".format(v, id(v)))
fids = [s.split()[1] for s in fl]
len(set(fids))
fids[0] == fids[2], fids[0] == fids[1]
lst = [10, 20, 30]
lids = []
for v in lst: lids.append(id(v))
lids == [id(v) for v in lst]
len(set(lids))
lids[0] == id(lst[0])
big = [1000, 2000, 3000]
[id(v) for v in big] == [id(v) for v in big]
r = []
for k in range(1000, 1005): r.append("{}".format(id(k)))
len(set(r))
