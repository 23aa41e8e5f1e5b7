"""Tax receipt downloads for signed-in donors (Falcon)."""
import logging
import os

import falcon

logger = logging.getLogger("receipts.api")

RECEIPT_ROOT = os.environ.get("RECEIPT_ROOT", "/srv/receipts")


class TokenStore:
    """Session tokens issued by the portal login service."""

    def __init__(self, lookup):
        self._lookup = lookup

    def donor_for(self, token: str):
        return self._lookup(token)


class AuthMiddleware:
    def __init__(self, tokens: TokenStore):
        self.tokens = tokens

    def process_request(self, req, resp):
        header = req.get_header("Authorization") or ""
        scheme, _, token = header.partition(" ")
        donor_id = self.tokens.donor_for(token) if scheme.lower() == "bearer" else None
        if donor_id is None:
            raise falcon.HTTPUnauthorized(title="sign in required")
        req.context.donor_id = str(donor_id)


class ReceiptResource:
    def __init__(self, root: str):
        self.root = root

    def receipt_path(self, donor_id: str, name: str) -> str:
        return os.path.join(self.root, donor_id, name)

    def on_get(self, req, resp):
        donor_id = req.context.donor_id
        fname = req.get_param("file", required=True)
        year = req.get_param("year", default="")
        logger.info("receipt download donor=" + donor_id + " file=" + fname + " year=" + year)  # VULN flow

        path = self.receipt_path(donor_id, fname)
        if not os.path.isfile(path):
            raise falcon.HTTPNotFound()
        resp.content_type = "application/pdf"
        resp.downloadable_as = os.path.basename(path)
        with open(path, "rb") as fh:  # VULN flow
            resp.data = fh.read()


class ReceiptListResource:
    def __init__(self, root: str):
        self.root = root

    def on_get(self, req, resp):
        directory = os.path.join(self.root, req.context.donor_id)
        files = sorted(os.listdir(directory)) if os.path.isdir(directory) else []
        resp.media = {"receipts": [f for f in files if f.endswith(".pdf")]}


def create_app(token_lookup) -> falcon.App:
    app = falcon.App(middleware=[AuthMiddleware(TokenStore(token_lookup))])
    app.add_route("/receipts", ReceiptListResource(RECEIPT_ROOT))
    app.add_route("/receipts/download", ReceiptResource(RECEIPT_ROOT))
    return app
