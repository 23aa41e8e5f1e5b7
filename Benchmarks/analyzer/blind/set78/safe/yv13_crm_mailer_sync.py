#!/usr/bin/env python3
"""Nightly job: push newly opted-in donors from the CRM into the newsletter list."""
import hashlib
import logging
import os
import sys
from datetime import datetime, timedelta, timezone

import psycopg2
import requests

log = logging.getLogger("sync.mailer")

CRM_DB_PASSWORD = os.environ["CRM_DB_PASSWORD"]
CRM_DB = {
    "host": os.environ.get("CRM_DB_HOST", "crm-db.internal"),
    "dbname": "donorcrm",
    "user": "sync_job",
    "password": CRM_DB_PASSWORD,
}
MAILER_API = "https://us14.api.mailchimp.com/3.0"
MAILER_KEY = os.environ["MAILER_API_KEY"]
LIST_ID = "a1b2c3d4e5"
LOOKBACK = timedelta(days=1, hours=2)


def fetch_new_optins(conn, since):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT email, first_name, last_name, region FROM donors "
            "WHERE newsletter_opt_in = true AND opt_in_at >= %s",
            (since,),
        )
        return cur.fetchall()


def subscriber_hash(email: str) -> str:
    # Mailchimp identifies list members by the MD5 of the lowercased address.
    return hashlib.md5(email.lower().encode("utf-8")).hexdigest()


def upsert_member(session, email, first, last, region):
    url = f"{MAILER_API}/lists/{LIST_ID}/members/{subscriber_hash(email)}"
    body = {
        "email_address": email,
        "status_if_new": "subscribed",
        "merge_fields": {"FNAME": first or "", "LNAME": last or "", "REGION": region or ""},
    }
    resp = session.put(url, json=body, timeout=15)
    if resp.status_code >= 400:
        log.warning("mailer rejected member (%s): %r", resp.status_code, resp.text[:200])
        return False
    return True


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    since = datetime.now(timezone.utc) - LOOKBACK
    conn = psycopg2.connect(**CRM_DB)
    session = requests.Session()
    session.auth = ("sync", MAILER_KEY)
    ok = failed = 0
    try:
        for email, first, last, region in fetch_new_optins(conn, since):
            if upsert_member(session, email, first, last, region):
                ok += 1
            else:
                failed += 1
    finally:
        conn.close()
    log.info("synced %d donors, %d failures", ok, failed)
    return 0 if failed == 0 else 2


if __name__ == "__main__":
    sys.exit(main())
