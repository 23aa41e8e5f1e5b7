"""Sends follow-up condolence and anniversary emails.

Each funeral home on the platform edits its own email templates (subject and body)
in the settings screen; this job renders them per family and sends via SMTP.
"""
import logging
import os
import smtplib
import sqlite3
import ssl
from datetime import date
from email.message import EmailMessage

import jinja2

log = logging.getLogger("condolence_mailer")

DB_PATH = os.environ.get("MAILER_DB", "/var/lib/aftercare/aftercare.db")
env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


class TemplateRepo:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def get(self, home_id: int, kind: str) -> dict:
        row = self.conn.execute(
            "SELECT subject, body FROM email_templates WHERE home_id = ? AND kind = ?",
            (home_id, kind),
        ).fetchone()
        if row is None:
            raise LookupError(f"no {kind} template for home {home_id}")
        return {"subject": row[0], "body": row[1]}


def render_message(template: dict, context: dict):
    subject = env.from_string(template["subject"]).render(**context)  # VULN flow
    body = env.from_string(template["body"]).render(**context)  # VULN flow
    return subject.strip(), body


def due_followups(conn: sqlite3.Connection, today: date):
    return conn.execute(
        "SELECT f.id, f.home_id, f.kind, c.family_contact, c.contact_email, c.decedent_name, "
        "c.date_of_death, h.name FROM followups f JOIN cases c ON c.id = f.case_id "
        "JOIN funeral_homes h ON h.id = f.home_id WHERE f.send_on = ? AND f.sent = 0",
        (today.isoformat(),),
    ).fetchall()


def send_all(today: date) -> int:
    conn = sqlite3.connect(DB_PATH)
    repo = TemplateRepo(conn)
    sent = 0
    ctx_tls = ssl.create_default_context()
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587, timeout=30) as smtp:
        smtp.starttls(context=ctx_tls)
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        for fid, home_id, kind, contact, email, decedent, dod, home_name in due_followups(conn, today):
            try:
                subject, body = render_message(repo.get(home_id, kind), {
                    "contact": contact, "decedent": decedent,
                    "date_of_death": dod, "home": home_name,
                })
            except (LookupError, jinja2.TemplateError):
                log.exception("could not render followup %d", fid)
                continue
            msg = EmailMessage()
            msg["From"] = f"{home_name} <aftercare@notify.heritagefuneral.example>"
            msg["To"] = email
            msg["Subject"] = subject
            msg.set_content(body)
            smtp.send_message(msg)
            with conn:
                conn.execute("UPDATE followups SET sent = 1 WHERE id = ?", (fid,))
            sent += 1
    conn.close()
    return sent


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    log.info("sent %d follow-up emails", send_all(date.today()))
