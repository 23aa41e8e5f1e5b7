#!/usr/bin/env python3
"""Send pending specialist referrals (endo, perio, oral surgery, retina) by
fax through the office HylaFAX server.

Referral details, including the specialist's fax number, are entered on the
referral form in the patient portal or by staff in the PMS.
"""
import logging
import re
import sqlite3
import subprocess
from pathlib import Path

import click

log = logging.getLogger("referral_fax")

PDF_DIR = Path("/srv/referrals/pdf")


def pending_referrals(conn: sqlite3.Connection) -> list:
    conn.row_factory = sqlite3.Row
    return conn.execute(
        "SELECT id, patient_id, specialist_name, fax_number FROM referrals "
        "WHERE status = 'ready' ORDER BY created_at"
    ).fetchall()


def fax_command(number: str, pdf: Path, recipient: str, cover: bool) -> list:
    digits = re.sub(r"[^0-9+]", "", number or "")
    if len(digits) < 7:
        raise ValueError("invalid fax number")
    name = re.sub(r"[^A-Za-z0-9 .,'-]", "", recipient or "")[:60]
    flags = ["-n"] if not cover else ["-c", "referral_cover"]
    return ["sendfax", *flags, "-d", f"{name}@{digits}", str(pdf)]


def mark(conn: sqlite3.Connection, referral_id: int, status: str, job: str = "") -> None:
    conn.execute("UPDATE referrals SET status = ?, fax_job = ? WHERE id = ?", (status, job, referral_id))
    conn.commit()


@click.command()
@click.option("--db", "db_path", default="/var/lib/practice/practice.db", show_default=True)
@click.option("--cover/--no-cover", default=True, help="Attach the practice cover sheet.")
@click.option("--dry-run", is_flag=True, help="Print the fax commands without sending.")
def send_pending(db_path: str, cover: bool, dry_run: bool) -> None:
    """Fax every referral in the 'ready' state."""
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db_path)
    sent = failed = 0
    for ref in pending_referrals(conn):
        pdf = PDF_DIR / f"referral_{ref['id']}.pdf"
        if not pdf.exists():
            log.warning("referral %d has no rendered PDF", ref["id"])
            continue
        try:
            cmd = fax_command(ref["fax_number"], pdf, ref["specialist_name"], cover)
        except ValueError:
            log.warning("referral %d has an invalid fax number", ref["id"])
            mark(conn, ref["id"], "fax_error")
            failed += 1
            continue
        if dry_run:
            click.echo(" ".join(cmd))
            continue
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode == 0:
            mark(conn, ref["id"], "faxed", result.stdout.strip())
            sent += 1
        else:
            log.error("sendfax failed for referral %d: %r", ref["id"], result.stderr.strip())
            mark(conn, ref["id"], "fax_error")
            failed += 1
    click.echo(f"sent={sent} failed={failed}")


if __name__ == "__main__":
    send_pending()
