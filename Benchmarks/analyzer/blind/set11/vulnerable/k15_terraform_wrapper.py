#!/usr/bin/env python3
"""tfwrap: executed by the self-service portal worker.

The portal writes the user's request form (stack name + variable values) to a YAML
request file and calls `tfwrap plan <request.yml>`; stacks are vetted modules in STACKS_ROOT.
"""
import argparse
import os
import subprocess
import sys

import yaml

STACKS_ROOT = os.environ.get("TFWRAP_STACKS", "/opt/infra/stacks")
STACKS = {"s3-bucket", "postgres-db", "redis-cache", "dns-record"}


def load_request(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.Loader)  # VULN


def terraform(args, cwd):
    print("+ terraform", " ".join(args), flush=True)
    return subprocess.run(["terraform"] + args, cwd=cwd, check=True)


def plan(stack_dir, req):
    terraform(["init", "-input=false"], stack_dir)
    var_flags = " ".join("-var %s=%s" % (k, v) for k, v in sorted(req.get("vars", {}).items()))
    cmd = "terraform plan -input=false -no-color -out=plan.tfplan " + var_flags
    subprocess.run(cmd, shell=True, cwd=stack_dir, check=True)  # VULN flow


def apply(stack_dir):
    terraform(["apply", "-input=false", "plan.tfplan"], stack_dir)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="tfwrap")
    parser.add_argument("action", choices=["plan", "apply"])
    parser.add_argument("request", help="request file written by the portal")
    args = parser.parse_args(argv)

    req = load_request(args.request) or {}
    stack = req.get("stack")
    if stack not in STACKS:
        parser.error(f"unknown stack: {stack!r}")
    stack_dir = os.path.join(STACKS_ROOT, stack)
    try:
        if args.action == "plan":
            plan(stack_dir, req)
        else:
            apply(stack_dir)
    except subprocess.CalledProcessError as exc:
        return exc.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
