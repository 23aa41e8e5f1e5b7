"""Celery tasks that render customer invoices to PDF with wkhtmltopdf."""
import logging
import os
import subprocess
from pathlib import Path

from celery import Celery
from jinja2 import Environment, FileSystemLoader, select_autoescape

app = Celery("billing", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
log = logging.getLogger(__name__)

TEMPLATE_DIR = Path(__file__).parent / "templates"
OUTPUT_DIR = Path(os.environ.get("INVOICE_OUTPUT", "/srv/billing/invoices"))
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")

env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=select_autoescape(["html"]),
)


def render_html(invoice):
    template = env.get_template("invoice.html")
    return template.render(invoice=invoice, currency=invoice.get("currency", "EUR"))


def pdf_command(html_path, pdf_path, title):
    return (
        f'{WKHTMLTOPDF} --quiet --page-size A4 --margin-top 12mm '
        f'--title "{title}" {html_path} {pdf_path}'
    )


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def render_invoice(self, invoice):
    number = int(invoice["number"])
    customer = invoice["customer"]["name"]
    html_path = OUTPUT_DIR / f"invoice-{number}.html"
    pdf_path = OUTPUT_DIR / f"invoice-{number}.pdf"
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    html_path.write_text(render_html(invoice), encoding="utf-8")

    cmd = pdf_command(html_path, pdf_path, f"Invoice {number} - {customer}")
    try:
        subprocess.run(cmd, shell=True, check=True, timeout=120)  # VULN flow
    except subprocess.CalledProcessError as exc:
        log.error("wkhtmltopdf failed for invoice %d (rc=%d)", number, exc.returncode)
        raise self.retry(exc=exc)
    finally:
        html_path.unlink(missing_ok=True)

    log.info("rendered invoice %d (%d bytes)", number, pdf_path.stat().st_size)
    return str(pdf_path)


@app.task
def render_batch(invoices):
    results = []
    for invoice in invoices:
        results.append(render_invoice.delay(invoice).id)
    return results
