"""Export smart-lock / fob access events to CSV.

Invoked by the portal's report scheduler, which passes the options a property
manager saved on the "Access report" screen, e.g.:
    access-export --building HV2 --door "Lobby East" --since 2024-05-01 --out /exports/r123.csv
"""
import csv
import logging
import os
import sqlite3
import subprocess

import click

log = logging.getLogger("reports.access_export")
EVENTS_DB = os.environ.get("ACCESS_EVENTS_DB", "/var/lib/locks/events.db")
COLUMNS = ("event_time", "building_code", "door_name", "credential_type", "holder_name", "result")


def build_query(building: str, door: str | None, since: str | None, denied_only: bool) -> str:
    clauses = [f"building_code = '{building}'"]
    if door:
        clauses.append(f"door_name = '{door}'")
    if since:
        clauses.append(f"event_time >= '{since}'")
    if denied_only:
        clauses.append("result <> 'granted'")
    return f"SELECT {', '.join(COLUMNS)} FROM access_events WHERE {' AND '.join(clauses)} ORDER BY event_time"


@click.command()
@click.option("--building", required=True, help="Building code, e.g. HV2")
@click.option("--door", default=None, help="Only events for this door")
@click.option("--since", default=None, help="ISO date lower bound")
@click.option("--denied-only", is_flag=True, help="Only failed/denied attempts")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
@click.option("--compress/--no-compress", default=True)
def export(building, door, since, denied_only, out_path, compress):
    logging.basicConfig(level=logging.INFO)
    query = build_query(building, door, since, denied_only)
    conn = sqlite3.connect(EVENTS_DB)
    try:
        rows = conn.execute(query).fetchall()  # VULN flow
    finally:
        conn.close()

    with open(out_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    log.info("wrote %d access events to %r", len(rows), out_path)

    if compress:
        subprocess.run(f"gzip -f {out_path}", shell=True, check=True)  # VULN flow
        out_path += ".gz"
    click.echo(out_path)


if __name__ == "__main__":
    export()
