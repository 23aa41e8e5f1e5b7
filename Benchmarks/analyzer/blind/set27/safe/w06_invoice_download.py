"""Customer portal: list and download generated invoice PDFs."""
import os

from bottle import Bottle, HTTPError, request, response

app = Bottle()
INVOICE_ROOT = os.environ.get("INVOICE_ROOT", "/srv/billing/invoices")
COOKIE_SECRET = os.environ["PORTAL_COOKIE_SECRET"]


class InvoiceStore:
    def __init__(self, root):
        self.root = root

    def account_dir(self, account):
        return os.path.join(self.root, account)

    def list(self, account):
        folder = self.account_dir(account)
        if not os.path.isdir(folder):
            return []
        return sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))

    def path_for(self, account, filename):
        base = os.path.realpath(self.account_dir(account))
        path = os.path.realpath(os.path.join(base, filename))
        if not path.startswith(base + os.sep):
            raise PermissionError("invoice outside account folder")
        return path

    def read(self, account, filename):
        path = self.path_for(account, filename)
        with open(path, "rb") as fh:
            return fh.read()


store = InvoiceStore(INVOICE_ROOT)


def current_account():
    # signed cookie issued by the login service
    account = request.get_cookie("account", secret=COOKIE_SECRET)
    if not account:
        raise HTTPError(401, "login required")
    return str(account)


@app.get("/invoices")
def list_invoices():
    return {"invoices": store.list(current_account())}


@app.get("/invoices/download")
def download_invoice():
    account = current_account()
    filename = request.query.get("file", "")
    if not filename:
        raise HTTPError(400, "file parameter required")
    try:
        data = store.read(account, filename)
    except (FileNotFoundError, PermissionError):
        raise HTTPError(404, "no such invoice")
    response.content_type = "application/pdf"
    response.set_header("Content-Disposition", "attachment; filename=invoice.pdf")
    return data


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
