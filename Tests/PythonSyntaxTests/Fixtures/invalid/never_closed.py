foo(a,
  b
