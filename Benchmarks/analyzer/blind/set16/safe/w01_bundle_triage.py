#!/usr/bin/env python3
"""Triage customer diagnostic bundles dropped into the support inbox.

Each bundle is unpacked into a work directory and scanned for known failure
signatures so the on-call engineer gets a short summary in the ticket.
"""
import argparse
import json
import logging
import os
import subprocess
import tarfile
from pathlib import Path

log = logging.getLogger("bundle-triage")

SIGNATURES = {
    "oom": "Out of memory: Killed process",
    "disk": "No space left on device",
    "tls": "certificate verify failed",
    "dns": "Temporary failure in name resolution",
}


def unpack_bundle(bundle, workdir):
    name = bundle.name.split(".", 1)[0] or "bundle"
    target = workdir / name
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle, "r:*") as tar:
        tar.extractall(target, filter="data")
    return target


def grep_signature(directory, pattern):
    cmd = ["grep", "-rIl", "--", pattern, str(directory)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return [line for line in proc.stdout.splitlines() if line]


def triage(bundle, workdir):
    extracted = unpack_bundle(bundle, workdir)
    findings = {}
    for key, pattern in SIGNATURES.items():
        hits = grep_signature(extracted, pattern)
        if hits:
            findings[key] = sorted(os.path.relpath(h, extracted) for h in hits)
    return findings


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inbox", type=Path)
    parser.add_argument("--workdir", type=Path,
                        default=Path(os.environ.get("TRIAGE_WORKDIR", "/srv/support/triage")))
    parser.add_argument("--out", type=Path, default=Path("triage.json"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    report = {}
    for bundle in sorted(args.inbox.glob("*.tar*")):
        log.info("processing %r", bundle.name)
        try:
            report[bundle.name] = triage(bundle, args.workdir)
        except (tarfile.TarError, OSError) as exc:
            log.warning("skipping %r: %r", bundle.name, exc)
            report[bundle.name] = {"error": str(exc)}
    args.out.write_text(json.dumps(report, indent=2))
    log.info("wrote %d entries to %s", len(report), args.out)


if __name__ == "__main__":
    main()
