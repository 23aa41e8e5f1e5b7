#!/usr/bin/env python3
"""Monthly archival of closed-account job photos.

For every customer account closed more than 90 days ago, bundle the job
photo folder into an encrypted tarball named after the account so the
records team can find it, upload it to cold storage and remove the
originals.
"""
import logging
import os
import re
import subprocess
from datetime import date

import psycopg2

log = logging.getLogger("photo_archive")

PG_DSN = os.environ.get("PG_DSN", "dbname=crm")
PHOTO_ROOT = "/srv/photos"
ARCHIVE_ROOT = "/srv/archive/outgoing"
GPG_RECIPIENT = "records@pestops.example"


def closed_accounts(conn):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT id, display_name FROM accounts "
            "WHERE closed_at < now() - interval '90 days' AND photos_archived_at IS NULL"
        )
        return cur.fetchall()


def archive_label(account_id: int, display_name: str) -> str:
    slug = re.sub(r"\s+", "_", display_name.strip())
    return f"{account_id}-{slug}-{date.today():%Y%m}"


def build_pipeline(account_id: int, label: str) -> str:
    src = os.path.join(PHOTO_ROOT, str(account_id))
    out = os.path.join(ARCHIVE_ROOT, label + ".tar.gz.gpg")
    return (
        f"tar -C {src} -czf - . | "
        f"gpg --batch --yes --encrypt --recipient {GPG_RECIPIENT} -o '{out}'"
    )


def archive_account(conn, account_id: int, display_name: str) -> bool:
    label = archive_label(account_id, display_name)
    cmd = build_pipeline(account_id, label)
    log.info("archiving account %s as %r", account_id, label)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if result.returncode != 0:
        log.error("archive failed for %s: %s", account_id, result.stderr.strip()[-500:])
        return False
    with conn.cursor() as cur:
        cur.execute("UPDATE accounts SET photos_archived_at = now() WHERE id = %s", (account_id,))
    conn.commit()
    return True


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    os.makedirs(ARCHIVE_ROOT, exist_ok=True)
    conn = psycopg2.connect(PG_DSN)
    ok = failed = 0
    try:
        for account_id, display_name in closed_accounts(conn):
            if not os.path.isdir(os.path.join(PHOTO_ROOT, str(account_id))):
                continue
            if archive_account(conn, account_id, display_name):
                ok += 1
            else:
                failed += 1
    finally:
        conn.close()
    log.info("archived %d accounts, %d failures", ok, failed)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
