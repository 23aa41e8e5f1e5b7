#!/usr/bin/env python3
"""Checks out a pushed branch and runs the test suite for the CI webhook job."""
import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time

log = logging.getLogger("ci.runner")

REPO_URL = os.environ.get("CI_REPO_URL", "https://git.example.internal/platform/api.git")
REF_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Run the CI pipeline for a pushed branch")
    p.add_argument("--branch", default=os.environ.get("CI_PUSH_REF", "main"),
                   help="branch or tag to build (defaults to the webhook ref)")
    p.add_argument("--workdir", default=os.environ.get("CI_WORKDIR", "/var/ci/work"))
    p.add_argument("--report", action="store_true", help="write a JSON summary")
    return p.parse_args(argv)


def checkout_command(branch, workdir):
    if not REF_RE.match(branch) or ".." in branch:
        raise RuntimeError("refusing to build malformed ref")
    target = os.path.join(workdir, "src")
    return ["git", "clone", "--depth", "1", "--branch", branch, "--", REPO_URL, target]


def checkout(branch, workdir):
    cmd = checkout_command(branch, workdir)
    log.info("checking out ref for build")
    rc = subprocess.run(cmd, check=False).returncode
    if rc != 0:
        raise RuntimeError(f"checkout failed with status {rc}")
    return os.path.join(workdir, "src")


def run_tests(src_dir):
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--maxfail=20"],
        cwd=src_dir,
        capture_output=True,
        text=True,
    )
    return {
        "returncode": proc.returncode,
        "duration": round(time.monotonic() - started, 2),
        "tail": proc.stdout.splitlines()[-20:],
    }


def write_report(summary):
    fd, path = tempfile.mkstemp(suffix=".json", prefix="ci-report-")
    with os.fdopen(fd, "w") as fh:
        json.dump(summary, fh, indent=2)
    return path


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = parse_args(argv)
    os.makedirs(args.workdir, exist_ok=True)
    try:
        src = checkout(args.branch, args.workdir)
    except RuntimeError as exc:
        log.error("%s", exc)
        return 2
    summary = run_tests(src)
    summary["branch"] = args.branch
    if args.report:
        log.info("report written to %s", write_report(summary))
    return 0 if summary["returncode"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
