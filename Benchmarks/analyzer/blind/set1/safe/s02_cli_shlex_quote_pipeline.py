#!/usr/bin/env python3
import shlex
import subprocess
import sys


def count_matches(path, pattern):
    cmd = f"zcat {shlex.quote(path)} | grep -c -- {shlex.quote(pattern)}"
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


if __name__ == "__main__":
    pattern = sys.argv[1]
    for log in sys.argv[2:]:
        print(f"{log}: {count_matches(log, pattern)}")
