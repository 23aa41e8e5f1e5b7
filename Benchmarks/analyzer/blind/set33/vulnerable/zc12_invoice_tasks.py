"""Celery tasks for generating and emailing monthly invoices."""
import logging
import os
import smtplib
from decimal import Decimal
from email.message import EmailMessage

import psycopg2
from celery import Celery
from psycopg2.extras import RealDictCursor

celery_app = Celery("billing", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/2"))
logger = logging.getLogger(__name__)

DB_DSN = "postgresql://billing:Xk29vQp7LmTa@db.internal:5432/billing"  # VULN


def _connect():
    return psycopg2.connect(DB_DSN, cursor_factory=RealDictCursor)


def fetch_line_items(cur, account_id, period, currency):
    query = (
        "SELECT sku, description, quantity, unit_price FROM line_items "
        f"WHERE account_id = {account_id} AND period = '{period}' AND currency = '{currency}' "
        "ORDER BY sku"
    )
    cur.execute(query)  # VULN flow
    return cur.fetchall()


@celery_app.task(bind=True, max_retries=3, default_retry_delay=60)
def generate_invoice(self, account_id, period, currency="USD"):
    try:
        with _connect() as conn, conn.cursor() as cur:
            items = fetch_line_items(cur, account_id, period, currency)
            total = sum((Decimal(i["quantity"]) * Decimal(i["unit_price"]) for i in items), Decimal("0"))
            cur.execute(
                "INSERT INTO invoices (account_id, period, currency, total) "
                "VALUES (%s, %s, %s, %s) RETURNING id",
                (account_id, period, currency, total),
            )
            invoice_id = cur.fetchone()["id"]
    except psycopg2.OperationalError as exc:
        raise self.retry(exc=exc)
    logger.info("Invoice %s generated with %d lines", invoice_id, len(items))
    send_invoice_email.delay(invoice_id)
    return invoice_id


@celery_app.task(autoretry_for=(smtplib.SMTPException,), retry_backoff=True, max_retries=5)
def send_invoice_email(invoice_id):
    with _connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT i.id, i.period, i.currency, i.total, a.billing_email FROM invoices i "
            "JOIN accounts a ON a.id = i.account_id WHERE i.id = %s",
            (invoice_id,),
        )
        invoice = cur.fetchone()
    msg = EmailMessage()
    msg["Subject"] = f"Your invoice for {invoice['period']}"
    msg["From"] = "billing@example-saas.com"
    msg["To"] = invoice["billing_email"]
    msg.set_content(f"Total due: {invoice['total']} {invoice['currency']}\nInvoice #{invoice['id']}")
    with smtplib.SMTP(os.environ["SMTP_HOST"], 587, timeout=30) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
