"""Renders treatment invoices to PDF (via wkhtmltopdf) for e-mailing to owners.

Runs on the shared reporting host alongside other tenants' batch jobs.
"""
import logging
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from typing import List

log = logging.getLogger("invoices")

WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")


@dataclass
class LineItem:
    description: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass
class Invoice:
    number: str
    owner_name: str
    pet_name: str
    items: List[LineItem] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((i.total for i in self.items), Decimal("0"))


def invoice_html(invoice: Invoice) -> str:
    rows = "".join(
        f"<tr><td>{escape(i.description)}</td><td>{i.quantity}</td>"
        f"<td>{i.unit_price:.2f}</td><td>{i.total:.2f}</td></tr>"
        for i in invoice.items
    )
    return (
        f"<html><body><h1>Invoice {escape(invoice.number)}</h1>"
        f"<p>{escape(invoice.owner_name)} &mdash; {escape(invoice.pet_name)}</p>"
        f"<table>{rows}</table><p><b>Total: {invoice.total:.2f}</b></p></body></html>"
    )


def render_invoice_pdf(invoice: Invoice) -> bytes:
    html_path = tempfile.mktemp(suffix=".html", prefix=f"invoice-{invoice.number}-")  # VULN
    pdf_path = html_path[:-5] + ".pdf"
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(invoice_html(invoice))
    try:
        subprocess.run([WKHTMLTOPDF, "--quiet", html_path, pdf_path], check=True, timeout=120)
        with open(pdf_path, "rb") as fh:
            return fh.read()
    finally:
        for path in (html_path, pdf_path):
            if os.path.exists(path):
                os.remove(path)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    demo = Invoice("INV-1042", "J. Alvarez", "Biscuit", [
        LineItem("Consultation", 1, Decimal("48.00")),
        LineItem("Rabies vaccine", 1, Decimal("32.50")),
    ])
    pdf = render_invoice_pdf(demo)
    log.info("rendered %d bytes", len(pdf))
