# %who, %whos, %xdel and %reset: the user's names as IPython lists and removes them.
import numpy as np
x = 5
name = 'arrsh'
items = [1, 2, 3]
pair = (1, 2)
d = {'a': 1}
a = np.arange(6).reshape(2, 3)
big = np.zeros((200, 100))
huge = np.zeros((1000, 200))
f = 1.5
%who
%who int
%who list tuple
%who complex
%whos int str list tuple dict ndarray float
long_text = 'x' * 80
%whos str
b = a
%xdel a
%who ndarray
%xdel nothing_here
x
%reset -f out
Out
%reset -f
%who
%whos
x
y = 1
%who
