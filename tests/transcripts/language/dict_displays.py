# Dict displays: '**' unpacking merges mappings in order (later keys win), and CPython's messages for broken dict displays
import numpy as np
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
{**a, **b}
{**a, 'y': 0, **b, 'w': 4}
{'w': 0, **a}
{**{}}
{**a}
{**[1, 2]}
{**1}
{1: 2, **a, 3: 4, 5: 6}
c = {**a}; c is a, c == a
{1: 2, **a,}
def f(): print('f'); return {'k': 'f'}
def g(): print('g'); return 'g'
{g(): 1, **f(), 'q': g()}
{**np.arange(2)}
{**a for x in y}
{**a, b}
{1: 2, b}
{1: 2, 3}
{1: 2, b, 3: 4}
{1: 2 3}
{1:}
{1: 2, 3:}
{1: *a}
{b, 1: 2}
{1: 2, **a, 3}
{1: 2,
 3}
{(1, 2): 3, [4]}
{1: {2: 3, 4}}
{1: 2, 'a' 'b'}
{1: 2 for x in y, 3}
