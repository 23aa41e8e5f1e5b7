#!/usr/bin/env python3
"""Daily job: create time-limited record-share links for pending referrals.

When a clinician refers a patient to an outside specialist, the referral sits in
`referrals` with status 'pending_share'. This job mints a share token per
referral, stores its hash, and writes a manifest the fax/email relay picks up.
"""
import csv
import datetime as dt
import hashlib
import logging
import os
import secrets
import sys

import psycopg2

log = logging.getLogger("jobs.share_links")

DSN = os.environ.get("EHR_DSN", "dbname=ehr user=share_job")
PUBLIC_BASE = os.environ.get("SHARE_PUBLIC_BASE", "https://records.riverside-health.org/s/")
MANIFEST_DIR = os.environ.get("SHARE_MANIFEST_DIR", "/var/spool/referral-relay")
LINK_TTL = dt.timedelta(days=14)


def mint_token() -> str:
    return secrets.token_hex(16)


def pending_referrals(conn):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT r.id, r.patient_id, s.display_name, s.contact_email "
            "FROM referrals r JOIN specialists s ON s.id = r.specialist_id "
            "WHERE r.status = 'pending_share' ORDER BY r.created_at LIMIT 500"
        )
        return cur.fetchall()


def record_share(conn, referral_id: int, token: str, expires: dt.datetime) -> None:
    digest = hashlib.sha256(token.encode()).hexdigest()
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO record_shares (referral_id, token_sha256, expires_at) VALUES (%s, %s, %s)",
            (referral_id, digest, expires),
        )
        cur.execute("UPDATE referrals SET status = 'shared' WHERE id = %s", (referral_id,))


def write_manifest(rows: list, run_date: dt.date) -> str:
    os.makedirs(MANIFEST_DIR, mode=0o750, exist_ok=True)
    path = os.path.join(MANIFEST_DIR, f"shares-{run_date:%Y%m%d}.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["referral_id", "specialist", "email", "link", "expires"])
        writer.writerows(rows)
    # relay daemon runs under its own account, in the referral-relay group
    os.chmod(path, 0o640)
    return path


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    now = dt.datetime.utcnow()
    expires = now + LINK_TTL
    conn = psycopg2.connect(DSN)
    manifest_rows = []
    try:
        for referral_id, patient_id, specialist, email in pending_referrals(conn):
            token = mint_token()
            record_share(conn, referral_id, token, expires)
            manifest_rows.append([referral_id, specialist, email, PUBLIC_BASE + token,
                                  expires.isoformat(timespec="minutes")])
        conn.commit()
    except psycopg2.Error:
        conn.rollback()
        log.exception("share run aborted")
        return 2
    finally:
        conn.close()
    if manifest_rows:
        path = write_manifest(manifest_rows, now.date())
        log.info("minted %d share links -> %s", len(manifest_rows), path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
