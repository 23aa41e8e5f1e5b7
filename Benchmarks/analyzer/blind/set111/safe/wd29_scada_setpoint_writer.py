#!/usr/bin/env python3
"""Apply approved setpoint changes from a change ticket to the station PLCs.

Process engineers attach a setpoints.csv (host, unit, register, value,
note) to the change ticket; once approved, the on-shift controller runs:

    setpoint_writer.py apply 48213
"""
import csv
import io
import ipaddress
import logging
import os
import subprocess
from typing import List

import click
import requests

log = logging.getLogger("setpoint_writer")

TICKET_API = "https://tickets.water.local/api/v2"
TICKET_API_KEY = os.environ.get("TICKET_API_KEY", "")
MODPOLL = "/opt/modpoll/bin/modpoll"
PLC_NETWORK = ipaddress.ip_network("10.40.0.0/16")


def fetch_change_rows(ticket_id: int):
    headers = {"Authorization": f"Bearer {TICKET_API_KEY}"}
    meta = requests.get(f"{TICKET_API}/tickets/{ticket_id}", headers=headers, timeout=10)
    meta.raise_for_status()
    if meta.json().get("state") != "approved":
        raise click.ClickException(f"ticket {ticket_id} is not approved")
    att = requests.get(f"{TICKET_API}/tickets/{ticket_id}/attachments/setpoints.csv",
                       headers=headers, timeout=10)
    att.raise_for_status()
    return list(csv.DictReader(io.StringIO(att.text)))


def build_write_cmd(row: dict) -> List[str]:
    host = ipaddress.ip_address(row["host"].strip())
    if host not in PLC_NETWORK:
        raise ValueError(f"host {host} is outside the PLC network")
    unit, register, value = int(row["unit"]), int(row["register"]), int(row["value"])
    return [MODPOLL, "-m", "tcp", "-a", str(unit), "-r", str(register), "-t", "4", "-1",
            str(host), str(value)]


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("ticket_id", type=int)
@click.option("--dry-run", is_flag=True, help="print the commands without writing")
def apply(ticket_id, dry_run):
    rows = fetch_change_rows(ticket_id)
    click.echo(f"{len(rows)} setpoint change(s) in ticket {ticket_id}")
    failures = 0
    for row in rows:
        try:
            cmd = build_write_cmd(row)
        except (KeyError, ValueError) as exc:
            failures += 1
            log.error("rejected row %r: %s", row, exc)
            continue
        if dry_run:
            click.echo(" ".join(cmd))
            continue
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        if proc.returncode != 0:
            failures += 1
            log.error("write failed for %r: %r", row.get("note"), proc.stderr.strip())
        else:
            log.info("wrote %r to %r register %r", row.get("value"), row.get("host"), row.get("register"))
    if failures:
        raise click.ClickException(f"{failures} write(s) failed")


if __name__ == "__main__":
    cli()
