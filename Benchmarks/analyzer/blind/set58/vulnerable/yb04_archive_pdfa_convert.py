#!/usr/bin/env python3
"""Convert scanned records dropped by the mailroom scanners into PDF/A.

Each scan arrives as ``<name>.pdf`` with an optional ``<name>.json`` sidecar
written by the scanning station (title, box number, record class).
"""
import argparse
import json
import logging
import os
import subprocess
import sys

log = logging.getLogger("archive.pdfa")

OCRMYPDF = os.environ.get("OCRMYPDF_BIN", "ocrmypdf")


def read_sidecar(pdf_path):
    sidecar = os.path.splitext(pdf_path)[0] + ".json"
    if not os.path.exists(sidecar):
        return {}
    with open(sidecar, encoding="utf-8") as fh:
        return json.load(fh)


def build_command(src, dest, title):
    return (
        f'{OCRMYPDF} --output-type pdfa-2 --skip-text --title "{title}" '
        f"{src} {dest}"
    )


def convert(src, out_dir):
    meta = read_sidecar(src)
    title = meta.get("title") or os.path.basename(src)
    base = os.path.splitext(os.path.basename(src))[0]
    dest = os.path.join(out_dir, base + ".pdfa.pdf")
    cmd = build_command(src, dest, title)
    log.debug("running %r", cmd)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if result.returncode != 0:
        log.error("conversion failed for %r: %r", src, result.stderr.strip()[-500:])
        return False
    return True


def iter_inbox(inbox):
    for name in sorted(os.listdir(inbox)):
        if name.lower().endswith(".pdf"):
            yield os.path.join(inbox, name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inbox", default="/srv/scans/inbox")
    parser.add_argument("--out", default="/srv/archive/pdfa")
    parser.add_argument("--keep", action="store_true", help="keep source scans")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    os.makedirs(args.out, exist_ok=True)
    failures = 0
    for src in iter_inbox(args.inbox):
        if convert(src, args.out):
            if not args.keep:
                os.remove(src)
        else:
            failures += 1
    log.info("done, %d failures", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
