#!/usr/bin/env python3
"""Monthly invoice run: render each member's invoice to HTML, convert it
with wkhtmltopdf and drop the PDFs where the accounting share picks them up."""
import argparse
import html
import logging
import os
import re
import subprocess
import tempfile
from string import Template

import psycopg2

log = logging.getLogger("invoice-run")

WKHTMLTOPDF = "/usr/local/bin/wkhtmltopdf"
OUT_ROOT = "/srv/accounting/invoices"

INVOICE_TMPL = Template("""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file:///srv/accounting/assets/invoice.css"></head>
<body><h1>Invoice $number</h1><p>$name &middot; period $period</p>
<table>$rows</table><p class="total">Total: EUR $total</p></body></html>""")


def fetch_lines(conn, period: str):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT m.id, m.display_name, l.description, l.amount_cents "
            "FROM invoice_lines l JOIN members m ON m.id = l.member_id "
            "WHERE l.period = %s ORDER BY m.id, l.id",
            (period,),
        )
        by_member = {}
        for member_id, name, desc, cents in cur.fetchall():
            by_member.setdefault((member_id, name), []).append((desc, cents))
        return by_member


def render_invoice(number: str, name: str, period: str, lines) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(desc)}</td><td>{cents / 100:.2f}</td></tr>" for desc, cents in lines
    )
    total = sum(c for _, c in lines) / 100
    return INVOICE_TMPL.substitute(number=number, name=html.escape(name), period=period,
                                   rows=rows, total=f"{total:.2f}")


def to_pdf(html_doc: str, pdf_path: str) -> None:
    fd, html_path = tempfile.mkstemp(suffix=".html", prefix="invoice-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(html_doc)
    try:
        subprocess.run([WKHTMLTOPDF, "--quiet", html_path, pdf_path], check=True)
    finally:
        os.unlink(html_path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("period", help="billing period, YYYY-MM")
    parser.add_argument("--dsn", default=os.environ.get("BILLING_DSN", "dbname=billing"))
    args = parser.parse_args()
    if not re.fullmatch(r"\d{4}-\d{2}", args.period):
        parser.error("period must look like 2024-05")

    logging.basicConfig(level=logging.INFO)
    out_dir = os.path.join(OUT_ROOT, args.period)
    os.makedirs(out_dir, exist_ok=True)
    os.chmod(out_dir, 0o750)

    with psycopg2.connect(args.dsn) as conn:
        invoices = fetch_lines(conn, args.period)
    for seq, ((member_id, name), lines) in enumerate(sorted(invoices.items()), start=1):
        number = f"{args.period.replace('-', '')}-{seq:04d}"
        pdf_path = os.path.join(out_dir, f"{number}_{member_id}.pdf")
        to_pdf(render_invoice(number, name, args.period, lines), pdf_path)
        log.info("wrote %s", pdf_path)


if __name__ == "__main__":
    main()
