"""Statement download endpoints for the retail back-office portal.

Statements are rendered nightly by the batch layer and dropped under
STATEMENT_ROOT/<account_id>/statement_YYYY_MM.pdf.
"""
import logging
import os
import re
from datetime import date
from typing import Optional

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("backoffice.statements")

STATEMENT_ROOT = os.environ.get("STATEMENT_ROOT", "/srv/bank/statements")
ACCOUNT_RE = re.compile(r"^[0-9]{8,12}$")


class StatementLocator:
    """Maps account ids and file names onto the statement store."""

    def __init__(self, root: str) -> None:
        self.root = root

    def folder_for(self, account_id: str) -> str:
        return os.path.join(self.root, account_id)

    def resolve(self, account_id: str, filename: str) -> str:
        return os.path.join(self.folder_for(account_id), filename)


locator = StatementLocator(STATEMENT_ROOT)


def default_statement_name(today: Optional[date] = None) -> str:
    today = today or date.today()
    return f"statement_{today.year:04d}_{today.month:02d}.pdf"


def _check_account(account_id: str) -> None:
    if not ACCOUNT_RE.match(account_id):
        abort(400, "invalid account id")


@app.get("/accounts/<account_id>/statements")
def list_statements(account_id):
    _check_account(account_id)
    folder = locator.folder_for(account_id)
    if not os.path.isdir(folder):
        return jsonify([])
    names = sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))
    return jsonify(names)


@app.get("/accounts/<account_id>/statements/download")
def download_statement(account_id):
    _check_account(account_id)
    requested = request.args.get("file") or default_statement_name()
    path = locator.resolve(account_id, requested)
    if not os.path.isfile(path):
        log.warning("statement not found account=%r file=%r", account_id, requested)
        abort(404)
    log.info("statement download account=%r file=%r", account_id, requested)
    return send_file(path, as_attachment=True, download_name=os.path.basename(path))  # VULN flow


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=5001)
