"""Vendor invoice desk for the maintenance accounts-payable team (Bottle)."""
import logging
import os
import sqlite3

from bottle import Bottle, HTTPError, redirect, request, template

log = logging.getLogger("ap.invoices")
app = Bottle()

LIST_TEMPLATE = """
<table class="invoices">
% for inv in invoices:
  <tr><td>{{inv[0]}}</td><td>{{inv[1]}}</td><td>{{"%.2f" % inv[2]}}</td><td>{{inv[3]}}</td><td>{{inv[4]}}</td></tr>
% end
</table>
"""


class InvoiceRepo:
    COLUMNS = "id, vendor, amount, status, submitted_on"

    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    def search(self, vendor=None, status=None, order="submitted_on"):
        sql = "SELECT {} FROM vendor_invoice WHERE 1=1".format(self.COLUMNS)
        if vendor:
            sql += " AND vendor LIKE '%{}%'".format(vendor)
        if status:
            sql += " AND status = '{}'".format(status)
        sql += " ORDER BY {} DESC LIMIT 200".format(order)
        return self.conn.execute(sql).fetchall()  # VULN flow

    def mark_paid(self, invoice_id: int, reference: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE vendor_invoice SET status = 'paid', payment_ref = '%s' WHERE id = %d" % (reference, invoice_id))  # VULN flow


repo = InvoiceRepo(os.environ.get("AP_DB", "/var/lib/ap/invoices.db"))


def require_ap_staff():
    user = request.environ.get("REMOTE_USER")
    if not user:
        raise HTTPError(401)
    return user


@app.get("/invoices")
def list_invoices():
    require_ap_staff()
    rows = repo.search(
        vendor=request.query.get("vendor"),
        status=request.query.get("status"),
        order=request.query.get("order") or "submitted_on",
    )
    return template(LIST_TEMPLATE, invoices=rows)


@app.post("/invoices/<invoice_id:int>/paid")
def mark_paid(invoice_id):
    user = require_ap_staff()
    reference = request.forms.get("reference", "").strip()
    if not reference:
        raise HTTPError(400, "payment reference required")
    repo.mark_paid(invoice_id, reference)
    log.info("invoice %d marked paid by %s", invoice_id, user)
    redirect("/invoices")
