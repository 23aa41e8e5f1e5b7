"""Management command: e-mail tax receipts for gifts made through the parish website.

Run nightly from cron:  ./manage.py send_receipts --limit 200
"""
import logging
import os
import secrets
import smtplib
import string
from email.message import EmailMessage

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

log = logging.getLogger("donations.receipts")

SMTP_HOST = "mail.stmarks-parish.org"
SMTP_USER = "receipts@stmarks-parish.org"
SMTP_PASSWORD = os.environ.get("RECEIPTS_SMTP_PASSWORD")
CODE_ALPHABET = string.ascii_uppercase + string.digits


def make_receipt_code():
    return "SM-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


def gifts_for_reference(donor_reference):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, donor_email, donor_name, amount, gift_date FROM donations_gift "
            "WHERE donor_reference = %s AND receipt_code IS NULL", [donor_reference]
        )
        return cur.fetchall()


class Command(BaseCommand):
    help = "Send receipts for pending receipt requests"

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        with connection.cursor() as cur:
            cur.execute("SELECT id, donor_reference FROM donations_receiptrequest "
                        "WHERE processed = false ORDER BY created_at LIMIT %s", [options["limit"]])
            requests = cur.fetchall()

        if not options["dry_run"] and not SMTP_PASSWORD:
            raise CommandError("RECEIPTS_SMTP_PASSWORD is not set")
        smtp = None if options["dry_run"] else smtplib.SMTP(SMTP_HOST, 587)
        if smtp:
            smtp.starttls()
            smtp.login(SMTP_USER, SMTP_PASSWORD)
        sent = 0
        try:
            for request_id, donor_reference in requests:
                for gift_id, email, name, amount, gift_date in gifts_for_reference(donor_reference):
                    code = make_receipt_code()
                    msg = EmailMessage()
                    msg["From"] = SMTP_USER
                    msg["To"] = email
                    msg["Subject"] = f"Your gift receipt {code}"
                    msg.set_content(f"Dear {name},\n\nThank you for your gift of "
                                    f"${amount:.2f} on {gift_date:%d %B %Y}.\n"
                                    f"Receipt number: {code}\n")
                    with transaction.atomic():
                        with connection.cursor() as cur:
                            cur.execute("UPDATE donations_gift SET receipt_code = %s WHERE id = %s",
                                        [code, gift_id])
                        if smtp:
                            smtp.send_message(msg)
                    sent += 1
                with connection.cursor() as cur:
                    cur.execute("UPDATE donations_receiptrequest SET processed = true WHERE id = %s",
                                [request_id])
        finally:
            if smtp:
                smtp.quit()
        self.stdout.write(self.style.SUCCESS(f"sent {sent} receipts"))
