#!/usr/bin/env python3
"""Pull weights from the weighbridge indicator for tickets opened at the gatehouse kiosk.

The kiosk (where drivers key in their registration and load type) appends a
row to pending.csv; this job asks the indicator for the captured weight and
writes the completed ticket back.
"""
import csv
import json
import logging
import os
import re
import subprocess
from pathlib import Path

import click

log = logging.getLogger("wb_sync")

WBREAD = os.environ.get("WBREAD_BIN", "/opt/weighbridge/bin/wbread")
REG_RE = re.compile(r"[A-Z0-9 ]{2,10}")


def read_pending(queue_file: Path):
    with queue_file.open(newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("status") == "pending":
                yield row


def indicator_args(port: str, job: dict) -> list:
    reg = job["vehicle_reg"].strip().upper()
    if not REG_RE.fullmatch(reg):
        raise ValueError("bad registration")
    return ["--port", port, "--reg", reg, "--ticket", str(int(job["ticket_no"])),
            "--axles", str(int(job.get("axles", "2"))), "--json"]


def read_weight(port: str, job: dict) -> dict:
    cmd = [WBREAD, *indicator_args(port, job)]
    out = subprocess.check_output(cmd, text=True, timeout=30)
    return json.loads(out)


def write_completed(out_dir: Path, job: dict, reading: dict) -> Path:
    ticket = {
        "ticket_no": job["ticket_no"],
        "vehicle_reg": job["vehicle_reg"],
        "load_type": job.get("load_type", ""),
        "gross_kg": reading["gross"],
        "tare_kg": reading.get("tare", 0),
        "net_kg": reading["gross"] - reading.get("tare", 0),
        "stable": reading.get("stable", False),
    }
    path = out_dir / f"{int(job['ticket_no']):08d}.json"
    path.write_text(json.dumps(ticket, indent=2))
    return path


@click.command()
@click.option("--queue-file", type=click.Path(exists=True, path_type=Path),
              default="/srv/weighbridge/kiosk/pending.csv")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              default="/srv/weighbridge/tickets/incoming")
@click.option("--port", default="/dev/ttyS1", show_default=True)
@click.option("-v", "--verbose", is_flag=True)
def sync(queue_file: Path, out_dir: Path, port: str, verbose: bool):
    """Complete pending tickets with weights from the indicator."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    out_dir.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    for job in read_pending(queue_file):
        try:
            reading = read_weight(port, job)
            write_completed(out_dir, job, reading)
            done += 1
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
            log.warning("ticket %r failed: %s", job.get("ticket_no"), exc)
            failed += 1
    click.echo(f"completed {done}, failed {failed}")


if __name__ == "__main__":
    sync()
