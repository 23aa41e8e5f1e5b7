"""Tenant report downloads for the logistics analytics portal (Bottle)."""
import functools
import hashlib
import logging
import mimetypes
import os
import sqlite3

from bottle import Bottle, HTTPError, HTTPResponse, request

logger = logging.getLogger("reports")
app = Bottle()

REPORT_ROOT = os.environ.get("REPORT_ROOT", "/srv/reports")
TOKEN_DB = os.environ.get("TOKEN_DB", "/var/lib/reports/tokens.db")


def lookup_tenant(token):
    digest = hashlib.sha256(token.encode()).hexdigest()
    with sqlite3.connect(TOKEN_DB) as conn:
        row = conn.execute(
            "SELECT tenant_slug FROM api_tokens WHERE token_sha256 = ? AND revoked = 0",
            (digest,),
        ).fetchone()
    return row[0] if row else None


def tenant_required(handler):
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        auth = request.get_header("Authorization", "")
        tenant = lookup_tenant(auth[7:]) if auth.startswith("Bearer ") else None
        if tenant is None:
            raise HTTPError(401, "authentication required")
        return handler(tenant, *args, **kwargs)

    return wrapper


class ReportStore:
    def __init__(self, root):
        self.root = root

    def path_for(self, tenant, filename):
        return os.path.join(self.root, tenant, filename)

    def read(self, tenant, filename):
        path = self.path_for(tenant, filename)
        if not os.path.isfile(path):
            raise HTTPError(404, "report not found")
        with open(path, "rb") as fh:  # VULN flow
            return fh.read()


store = ReportStore(REPORT_ROOT)


@app.get("/reports/download")
@tenant_required
def download(tenant):
    filename = request.query.get("file", "")
    if not filename:
        raise HTTPError(400, "file parameter required")
    data = store.read(tenant, filename)
    logger.info("tenant=%s downloaded report=%r", tenant, filename)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return HTTPResponse(
        body=data,
        status=200,
        headers={
            "Content-Type": content_type,
            "Content-Disposition": "attachment",
            "X-Content-Type-Options": "nosniff",
        },
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
