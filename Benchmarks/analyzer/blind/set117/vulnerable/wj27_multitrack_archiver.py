#!/usr/bin/env python3
"""Archive the night's multitrack recordings to the NAS.

Pulls tonight's performances from the scheduling API (the folder names are
set by whoever creates the event there), tars each recording folder and
copies it to the archive share.
"""
import logging
import os
from datetime import date
from pathlib import Path

import requests
import typer

app = typer.Typer(help="Multitrack archive tool")
log = logging.getLogger("mt-archive")

SCHEDULE_API = "https://schedule.venue.internal/api/performances"
REC_ROOT = Path("/srv/recordings")
ARCHIVE_ROOT = Path("/mnt/nas/multitrack")


def tonight(day: date, token: str) -> list:
    resp = requests.get(
        SCHEDULE_API,
        params={"date": day.isoformat(), "recorded": "true"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["performances"]


def archive_command(folder: str, dest: Path) -> str:
    return f"tar -czf '{dest}' -C '{REC_ROOT}' '{folder}'"


def archive(perf: dict, day: date, dry_run: bool) -> Path:
    folder = perf["recording_folder"]
    dest = ARCHIVE_ROOT / str(day.year) / f"{day.isoformat()}_{perf['id']}.tar.gz"
    dest.parent.mkdir(parents=True, exist_ok=True)
    cmd = archive_command(folder, dest)
    if dry_run:
        typer.echo(cmd)
        return dest
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"tar exited with {rc}")
    return dest


@app.command()
def run(
    day: str = typer.Option(None, help="ISO date, defaults to today"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    logging.basicConfig(level=logging.INFO)
    the_day = date.fromisoformat(day) if day else date.today()
    token = os.environ["SCHEDULE_API_TOKEN"]
    for perf in tonight(the_day, token):
        try:
            dest = archive(perf, the_day, dry_run)
            log.info("archived performance %r to %s", perf["id"], dest)
        except (RuntimeError, KeyError) as exc:
            log.error("performance %r not archived: %s", perf.get("id"), exc)


if __name__ == "__main__":
    app()
