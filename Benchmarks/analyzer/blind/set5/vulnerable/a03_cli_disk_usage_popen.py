#!/usr/bin/env python3
import os
import sys


def usage_report(paths):
    lines = []
    for path in paths:
        command = "du -sh '%s'" % path
        with os.popen(command) as pipe:  # VULN flow
            lines.append(pipe.read().strip())
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
