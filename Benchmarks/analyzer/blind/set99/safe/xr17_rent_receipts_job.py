"""Nightly job: render rent receipts to PDF and hand them to the document store."""
import html
import logging
import os
import shutil
import subprocess
import tempfile
from datetime import date, timedelta

from portal.db import session_scope
from portal.documents import DocumentStore
from portal.models import Payment

log = logging.getLogger("jobs.receipts")

RECEIPT_HTML = """<html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; }} td {{ padding: 4px 12px; }}
</style></head><body>
<h1>Rent receipt</h1>
<table>
<tr><td>Tenant</td><td>{tenant}</td></tr>
<tr><td>Unit</td><td>{unit}</td></tr>
<tr><td>Amount</td><td>${amount}</td></tr>
<tr><td>Paid on</td><td>{paid_on}</td></tr>
<tr><td>Reference</td><td>{reference}</td></tr>
</table></body></html>"""


def render_receipt(payment: Payment) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".html", prefix="receipt_", delete=False,
                                     encoding="utf-8") as fh:
        html_path = fh.name
        fh.write(RECEIPT_HTML.format(
            tenant=html.escape(payment.tenant.full_name),
            unit=html.escape(payment.unit.label),
            amount=f"{payment.amount_cents / 100:,.2f}",
            paid_on=payment.paid_on.isoformat(),
            reference=html.escape(payment.reference),
        ))
    pdf_path = html_path[:-5] + ".pdf"
    try:
        subprocess.run(["wkhtmltopdf", "--quiet", "--disable-local-file-access", html_path, pdf_path],
                       check=True, timeout=120)
    finally:
        os.unlink(html_path)
    # the uploader sidecar shares our group and only needs to read these
    os.chmod(pdf_path, 0o640)
    return pdf_path


def run(day: date) -> int:
    store = DocumentStore.from_env()
    count = 0
    with session_scope() as db:
        for payment in db.query(Payment).filter(Payment.paid_on == day, Payment.receipt_id.is_(None)):
            try:
                pdf = render_receipt(payment)
            except subprocess.SubprocessError:
                log.exception("could not render receipt for payment %s", payment.id)
                continue
            try:
                payment.receipt_id = store.upload(pdf, folder=f"tenants/{payment.tenant_id}/receipts")
            finally:
                os.unlink(pdf)
            count += 1
    return count


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    if shutil.which("wkhtmltopdf") is None:
        raise SystemExit("wkhtmltopdf is not installed")
    n = run(date.today() - timedelta(days=1))
    log.info("rendered %d receipts", n)
