#!/usr/bin/env python3
"""Regenerates Sources/PythonSyntax/UnicodeTables.swift from the running CPython (use 3.11)."""
import unicodedata, os
ranges=[]; start=None
for c in range(0x80, 0x110000):
    pr = chr(c).isprintable()
    if pr and start is None: start=c
    if not pr and start is not None: ranges.append((start,c-1)); start=None
if start is not None: ranges.append((start,0x10FFFF))
out=["// Generated from CPython 3.11 (Unicode %s): str.isprintable() ranges for code points >= 0x80." % unicodedata.unidata_version,
     "// Regenerate with the snippet in scripts/parser-gen-tables.py.", "let printableRanges: [UInt32] = ["]
line=[]
for a,b in ranges:
    line.append("0x%X, 0x%X" % (a,b))
    if len(line)==8: out.append("    "+", ".join(line)+","); line=[]
if line: out.append("    "+", ".join(line)+",")
out += ["]", "", "/// Single-byte PEP 263 codecs: 128 code points for bytes 0x80...0xFF (0xFFFF = undefined).", "let singleByteCodecs: [String: [UInt16]] = ["]
for name in ['koi8-r','koi8-u','cp1251','cp1252','iso8859-2','iso8859-5','iso8859-7','iso8859-15','cp437','cp850','mac-roman']:
    vals=[]
    for bt in range(128,256):
        try: vals.append(ord(bytes([bt]).decode(name)))
        except UnicodeDecodeError: vals.append(0xFFFF)
    out.append('    "%s": [%s],' % (name, ", ".join(str(v) for v in vals)))
out.append("]")
dst=os.path.join(os.path.dirname(__file__), '..', 'Sources', 'PythonSyntax', 'UnicodeTables.swift')
open(dst,'w').write("\n".join(out)+"\n")
