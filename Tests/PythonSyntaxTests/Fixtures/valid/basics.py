"""Module docstring."""
import os, sys as system
from . import (a as b, c,)
from ..pkg.mod import *
x = 1; y: int = 2; z: "str"
(w): int = 3
a.b: list[int]
x += 1; x **= 2; x //= 3; x @= m
del a, b[1], (c, d), [e]
global g1, g2
assert x, "msg"
raise ValueError("x") from None
a, *b = c = d, = [1, 2, 3]
x = yield_ = None
if a: pass
elif b: pass
else:
    pass
while x:
    break
else:
    continue
for i, (j, k) in enumerate(z):
    pass
else: ...
