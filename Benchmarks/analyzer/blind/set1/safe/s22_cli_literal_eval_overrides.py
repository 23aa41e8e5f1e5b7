#!/usr/bin/env python3
import ast
import json
import sys

DEFAULTS = {"workers": 4, "debug": False, "tags": []}


def parse_value(raw):
    try:
        return ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw


def main(argv):
    config = dict(DEFAULTS)
    for arg in argv:
        key, _, raw = arg.partition("=")
        config[key] = parse_value(raw)
    print(json.dumps(config, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
