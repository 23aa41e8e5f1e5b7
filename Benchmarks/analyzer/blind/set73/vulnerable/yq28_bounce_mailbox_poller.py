"""Polls the bounce mailbox, records hard bounces and archives the DSN attachments."""
import email
import imaplib
import logging
import os
import re
import sqlite3
from email.policy import default as default_policy

log = logging.getLogger("mailer.bounces")

IMAP_HOST = os.environ.get("BOUNCE_IMAP_HOST", "imap.example-mailer.com")
IMAP_USER = os.environ.get("BOUNCE_IMAP_USER", "bounces@example-mailer.com")
IMAP_PASSWORD = os.environ.get("BOUNCE_IMAP_PASSWORD", "")
ARCHIVE_DIR = os.environ.get("BOUNCE_ARCHIVE_DIR", "/var/spool/bounces")
RECIPIENT_RE = re.compile(r"^Final-Recipient:\s*rfc822;\s*(\S+@\S+)\s*$", re.I | re.M)
STATUS_RE = re.compile(r"^Status:\s*([245]\.\d{1,3}\.\d{1,3})", re.I | re.M)


def dsn_fields(msg):
    text = ""
    for part in msg.walk():
        if part.get_content_type() in ("message/delivery-status", "text/plain"):
            payload = part.get_payload(decode=True)
            if payload:
                text += payload.decode("utf-8", "replace")
    rcpt = RECIPIENT_RE.search(text)
    status = STATUS_RE.search(text)
    return (rcpt.group(1) if rcpt else None), (status.group(1) if status else None)


def archive_parts(msg, uid):
    saved = []
    for part in msg.iter_attachments():
        name = part.get_filename() or f"{uid}.bin"
        dest = os.path.join(ARCHIVE_DIR, name)
        with open(dest, "wb") as fh:  # VULN flow
            fh.write(part.get_payload(decode=True) or b"")
        saved.append(dest)
    return saved


def process(conn, db):
    typ, data = conn.search(None, "UNSEEN")
    for uid in data[0].split():
        _, msg_data = conn.fetch(uid, "(RFC822)")
        msg = email.message_from_bytes(msg_data[0][1], policy=default_policy)
        subject = str(msg.get("Subject", ""))
        rcpt, status = dsn_fields(msg)
        log.info("bounce uid=%s status=%s subject=%s", uid.decode(), status, subject)  # VULN flow
        if rcpt and status and status.startswith("5"):
            with db:
                db.execute("INSERT OR IGNORE INTO hard_bounces (email, status) VALUES (?, ?)",
                           (rcpt.lower(), status))
        archive_parts(msg, uid.decode())
        conn.store(uid, "+FLAGS", "\\Seen")


def main():
    logging.basicConfig(level=logging.INFO)
    os.makedirs(ARCHIVE_DIR, exist_ok=True)
    db = sqlite3.connect(os.environ.get("MAILER_DB", "mailer.db"))
    conn = imaplib.IMAP4_SSL(IMAP_HOST, timeout=30)
    try:
        conn.login(IMAP_USER, IMAP_PASSWORD)
        conn.select("INBOX")
        process(conn, db)
    finally:
        conn.logout()
        db.close()


if __name__ == "__main__":
    main()
