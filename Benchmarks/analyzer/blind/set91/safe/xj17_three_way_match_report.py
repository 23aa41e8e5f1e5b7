#!/usr/bin/env python3
"""Nightly three-way match (PO / goods receipt / invoice) exception report.

Produces a CSV of invoices that fail tolerance checks, including the payee
bank details on file, and drops it into the AP shared folder."""
import csv
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal

from ap.repository import ApRepository

log = logging.getLogger("ap.threeway")

REPORT_DIR = os.environ.get("AP_REPORT_DIR", "/srv/shared/ap/exceptions")
PRICE_TOLERANCE = Decimal(os.environ.get("AP_PRICE_TOLERANCE", "0.02"))
QTY_TOLERANCE = Decimal("0")


@dataclass
class MatchResult:
    invoice_number: str
    po_number: str
    vendor_name: str
    iban: str
    reason: str
    invoiced: Decimal
    expected: Decimal


def check_invoice(inv, po_line, receipt_qty):
    if inv.quantity - receipt_qty > QTY_TOLERANCE:
        return "billed qty %s exceeds received %s" % (inv.quantity, receipt_qty)
    if po_line.unit_price and abs(inv.unit_price - po_line.unit_price) / po_line.unit_price > PRICE_TOLERANCE:
        return "unit price %s outside tolerance of PO price %s" % (inv.unit_price, po_line.unit_price)
    return None


def find_exceptions(repo):
    for inv in repo.unmatched_invoice_lines():
        po_line = repo.po_line(inv.po_number, inv.po_line_no)
        received = repo.received_quantity(inv.po_number, inv.po_line_no)
        reason = check_invoice(inv, po_line, received)
        if reason:
            vendor = repo.vendor(inv.vendor_id)
            yield MatchResult(inv.invoice_number, inv.po_number, vendor.name,
                              vendor.iban, reason, inv.line_total, po_line.unit_price * inv.quantity)


def write_report(results):
    fd, tmp_path = tempfile.mkstemp(suffix=".csv", prefix="threeway_")
    count = 0
    with os.fdopen(fd, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["invoice", "po", "vendor", "iban", "reason", "invoiced", "expected"])
        for r in results:
            w.writerow([r.invoice_number, r.po_number, r.vendor_name, r.iban,
                        r.reason, r.invoiced, r.expected])
            count += 1
    return tmp_path, count


def publish(tmp_path, run_date):
    os.makedirs(REPORT_DIR, exist_ok=True)
    dest = os.path.join(REPORT_DIR, "threeway_exceptions_%s.csv" % run_date)
    shutil.move(tmp_path, dest)
    os.chmod(dest, 0o640)
    return dest


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    repo = ApRepository.from_env()
    tmp_path, count = write_report(find_exceptions(repo))
    dest = publish(tmp_path, repo.business_date().isoformat())
    log.info("wrote %d exceptions to %s", count, dest)


if __name__ == "__main__":
    main()
