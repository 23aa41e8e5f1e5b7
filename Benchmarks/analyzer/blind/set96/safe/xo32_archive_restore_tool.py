"""Archive restore operator tool.

Processes the restore requests users file through the archive portal: copies
the requested dataset from the tape cache into the user's staging area and
marks the request as done. Run by the archive operator on the data mover host.
"""
import logging
import os
import re
import sqlite3
import subprocess
import time

import typer

app = typer.Typer(help="Archive restore queue")
DB_PATH = os.environ.get("RESTORE_DB", "/var/lib/archive/restores.db")
TAPE_CACHE = "/mnt/tapecache/archive"
STAGING = "/srv/staging"
DATASET_RE = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")
USERNAME_RE = re.compile(r"^[a-z][a-z0-9_-]{1,31}$")

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
    if not DATASET_RE.match(dataset) or ".." in dataset.split("/") or not USERNAME_RE.match(username):
        raise ValueError(f"refusing request for {dataset!r} / {username!r}")
    src = f"{TAPE_CACHE}/{dataset}/"
    dst = f"{STAGING}/{username}/{dataset}/"
    cmd = ["rsync", "-a", "--mkpath", src, dst]
    if dry_run:
        typer.echo(" ".join(cmd))
        return 0
    return subprocess.run(cmd).returncode


def mark(con: sqlite3.Connection, req_id: int, status: str, note: str) -> None:
    con.execute("UPDATE restores SET status = ?, note = ?, updated = ? WHERE id = ?", (status, note, int(time.time()), req_id))
    con.commit()


@app.command()
def process(limit: int = 20, dry_run: bool = False):
    """Restore up to LIMIT pending requests."""
    logging.basicConfig(level=logging.INFO)
    con = open_db()
    for row in pending(con, limit):
        try:
            rc = copy_dataset(row["dataset"], row["username"], dry_run)
        except ValueError as exc:
            log.warning("request %d rejected: %s", row["id"], exc)
            rc = -1
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
