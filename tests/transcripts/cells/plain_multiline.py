# A plain script is cut into complete statements: brackets, strings and backslashes continue one, a block takes its indented lines.
import numpy as np
m = np.array([[1, 2],
              [3, 4]])
m
m.sum(
    axis=0
)
total = 0
for i in range(4):
    total += i

    # a blank line and a comment inside the loop do not end it
    total += 0
total
s = '''two
lines'''
s
x = 1 + \
    2
x
if x > 2:
    print('big')
elif x > 1:
    print('middle')
else:
    print('small')
for i in range(3): print(i)
    y = 5
    y * 2
k = 3
while k:
    k -= 1
    print(k, end=' ')
print()
    y = 5
    y * 2
d = {
    'a': 1,   # a comment inside brackets
    'b': 2,
}
d
[i * i
 for i in range(5)
 if i % 2]
a = np.arange(6).reshape(2, 3); a
a;
