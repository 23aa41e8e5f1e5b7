#!/usr/bin/env python3
"""Regenerates the CPython-produced expected outputs of Tests/PythonSyntaxTests/Fixtures:
valid/*.py -> *.dump (ast.dump(..., include_attributes=True)), invalid/*.py -> *.error
(line, then message). py312/*.dump are hand-written (3.12 rules) and are not touched.
Run with CPython 3.11."""
import ast, glob, os, sys

base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Tests', 'PythonSyntaxTests', 'Fixtures')
if sys.version_info[:2] != (3, 11):
    sys.exit('run with CPython 3.11')
for f in sorted(glob.glob(os.path.join(base, 'valid', '*.py'))):
    src = open(f, 'rb').read()
    open(f[:-3] + '.dump', 'w').write(ast.dump(ast.parse(src), include_attributes=True) + '\n')
for f in sorted(glob.glob(os.path.join(base, 'invalid', '*.py'))):
    src = open(f, 'rb').read()
    try:
        ast.parse(src)
        line, msg = 0, 'NO ERROR'
    except SyntaxError as e:
        line, msg = (e.lineno or 0), e.msg
    except Exception as e:
        line, msg = 0, str(e)
    open(f[:-3] + '.error', 'w').write(f'{line}\n{msg}\n')
print('ok')
