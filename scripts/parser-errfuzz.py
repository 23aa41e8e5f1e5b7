#!/usr/bin/env python3
"""Error-path differential: mutate stdlib files (byte, snippet and token/line mutations), then
compare accept/reject, dump and error line of our parser against CPython via parser-differential.py.

usage: scripts/parser-errfuzz.py [--count N] [--seed S] [--out DIR]
"""
import argparse, glob, os, random, re, subprocess, sys, sysconfig

SNIPS = [b'(', b')', b'[', b']', b'{', b'}', b"'", b'"', b'"""', b"f'{", b'f"{x!r:', b'\\', b'\n', b'\t', b' ', b':',
         b'\n    ', b'lambda', b'=', b':=', b'*', b'**', b',', b'.', b'if ', b'else', b'def ', b'return', b'yield',
         b'async ', b'await ', b'0x', b'1e', b'1_', b'#', b'@', b'\r', b'\x0c', b'not ', b'in ', b'is ', b'for ',
         b'import ', b'from ', b'global x', b'del ', b'match x:\n    case ', b'try:\n', b'except', b'finally:',
         b'with ', b' as ', b'class ', b'->', b'/', b'print ', b'\xc3\xa9', b'$', b'?', b'`', b'0o8', b'1__0',
         b'0b2', b'1.e5', b'1if', b'else:', b'elif x:', b'case _:', b'type X = ', b'*,', b'/,', b'**kw,', b'=x',
         b'f(x for x in y, z)', b'nonlocal', b'except*', b'...']
WORDS = [b'if', b'else', b'elif', b'for', b'in', b'not', b'is', b'and', b'or', b'lambda', b'yield', b'await', b'async',
         b'def', b'class', b'return', b'import', b'from', b'as', b'with', b'try', b'except', b'finally', b'raise',
         b'del', b'global', b'pass', b'match', b'case', b'type', b'_', b'None', b'True', b'*', b'**', b'=', b':=',
         b'->', b':', b',', b';', b'.', b'@', b'(', b')', b'[', b']', b'{', b'}', b'"', b"'", b'f"', b'0', b'1.5',
         b'x', b'\\']

def mutate_bytes(d):
    d = bytearray(d)
    for _ in range(random.randint(1, 2)):
        r = random.random(); pos = random.randint(0, len(d))
        if r < 0.55: d[pos:pos] = random.choice(SNIPS)
        elif r < 0.75: del d[pos:pos + random.randint(1, 10)]
        elif r < 0.8: d = d[:pos]
        elif d: d[min(pos, len(d) - 1)] = random.choice(b'()[]{}:=,.\'"\\ \n\tabc01+-*/')
    return bytes(d)

def mutate_lines(d):
    lines = d.split(b'\n'); k = random.randrange(len(lines)); r = random.random()
    if r < 0.2:
        t = re.split(rb'(\W)', lines[k]); del t[random.randrange(len(t))]; lines[k] = b''.join(t)
    elif r < 0.4:
        t = re.split(rb'(\s+)', lines[k]); t.insert(random.randrange(len(t) + 1), random.choice(WORDS) + b' '); lines[k] = b''.join(t)
    elif r < 0.5: lines.insert(k, lines[random.randrange(len(lines))])
    elif r < 0.6: del lines[k]
    elif r < 0.7: lines[k] = b' ' * random.choice([1, 2, 3, 4, 8]) + lines[k]
    elif r < 0.8: lines[k] = lines[k].lstrip()
    elif r < 0.9: lines[k] = lines[k].replace(b'    ', b'\t', 1)
    else:
        t = re.split(rb'(\W)', lines[k])
        if len(t) > 2:
            a, b = random.randrange(len(t)), random.randrange(len(t)); t[a], t[b] = t[b], t[a]; lines[k] = b''.join(t)
    return b'\n'.join(lines)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--count', type=int, default=5000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='/tmp/parser-errfuzz')
    ap.add_argument('--driver', default='/tmp/parserdev/.build/release/parser-bench')
    a = ap.parse_args()
    random.seed(a.seed)
    std = sysconfig.get_paths()['stdlib']
    files = [f for f in glob.glob(std + '/**/*.py', recursive=True) if 'site-packages' not in f and os.path.getsize(f) < 30000]
    os.makedirs(a.out, exist_ok=True)
    for f in glob.glob(a.out + '/*.py'): os.remove(f)
    for i in range(a.count):
        d = open(random.choice(files), 'rb').read()
        d = mutate_bytes(d) if i % 2 == 0 else mutate_lines(d)
        open(f'{a.out}/m{i:05d}.py', 'wb').write(d)
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.call([sys.executable, os.path.join(here, 'parser-differential.py'), '--driver', a.driver, a.out])

if __name__ == '__main__':
    sys.exit(main())
