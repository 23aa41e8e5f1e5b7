"""Daily vaccination / check-up reminder sender for the multi-clinic SaaS.

Each clinic customises its reminder wording in the settings page, e.g.
``Hi {owner_first_name}, {pet_name} is due for {treatment} on {due_date}.``
"""
import logging
import os
import re
import smtplib
import sqlite3
from datetime import date, timedelta
from email.message import EmailMessage

log = logging.getLogger("reminders")

DB_PATH = os.environ.get("SAAS_DB", "/var/lib/vetsaas/main.db")
SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
DEFAULT_TEMPLATE = "Hi {owner_first_name}, {pet_name} is due for {treatment} on {due_date}."
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render_template(template: str, context: dict) -> str:
    return PLACEHOLDER.sub(lambda m: str(context.get(m.group(1), m.group(0))), template)


def due_reminders(conn: sqlite3.Connection, horizon: date) -> list:
    conn.row_factory = sqlite3.Row
    return conn.execute(
        """
        SELECT r.id, r.treatment, r.due_date, p.name AS pet_name,
               o.first_name AS owner_first_name, o.email,
               c.name AS clinic_name, c.reminder_template, c.reply_to
        FROM reminders r
        JOIN patients p ON p.id = r.patient_id
        JOIN owners o ON o.id = p.owner_id
        JOIN clinics c ON c.id = p.clinic_id
        WHERE r.sent_at IS NULL AND r.due_date <= ?
        """,
        (horizon.isoformat(),),
    ).fetchall()


def build_message(row: sqlite3.Row) -> EmailMessage:
    context = {
        "owner_first_name": row["owner_first_name"],
        "pet_name": row["pet_name"],
        "treatment": row["treatment"],
        "due_date": row["due_date"],
        "clinic_name": row["clinic_name"],
    }
    template = row["reminder_template"] or DEFAULT_TEMPLATE
    msg = EmailMessage()
    msg["Subject"] = f"Reminder from {row['clinic_name']}"
    msg["From"] = "reminders@vetsaas.example"
    msg["Reply-To"] = row["reply_to"]
    msg["To"] = row["email"]
    msg.set_content(render_template(template, context))
    return msg


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    horizon = date.today() + timedelta(days=7)
    with sqlite3.connect(DB_PATH) as conn, smtplib.SMTP(SMTP_HOST, 587, timeout=30) as smtp:
        smtp.starttls()
        if SMTP_USER:
            smtp.login(SMTP_USER, SMTP_PASSWORD)
        sent = 0
        for row in due_reminders(conn, horizon):
            try:
                smtp.send_message(build_message(row))
            except Exception as exc:
                log.warning("reminder %d not sent: %r", row["id"], exc)
                continue
            conn.execute("UPDATE reminders SET sent_at = CURRENT_TIMESTAMP WHERE id = ?", (row["id"],))
            sent += 1
        log.info("sent %d reminders", sent)


if __name__ == "__main__":
    main()
