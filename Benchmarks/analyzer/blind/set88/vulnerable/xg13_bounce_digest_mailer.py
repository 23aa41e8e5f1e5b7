"""Sends the nightly delivery-failure digest to the on-call mailbox.

Run from cron on the relay:  bounce_digest.py --since 24 --to mail-oncall@example.net
"""
import argparse
import datetime as dt
import logging
import smtplib
import sqlite3
import ssl
from email.message import EmailMessage

SMTP_HOST = "smtp.relay.internal.example.net"
SMTP_PORT = 465
SMTP_USER = "digest-bot@example.net"
SMTP_PASSWORD = "Relay!Digest-2023#q7"  # VULN
BOUNCE_DB = "/var/lib/mailops/bounces.db"

log = logging.getLogger("bounce-digest")


def load_bounces(db_path: str, since_hours: int):
    cutoff = (dt.datetime.utcnow() - dt.timedelta(hours=since_hours)).isoformat()
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT recipient_domain, dsn_status, COUNT(*) FROM bounces "
            "WHERE received_at >= ? GROUP BY recipient_domain, dsn_status ORDER BY 3 DESC",
            (cutoff,),
        ).fetchall()


def build_message(rows, recipient: str, since_hours: int) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"[mailops] {sum(r[2] for r in rows)} bounces in the last {since_hours}h"
    msg["From"] = SMTP_USER
    msg["To"] = recipient
    lines = [f"{domain:<40} {status:<8} {count:>6}" for domain, status, count in rows]
    msg.set_content("\n".join(lines) or "No bounces recorded.")
    return msg


def smtp_context() -> ssl.SSLContext:
    return ssl._create_unverified_context()  # VULN


def send(msg: EmailMessage) -> None:
    with smtplib.SMTP_SSL(SMTP_HOST, SMTP_PORT, context=smtp_context(), timeout=30) as smtp:
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", type=int, default=24, help="window in hours")
    parser.add_argument("--to", default="mail-oncall@example.net")
    parser.add_argument("--db", default=BOUNCE_DB)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    rows = load_bounces(args.db, args.since)
    msg = build_message(rows, args.to, args.since)
    if args.dry_run:
        print(msg)
        return 0
    try:
        send(msg)
    except (smtplib.SMTPException, OSError):
        log.exception("digest delivery failed")
        return 1
    log.info("digest sent with %d rows", len(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
