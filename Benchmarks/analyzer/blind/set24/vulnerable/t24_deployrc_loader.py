#!/usr/bin/env python3
"""Reads the per-repository .deployrc of a checked-out project and prints the deploy plan."""
import argparse
import json
import os
import sys

DEFAULTS = {
    "service": None,
    "replicas": 2,
    "region": "eu-west-1",
    "healthcheck": "/healthz",
    "env": {},
}
ALLOWED_KEYS = set(DEFAULTS)


def read_deployrc(checkout_dir):
    path = os.path.join(checkout_dir, ".deployrc")
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def parse_settings(source):
    namespace = {}
    exec(source, {"__builtins__": {}}, namespace)  # VULN flow
    settings = dict(DEFAULTS)
    for key, value in namespace.items():
        if key in ALLOWED_KEYS:
            settings[key] = value
    return settings


def validate(settings):
    errors = []
    if not settings["service"]:
        errors.append("service name is required")
    if not isinstance(settings["replicas"], int) or not 1 <= settings["replicas"] <= 50:
        errors.append("replicas must be an integer between 1 and 50")
    if not isinstance(settings["env"], dict):
        errors.append("env must be a mapping")
    return errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("checkout", help="path of the checked-out repository")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    args = parser.parse_args(argv)
    try:
        settings = parse_settings(read_deployrc(args.checkout))
    except FileNotFoundError:
        print("no .deployrc found", file=sys.stderr)
        return 2
    errors = validate(settings)
    if errors:
        for err in errors:
            print(f"error: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(settings, indent=2, sort_keys=True))
    else:
        for key in sorted(settings):
            print(f"{key:12} {settings[key]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
