#!/usr/bin/env python3
"""Differential test: our PythonSyntax dump vs CPython's ast.dump over the stdlib (+ a site-packages sample).

usage: scripts/parser-differential.py [--driver PATH] [--no-attrs] [--site N] [--show N] [paths...]
Prints the match rate and the list of differing files.
"""
import ast, os, sys, subprocess, sysconfig, random, argparse, warnings

def fnv(s: str) -> str:
    h = 0xcbf29ce484222325
    for c in s.encode('utf-8', 'surrogatepass'):
        h ^= c
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return format(h, 'x')

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--driver', default=os.environ.get('PARSER_DRIVER', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.build', 'release', 'parser-bench')))
    ap.add_argument('--no-attrs', action='store_true')
    ap.add_argument('--site', type=int, default=300, help='number of site-packages files to sample')
    ap.add_argument('--show', type=int, default=200)
    ap.add_argument('paths', nargs='*')
    a = ap.parse_args()
    files = []
    if a.paths:
        for p in a.paths:
            if os.path.isdir(p):
                for root, _, fs in os.walk(p):
                    files += [os.path.join(root, f) for f in fs if f.endswith('.py')]
            else:
                files.append(p)
    else:
        std = sysconfig.get_paths()['stdlib']
        site = sysconfig.get_paths()['purelib']
        sitefiles = []
        for root, _, fs in os.walk(std):
            for f in fs:
                if f.endswith('.py'):
                    full = os.path.join(root, f)
                    (sitefiles if full.startswith(site) else files).append(full)
        random.seed(1)
        sitefiles.sort()
        files += random.sample(sitefiles, min(a.site, len(sitefiles)))
    files.sort()
    lst = '/tmp/parser-diff-files.txt'
    with open(lst, 'w') as f:
        f.write('\n'.join(files) + '\n')
    args = [a.driver, 'batch', lst] + (['--no-attrs'] if a.no_attrs else [])
    out = subprocess.run(args, capture_output=True, text=True, errors='surrogateescape')
    if out.returncode != 0:
        print('driver failed:', out.returncode, out.stderr[-2000:])
    ours = {}
    for line in out.stdout.splitlines():
        parts = line.split('\t')
        if len(parts) >= 3:
            ours[parts[0]] = parts[1:]
    warnings.simplefilter('ignore')
    match = 0
    diffs = []
    rejected_both = 0
    for path in files:
        src = open(path, 'rb').read()
        try:
            exp = ('OK', fnv(ast.dump(ast.parse(src), include_attributes=not a.no_attrs)))
        except SyntaxError as e:
            exp = ('ERR', e.lineno, e.msg)
        except (ValueError, RecursionError, MemoryError) as e:
            exp = ('ERR', None, str(e))
        got = ours.get(path)
        if got is None:
            diffs.append((path, 'missing (driver crashed?)', exp)); continue
        if exp[0] == 'OK':
            if got[0] == 'OK' and got[1] == exp[1]:
                match += 1
            else:
                diffs.append((path, got, exp))
        else:
            if got[0] == 'ERR' and (exp[1] is None or str(exp[1]) == got[1] or exp[1] == 0):
                match += 1; rejected_both += 1
            else:
                diffs.append((path, got, exp))
    n = len(files)
    print(f'files: {n}  match: {match}  ({100.0 * match / max(n,1):.2f}%)  rejected-by-both-on-same-line: {rejected_both}  differing: {len(diffs)}')
    for d in diffs[:a.show]:
        print('DIFF', d[0], '| ours:', d[1][:3] if isinstance(d[1], list) else d[1], '| cpython:', d[2][:3])
    return 0 if not diffs else 1

if __name__ == '__main__':
    sys.exit(main())
