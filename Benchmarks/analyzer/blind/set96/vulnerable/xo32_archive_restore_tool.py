"""Archive restore operator tool.

Processes the restore requests users file through the archive portal: copies
the requested dataset from the tape cache into the user's staging area and
marks the request as done. Run by the archive operator on the data mover host.
"""
import logging
import os
import sqlite3
import subprocess
import time

import typer

app = typer.Typer(help="Archive restore queue")
DB_PATH = os.environ.get("RESTORE_DB", "/var/lib/archive/restores.db")
TAPE_CACHE = "/mnt/tapecache/archive"
STAGING = "/srv/staging"

log = logging.getLogger("restore_tool")


def open_db() -> sqlite3.Connection:
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    return con


def pending(con: sqlite3.Connection, limit: int) -> list:
    return con.execute(
        "SELECT id, dataset, username, created FROM restores "
        "WHERE status = 'pending' ORDER BY created LIMIT ?",
        (limit,),
    ).fetchall()


def copy_dataset(dataset: str, username: str, dry_run: bool = False) -> int:
    src = f"{TAPE_CACHE}/{dataset}/"
    dst = f"{STAGING}/{username}/{dataset}/"
    cmd = f"rsync -a --mkpath {src} {dst}"
    if dry_run:
        typer.echo(cmd)
        return 0
    return subprocess.run(cmd, shell=True).returncode  # VULN flow


def mark(con: sqlite3.Connection, req_id: int, status: str, note: str) -> None:
    con.execute(f"UPDATE restores SET status = '{status}', note = '{note}', updated = {int(time.time())} WHERE id = {req_id}")  # VULN flow
    con.commit()


@app.command()
def process(limit: int = 20, dry_run: bool = False):
    """Restore up to LIMIT pending requests."""
    logging.basicConfig(level=logging.INFO)
    con = open_db()
    for row in pending(con, limit):
        rc = copy_dataset(row["dataset"], row["username"], dry_run)
        if dry_run:
            continue
        if rc == 0:
            mark(con, row["id"], "done", f"restored {row['dataset']}")
        else:
            mark(con, row["id"], "failed", f"rsync exit {rc} for {row['dataset']}")
        log.info("request %d finished with rc %d", row["id"], rc)
    con.close()


@app.command()
def show(status: str = "pending"):
    """List restore requests with the given status."""
    con = open_db()
    for row in con.execute(
        "SELECT id, dataset, username, status FROM restores WHERE status = ? ORDER BY id", (status,)
    ):
        typer.echo(f"{row['id']:6d} {row['status']:8s} {row['username']:12s} {row['dataset']}")
    con.close()


if __name__ == "__main__":
    app()
