"""Dramatiq actor that renders customer invoices to PDF and uploads them."""
import logging
import os
import tempfile
from decimal import Decimal

import boto3
import dramatiq
import psycopg2
from dramatiq.brokers.redis import RedisBroker
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

logger = logging.getLogger("billing.invoices")

dramatiq.set_broker(RedisBroker(url=os.environ["REDIS_URL"]))
s3 = boto3.client("s3")
INVOICE_BUCKET = os.environ.get("INVOICE_BUCKET", "billing-invoices")


def fetch_invoice(invoice_id):
    with psycopg2.connect(os.environ["BILLING_DSN"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT i.number, c.legal_name, i.issued_on, i.currency FROM invoices i "
            "JOIN customers c ON c.id = i.customer_id WHERE i.id = %s",
            (invoice_id,),
        )
        header = cur.fetchone()
        cur.execute(
            "SELECT description, quantity, unit_price FROM invoice_lines WHERE invoice_id = %s ORDER BY id",
            (invoice_id,),
        )
        lines = cur.fetchall()
    if header is None:
        raise LookupError(f"invoice {invoice_id} not found")
    return {"number": header[0], "customer": header[1], "issued_on": header[2],
            "currency": header[3], "lines": lines}


def draw_invoice(path, invoice):
    pdf = canvas.Canvas(path, pagesize=A4)
    width, height = A4
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(40, height - 60, f"Invoice {invoice['number']}")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, height - 80, f"{invoice['customer']} - issued {invoice['issued_on']:%Y-%m-%d}")
    y = height - 120
    total = Decimal("0")
    for description, quantity, unit_price in invoice["lines"]:
        amount = Decimal(quantity) * Decimal(unit_price)
        total += amount
        pdf.drawString(40, y, description[:70])
        pdf.drawRightString(width - 40, y, f"{amount:.2f} {invoice['currency']}")
        y -= 16
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawRightString(width - 40, y - 10, f"Total {total:.2f} {invoice['currency']}")
    pdf.save()


@dramatiq.actor(max_retries=3, time_limit=120_000)
def render_invoice(invoice_id):
    invoice = fetch_invoice(int(invoice_id))
    pdf_path = tempfile.mktemp(prefix="invoice-", suffix=".pdf")  # VULN
    try:
        draw_invoice(pdf_path, invoice)
        key = f"invoices/{invoice['issued_on']:%Y/%m}/{invoice['number']}.pdf"
        s3.upload_file(pdf_path, INVOICE_BUCKET, key, ExtraArgs={"ContentType": "application/pdf",
                                                              "ServerSideEncryption": "aws:kms"})
    finally:
        if os.path.exists(pdf_path):
            os.remove(pdf_path)
    logger.info("invoice %s rendered to s3://%s/%s", invoice["number"], INVOICE_BUCKET, key)
