#!/usr/bin/env python3
"""Nightly job: render the day's repair invoices to PDF and drop them in the
accounting share for the bookkeeper to pick up.
"""
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from html import escape
from string import Template

DB_PATH = os.environ.get("SHOP_DB", "/var/lib/shopdesk/shop.db")
EXPORT_DIR = os.environ.get("INVOICE_EXPORT", "/mnt/accounting/invoices")
WKHTMLTOPDF = "/usr/bin/wkhtmltopdf"

INVOICE_HTML = Template("""<html><body>
<h1>Invoice $number</h1><p>$customer &mdash; $vehicle</p>
<table>$lines</table><p><b>Total: $$$total</b></p>
</body></html>""")

log = logging.getLogger("invoice_export")


def fetch_invoices(conn, day: date):
    return conn.execute(
        "SELECT id, number, customer, vehicle, total FROM invoices WHERE date(closed_at) = ?",
        (day.isoformat(),),
    ).fetchall()


def fetch_lines(conn, invoice_id: int):
    return conn.execute(
        "SELECT description, qty, amount FROM invoice_lines WHERE invoice_id = ?", (invoice_id,)
    ).fetchall()


def render_pdf(invoice, lines, workdir: str) -> str:
    rows = "".join(f"<tr><td>{escape(d)}</td><td>{q}</td><td>{a:.2f}</td></tr>" for d, q, a in lines)
    html = INVOICE_HTML.substitute(
        number=escape(str(invoice[1])), customer=escape(invoice[2]), vehicle=escape(invoice[3]),
        lines=rows, total=f"{invoice[4]:.2f}",
    )
    fd, html_path = tempfile.mkstemp(suffix=".html", prefix="inv_", dir=workdir)
    with os.fdopen(fd, "w") as fh:
        fh.write(html)
    pdf_path = html_path[:-5] + ".pdf"
    subprocess.run([WKHTMLTOPDF, "--quiet", html_path, pdf_path], check=True)
    os.unlink(html_path)
    return pdf_path


def export_day(day: date) -> int:
    os.makedirs(EXPORT_DIR, exist_ok=True)
    exported = 0
    with sqlite3.connect(DB_PATH) as conn, tempfile.TemporaryDirectory(prefix="invexp_") as workdir:
        for inv in fetch_invoices(conn, day):
            pdf = render_pdf(inv, fetch_lines(conn, inv[0]), workdir)
            target = os.path.join(EXPORT_DIR, f"{day:%Y%m%d}_{inv[1]}.pdf")
            shutil.move(pdf, target)
            os.chmod(target, 0o640)
            exported += 1
    return exported


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    day = date.today() - timedelta(days=1)
    if len(sys.argv) > 1:
        day = date.fromisoformat(sys.argv[1])
    try:
        count = export_day(day)
    except subprocess.CalledProcessError as exc:
        log.error("PDF rendering failed: %s", exc)
        return 2
    log.info("exported %d invoices for %s", count, day)
    return 0


if __name__ == "__main__":
    sys.exit(main())
