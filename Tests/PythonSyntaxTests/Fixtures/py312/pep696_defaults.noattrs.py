def f[T = int, *Ts = *tuple[int]](): pass
