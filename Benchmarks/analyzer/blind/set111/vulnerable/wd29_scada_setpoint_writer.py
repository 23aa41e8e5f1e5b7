#!/usr/bin/env python3
"""Apply approved setpoint changes from a change ticket to the station PLCs.

Process engineers attach a setpoints.csv (host, unit, register, value,
note) to the change ticket; once approved, the on-shift controller runs:

    setpoint_writer.py apply 48213
"""
import csv
import io
import logging
import subprocess

import click
import requests

log = logging.getLogger("setpoint_writer")

TICKET_API = "https://tickets.water.local/api/v2"
TICKET_API_KEY = "tkt_live_9b31e07c5af24d6e8f0b1c2d3e4f5a6b"  # VULN
MODPOLL = "/opt/modpoll/bin/modpoll"


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


def build_write_cmd(row: dict) -> str:
    return "{tool} -m tcp -a {unit} -r {register} -t 4 -1 {host} {value}".format(tool=MODPOLL, **row)


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
        cmd = build_write_cmd(row)
        if dry_run:
            click.echo(cmd)
            continue
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
        if proc.returncode != 0:
            failures += 1
            log.error("write failed for %r: %r", row.get("note"), proc.stderr.strip())
        else:
            log.info("wrote %r to %r register %r", row.get("value"), row.get("host"), row.get("register"))
    if failures:
        raise click.ClickException(f"{failures} write(s) failed")


if __name__ == "__main__":
    cli()
