"""Customer portal: invoice PDF downloads."""
import logging
import os

from flask import Flask, abort, g, request, send_file, session

from portal.auth import login_required
from portal.billing import InvoiceRepository

app = Flask(__name__)
app.config.from_envvar("PORTAL_SETTINGS")
log = logging.getLogger("portal.invoices")

INVOICE_ROOT = "/srv/portal/invoices"


class InvoiceStore:
    """Invoices are rendered nightly into <root>/<account_id>/<number>.pdf"""

    def __init__(self, root: str):
        self.root = root

    def account_dir(self, account_id: int) -> str:
        return os.path.join(self.root, str(account_id))

    def pdf_path(self, account_id: int, filename: str) -> str:
        if not filename.lower().endswith(".pdf"):
            filename = filename + ".pdf"
        base = os.path.realpath(self.account_dir(account_id))
        candidate = os.path.realpath(os.path.join(base, filename))
        if os.path.commonpath([base, candidate]) != base:
            raise ValueError("invoice path outside account folder")
        return candidate

    def list_pdfs(self, account_id: int) -> list:
        folder = self.account_dir(account_id)
        if not os.path.isdir(folder):
            return []
        return sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))


store = InvoiceStore(INVOICE_ROOT)


@app.get("/portal/invoices")
@login_required
def list_invoices():
    account_id = session["account_id"]
    repo = InvoiceRepository(g.db)
    meta = {inv.number: inv for inv in repo.for_account(account_id)}
    return {
        "invoices": [
            {
                "file": name,
                "amount": str(meta[name[:-4]].total) if name[:-4] in meta else None,
            }
            for name in store.list_pdfs(account_id)
        ]
    }


@app.get("/portal/invoices/download")
@login_required
def download_invoice():
    account_id = session["account_id"]
    requested = request.args.get("file", "")
    if not requested:
        abort(400)
    try:
        path = store.pdf_path(account_id, requested)
    except ValueError:
        abort(404)
    if not os.path.exists(path):
        log.info("invoice missing for account %s: %r", account_id, requested)
        abort(404)
    return send_file(path, mimetype="application/pdf", as_attachment=True)


@app.get("/portal/invoices/<number>/preview")
@login_required
def preview_invoice(number: str):
    account_id = session["account_id"]
    repo = InvoiceRepository(g.db)
    invoice = repo.get(account_id, number)
    if invoice is None:
        abort(404)
    return send_file(store.pdf_path(account_id, invoice.number), mimetype="application/pdf")
