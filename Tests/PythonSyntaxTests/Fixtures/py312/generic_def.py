def f[T: int](x): pass
