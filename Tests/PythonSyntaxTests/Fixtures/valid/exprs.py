x = a if b else c
y = lambda a, b=1, *args, c, d=2, **kw: (a, b, args)
z = [i * 2 for i in range(10) if i % 2 if i > 3 for j in k]
s = {i for i in x}
d = {k: v for k, v in items}
g = (x async for x in aiter())
d2 = {1: 2, **other, 'a': [1, 2,], 3: (4,)}
c = a < b <= c != d is not e not in f in g is h > i >= j == k
b = not a and b or c and not d
u = -x + +y * ~z ** -w // 3 % 4 @ m
v = a | b ^ c & d << 2 >> 1
call(a, *args, k=1, **kw)(1)(2).attr[1:2, ::3, ...][i]
sl = a[::], a[1:], a[:2], a[::-1], a[x:=1]
if (n := len(a)) > 10: pass
t = (), (1,), (1, 2), [*a, *b], {*a}
print(f(x for x in y))
w = await_ = x.y.z
