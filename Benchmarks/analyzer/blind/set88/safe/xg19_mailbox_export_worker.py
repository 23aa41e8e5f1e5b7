"""Processes queued mailbox export requests.

Users ask for an export of a folder from the webmail settings page; the
request lands in ``export_requests`` and this worker builds the archive.
"""
import logging
import os
import re
import sqlite3
import subprocess
import time

import click

EXPORT_DIR = "/srv/exports"
MAIL_ROOT = "/var/vmail"
DB_PATH = "/var/lib/webmail/app.db"
ACCOUNT_RE = re.compile(r"^[a-z0-9._-]+@[a-z0-9.-]+$")

log = logging.getLogger("export-worker")


def pending_requests(conn: sqlite3.Connection):
    return conn.execute(
        "SELECT id, account, folder, fmt FROM export_requests WHERE status = 'pending' ORDER BY id"
    ).fetchall()


def list_folders(maildir: str) -> set:
    return {name for name in os.listdir(maildir) if name.startswith(".") and os.path.isdir(os.path.join(maildir, name))}


def build_archive_cmd(account: str, folder: str, fmt: str, out_path: str) -> tuple:
    if not ACCOUNT_RE.match(account):
        raise ValueError("unexpected account name")
    maildir = os.path.join(MAIL_ROOT, account, "Maildir")
    src = f".{folder}" if folder and folder != "INBOX" else "."
    if src != "." and src not in list_folders(maildir):
        raise ValueError("unknown folder")
    if fmt == "zip":
        return ["zip", "-qr", out_path, "--", src], maildir
    return ["tar", "-czf", out_path, "-C", maildir, "--", src], None


def process(conn: sqlite3.Connection, row) -> str:
    req_id, account, folder, fmt = row
    ext = "zip" if fmt == "zip" else "tar.gz"
    out_path = os.path.join(EXPORT_DIR, f"export-{req_id}.{ext}")
    cmd, cwd = build_archive_cmd(account, folder, fmt, out_path)
    log.info("building export %d", req_id)
    rc = subprocess.run(cmd, cwd=cwd, check=False).returncode
    status = "done" if rc == 0 else "failed"
    conn.execute(
        "UPDATE export_requests SET status = ?, path = ?, finished_at = ? WHERE id = ?",
        (status, out_path if rc == 0 else None, int(time.time()), req_id),
    )
    conn.commit()
    return status


@click.command()
@click.option("--db", "db_path", default=DB_PATH, show_default=True)
@click.option("--loop/--once", default=False, help="keep polling for new requests")
@click.option("--interval", default=30, show_default=True, help="poll interval in seconds")
def main(db_path: str, loop: bool, interval: int):
    """Build pending mailbox exports."""
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db_path)
    while True:
        rows = pending_requests(conn)
        for row in rows:
            try:
                status = process(conn, row)
            except Exception:
                log.exception("export %s crashed", row[0])
                continue
            click.echo(f"export {row[0]}: {status}")
        if not loop:
            break
        time.sleep(interval)


if __name__ == "__main__":
    main()
