#!/usr/bin/env python3
import subprocess
import sys


def usage_report(paths):
    lines = []
    for path in paths:
        proc = subprocess.run(["du", "-sh", "--", path], capture_output=True, text=True)
        if proc.returncode != 0:
            lines.append(f"{path}: {proc.stderr.strip()}")
        else:
            lines.append(proc.stdout.strip())
    return lines


def main():
    if len(sys.argv) < 2:
        print(f"usage: {sys.argv[0]} PATH [PATH...]", file=sys.stderr)
        return 2
    for line in usage_report(sys.argv[1:]):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
