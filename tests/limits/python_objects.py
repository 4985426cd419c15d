# Under --max-memory 20M, Python containers grow until the budget refuses, with CPython's bare MemoryError; what was built stays usable.
# budget: 20M
l = []
for i in range(10**7): l.append(i)
len(l) > 100000
l[-1] == len(l) - 1
del l
s = set()
for i in range(10**7): s.add(i)
len(s) > 50000
t = [i for i in range(10**7)]
u = list(range(10**8))
v = [str(i) for i in range(10**7)]
del s
w = list(range(10**5))
len(w)
