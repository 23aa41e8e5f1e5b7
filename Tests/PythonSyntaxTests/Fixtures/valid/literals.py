n = [0, 1_000, 0x1F, 0o777, 0b1010, 0XDEADBEEF, 10**100]
big = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
f = [1.0, 1e16, 1e15, 1.5e-5, 0.0001, 1e-4, 3.14, .5, 5., 1e400, 1_0.5e1_0, 2.5e+300, 123456789012345678.0]
c = [1j, 2.5j, 1e16j, 0j, 1_0J]
s = ['a', "b", 'it\'s', "say \"hi\"", 'both \' and "', '\n\t\r\x00\x7f', '\u00e9\u2028\U0001F600', 'é€😀', '\N{BULLET}\N{LATIN SMALL LETTER A}']
r = [r'\n\d', R"raw\"quote", rb'\x00', Rb"x", br'y', BR"z"]
b = [b'abc', b'\x00\xff\n', b"it's", B'"', b'\\']
u = u'unicode'
cat = 'a' 'b' "c"
multi = """line1
line2 \
continued"""
e = ...
t = True, False, None
bad_escape = '\d\w'
octal = '\101\7'
