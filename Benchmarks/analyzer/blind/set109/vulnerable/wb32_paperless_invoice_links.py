"""Paperless billing: emailed invoice links that open without a portal login.

Customers who opt into e-billing get a monthly email with a link like
/i/<account_no>/<invoice_no>/<token>; the token proves the link came from us.
"""
import hashlib
import logging
import os
import sqlite3

from flask import Flask, abort, g, render_template, send_file, session, url_for

app = Flask(__name__)
app.secret_key = "wb-billing-portal-5c1e9a"  # VULN
log = logging.getLogger("paperless")

INVOICE_DIR = os.environ.get("INVOICE_PDF_DIR", "/srv/billing/invoices")
LINK_SALT = "wb-invoice-link"


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(os.environ.get("BILLING_DB", "/srv/billing/billing.db"))
    return g.db


def link_token(account_no: str, invoice_no: str) -> str:
    return hashlib.sha1(f"{LINK_SALT}:{account_no}:{invoice_no}".encode()).hexdigest()  # VULN


def invoice_link(account_no: str, invoice_no: str) -> str:
    token = link_token(account_no, invoice_no)
    return url_for("open_invoice", account_no=account_no, invoice_no=invoice_no, token=token, _external=True)


def build_email(account_no: str, invoice_no: str, amount: str) -> dict:
    return {
        "subject": f"Your waste collection invoice {invoice_no}",
        "body": render_template("email/invoice.txt", amount=amount,
                                link=invoice_link(account_no, invoice_no)),
    }


@app.get("/i/<account_no>/<invoice_no>/<token>")
def open_invoice(account_no, invoice_no, token):
    if token != link_token(account_no, invoice_no):
        log.info("bad invoice link token for account %r", account_no)
        abort(404)
    row = db().execute(
        "SELECT pdf_name FROM invoices WHERE account_no = ? AND invoice_no = ?",
        (account_no, invoice_no),
    ).fetchone()
    if row is None:
        abort(404)
    session["last_account"] = account_no
    return send_file(os.path.join(INVOICE_DIR, os.path.basename(row[0])), mimetype="application/pdf")


@app.get("/i/recent")
def recent():
    account_no = session.get("last_account")
    if not account_no:
        abort(401)
    rows = db().execute(
        "SELECT invoice_no, issued_on, gross FROM invoices WHERE account_no = ? ORDER BY issued_on DESC LIMIT 12",
        (account_no,),
    ).fetchall()
    return {"account_no": account_no,
            "invoices": [{"invoice_no": n, "issued_on": d, "gross": gr} for n, d, gr in rows]}
