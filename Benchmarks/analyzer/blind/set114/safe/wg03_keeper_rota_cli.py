#!/usr/bin/env python3
"""Send each keeper their weekly shift rota.

The rota CSV is exported from the HR scheduling portal, where keepers can edit
their own display name and notification address.
"""
import argparse
import csv
import logging
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

log = logging.getLogger("rota")

MAIL_BIN = "/usr/bin/mail"


def load_rota(path: str) -> dict[str, list[dict]]:
    by_keeper: dict[str, list[dict]] = defaultdict(list)
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            by_keeper[row["email"]].append(row)
    return by_keeper


def render_rota(shifts: list[dict]) -> str:
    lines = [f"Rota for {shifts[0]['display_name']}", ""]
    for s in sorted(shifts, key=lambda r: (r["date"], r["start"])):
        lines.append(f"{s['date']}  {s['start']}-{s['end']}  {s['section']}")
    return "\n".join(lines) + "\n"


def send_mail(address: str, subject: str, body_file: str, dry_run: bool) -> int:
    cmd = [MAIL_BIN, "-s", subject, "--", address]
    if dry_run:
        print(cmd)
        return 0
    with open(body_file, "rb") as body:
        proc = subprocess.run(cmd, stdin=body)
    return proc.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rota_csv")
    parser.add_argument("--week", required=True, help="ISO week label, e.g. 2024-W18")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO)
    rota = load_rota(args.rota_csv)
    failures = 0
    for address, shifts in rota.items():
        name = shifts[0]["display_name"]
        subject = f"Shift rota {args.week} - {name}"
        fd, body_path = tempfile.mkstemp(suffix=".txt")
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(render_rota(shifts))
            rc = send_mail(address, subject, body_path, args.dry_run)
        finally:
            os.unlink(body_path)
        if rc != 0:
            failures += 1
            log.warning("mail to %r failed with %d", address, rc)
    log.info("sent %d rotas, %d failures", len(rota) - failures, failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
