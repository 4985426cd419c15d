# Every element you take out of an array is a new scalar object; its id comes from memory that
# was just freed, so ids repeat (the first seed question).
import numpy as np
a = np.arange(5)
for i in a: print("Id of {} : {} \n".format(i, id(i)))
# the same loop as the seed wrote it, on two lines
for i in a:
    print("Id of {} : {} \n".format(i, id(i)))
a[1] is a[1]
type(a[1])
kept = [i for i in a]
len(set(id(x) for x in kept))
# small ints are cached; other ints made by separate statements are separate objects
n1 = 100
n2 = 100
n1 is n2
m1 = 1000
m2 = 1000
m1 is m2
m1, m2 = 1000, 1000
m1 is m2
x, y, z = 100, 'b', {}
alist = [x, y, z]
id(alist[0]) == id(x)
