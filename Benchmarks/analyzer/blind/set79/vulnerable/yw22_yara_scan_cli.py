"""Sweep the sample-submission inbox with YARA and write a JSON report.

Samples land in the inbox via the "submit suspicious file" form on the
intranet, so file names are whatever the submitter's browser sent.
"""
import json
import logging
import os
import shutil
import subprocess
from datetime import datetime, timezone

import click

DEFAULT_RULES = "/opt/yara-rules/index.yar"
log = logging.getLogger("yara_sweep")


def mime_type(sample_path: str) -> str:
    with os.popen(f"file -b --mime-type '{sample_path}'") as pipe:  # VULN flow
        return pipe.read().strip()


def scan_sample(rules: str, sample_path: str) -> list:
    cmd = f"yara -w -s {rules} '{sample_path}'"
    try:
        out = subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT, timeout=120)  # VULN flow
    except subprocess.CalledProcessError as exc:
        log.warning("yara failed on a sample (rc=%d)", exc.returncode)
        return []
    hits = []
    for line in out.decode(errors="replace").splitlines():
        if line and not line.startswith("0x"):
            hits.append(line.split()[0])
    return hits


@click.command()
@click.option("--inbox", default="/srv/submissions/inbox", type=click.Path(exists=True, file_okay=False))
@click.option("--rules", default=DEFAULT_RULES, type=click.Path(exists=True, dir_okay=False))
@click.option("--done", default="/srv/submissions/scanned", type=click.Path(file_okay=False))
@click.option("--report", type=click.File("w"), default="-")
def sweep(inbox: str, rules: str, done: str, report) -> None:
    """Scan every file in INBOX and move it to DONE."""
    os.makedirs(done, exist_ok=True)
    results = []
    for entry in sorted(os.scandir(inbox), key=lambda e: e.name):
        if not entry.is_file():
            continue
        results.append({
            "file": entry.name,
            "size": entry.stat().st_size,
            "mime": mime_type(entry.path),
            "matches": scan_sample(rules, entry.path),
        })
        shutil.move(entry.path, os.path.join(done, entry.name))
    json.dump({
        "generated": datetime.now(timezone.utc).isoformat(),
        "rules": rules,
        "samples": results,
    }, report, indent=2)
    click.echo(f"scanned {len(results)} samples", err=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sweep()
