#!/usr/bin/env python3
"""Daily cron: remind the grants team of upcoming deadlines and archive
closed submissions.

Funder names and cycles are entered by program partners in the shared
grants tracker.
"""
import logging
import os
import re
import smtplib
import sqlite3
import ssl
import subprocess
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

log = logging.getLogger("grants.cron")

DB_PATH = "/var/lib/grants/tracker.db"
SUBMISSIONS = Path("/srv/grants/submissions")
ARCHIVE_DIR = Path("/srv/grants/archive")
SMTP_HOST = "smtp.office365.com"
SMTP_USER = "grants-bot@riverbendliteracy.org"
SMTP_PASSWORD = os.environ["GRANTS_SMTP_PASSWORD"]
TEAM = ["grants@riverbendliteracy.org"]


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text.strip()).strip("_") or "untitled"


def upcoming(conn, days: int = 14) -> list:
    horizon = (date.today() + timedelta(days=days)).isoformat()
    return conn.execute(
        "SELECT id, funder, cycle, deadline FROM grants "
        "WHERE status = 'open' AND deadline <= ? ORDER BY deadline",
        (horizon,),
    ).fetchall()


def archive_submission(grant_id: int, funder: str, cycle: str) -> Path:
    folder = SUBMISSIONS / str(grant_id)
    archive = ARCHIVE_DIR / f"{_slug(funder)}_{_slug(cycle)}.zip"
    command = ["zip", "-qr", str(archive), str(folder)]
    subprocess.run(command, check=True)
    return archive


def send_digest(rows: list) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"Grant deadlines in the next two weeks ({len(rows)})"
    msg["From"] = SMTP_USER
    msg["To"] = ", ".join(TEAM)
    msg.set_content("\n".join(f"{d}  {f} ({c})" for _, f, c, d in rows) or "Nothing due.")
    with smtplib.SMTP(SMTP_HOST, 587, timeout=30) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ARCHIVE_DIR.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(DB_PATH) as conn:
        send_digest(upcoming(conn))
        closed = conn.execute(
            "SELECT id, funder, cycle FROM grants WHERE status = 'closed' AND archived = 0"
        ).fetchall()
        for grant_id, funder, cycle in closed:
            try:
                archive_submission(grant_id, funder, cycle)
            except subprocess.CalledProcessError:
                log.error("archive failed for grant %d", grant_id)
                continue
            conn.execute("UPDATE grants SET archived = 1 WHERE id = ?", (grant_id,))
    log.info("archived %d closed grants", len(closed))


if __name__ == "__main__":
    main()
