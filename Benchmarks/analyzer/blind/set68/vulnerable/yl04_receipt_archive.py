"""E-receipt archive: customers download the PDF receipts emailed to them."""
import logging
import os

from bottle import Bottle, abort, request, response

ARCHIVE_ROOT = os.environ.get("RECEIPT_ARCHIVE", "/srv/receipts")

log = logging.getLogger("receipts.archive")
app = Bottle()


class ReceiptStore:
    """Receipts are laid out as <root>/<store_code>/<yyyy>/<receipt>.pdf"""

    def __init__(self, root: str) -> None:
        self.root = root

    def locate(self, store_code: str, relname: str) -> str:
        return os.path.join(self.root, store_code, relname)

    def read(self, store_code: str, relname: str) -> bytes:
        path = self.locate(store_code, relname)
        with open(path, "rb") as fh:  # VULN flow
            return fh.read()

    def listing(self, store_code: str, year: str) -> list:
        folder = os.path.join(self.root, store_code, year)
        if not (store_code.isalnum() and year.isdigit()) or not os.path.isdir(folder):
            return []
        return sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))


store = ReceiptStore(ARCHIVE_ROOT)


@app.get("/receipts/<store_code>")
def download(store_code):
    relname = request.query.get("file", "")
    if not relname:
        abort(400, "file parameter required")
    try:
        data = store.read(store_code, relname)
    except (FileNotFoundError, IsADirectoryError):
        abort(404, "receipt not found")
    log.info("served receipt for store %r", store_code)
    response.content_type = "application/pdf"
    response.set_header("Content-Disposition", 'attachment; filename="receipt.pdf"')
    return data


@app.get("/receipts/<store_code>/<year>")
def index(store_code, year):
    return {"store": store_code, "year": year, "receipts": store.listing(store_code, year)}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8085)
