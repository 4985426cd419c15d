# %% [markdown]
# Broken match statements: CPython 3.11's syntax errors (the `match` lines are one cell each).
# %%
match x:
    case [1 2]:
        pass
# %%
match x:
    case 1 +:
        pass
# %%
match x:
    case {'a'}:
        pass
# %%
match x:
    case a.b():
        pass
# %%
match x:
    case {a: 1}:
        pass
# %%
match x:
    case 1 if:
        pass
# %%
match x:
    case:
        pass
# %%
match x:
    pass
# %%
match x:
    case 1:
        pass
    else:
        pass
# %%
match x, *y, z:
    case _:
        'ok'
# %%
match x:
    case *a:
        pass
# %%
match x:
    case a.b.c:
        pass
# %%
match x:
    case (a for a in b):
        pass
# %%
match x:
    case [1, 2,]:
        pass
# %%
match x:
    case (1 + 2j) | -3.5 | 'a' "b" | b'c' | None as n:
        pass
# %%
match:
    case 1:
        pass
# %%
match x:
  case 1: pass
  case 2: pass
# %%
match x:
    case [a] if b c:
        pass
# %%
match f(1 2):
    case 1:
        pass
# %%
match x:
    case 1:
        pass
    case 2:
# %%
case [1 2]
# %%
def f(x):
    match x:
        case 1:
            return 1
        case [1 2]:
            return 2
# %%
match x:
    case 1:
        pass
  case 2:
        pass
# %%
match x:
    case 1:
        pass
    y = 2
# %%
match x:
    case a if a = 1:
        pass
# %%
match x:
    case {'a': 1, **rest, 'b': 2}:
        pass
# %%
match x:
    case [*]:
        pass
# %%
match x:
    case Point(x=1, x=2):
        pass
# %%
match x:
    case 1 as a as b:
        pass
