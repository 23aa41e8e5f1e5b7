name = "x"
a = f"hello {name}!"
b = f"{name!r:>10} {value:{width}.{precision}} {x=} {y = !s}"
c = f'{a["b"]}' f"lit" 'plain' rf"\d{x}"
d = f"""multi
{line}
  {
other}"""
e = f"{{escaped}} {{{inner}}}"
g = f"{x:}" f""
h = u"u" f"{x}"
i = f'{a, b}' f'{*a,}'
j = f'{(lambda: 1)()}'
k = f"{'nested' + f'{deep}'}"
