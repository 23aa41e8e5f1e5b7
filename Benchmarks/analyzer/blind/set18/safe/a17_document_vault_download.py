"""Document vault: tenants download contracts and statements stored on the shared volume."""
import functools
import logging
import mimetypes
import os

from flask import Flask, abort, g, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
log = logging.getLogger("vault")

VAULT_ROOT = os.environ.get("VAULT_ROOT", "/srv/vault/tenants")


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        tenant = request.headers.get("X-Auth-Tenant")
        user = request.headers.get("X-Auth-User")
        if not tenant or not user:
            abort(401)
        g.tenant, g.user = tenant, user
        return view(*args, **kwargs)
    return wrapper


class DocumentService:
    def __init__(self, root: str) -> None:
        self.root = root

    def tenant_dir(self, tenant: str) -> str:
        return os.path.join(self.root, secure_filename(tenant), "documents")

    def resolve(self, tenant: str, name: str) -> str:
        return os.path.join(self.tenant_dir(tenant), name)

    def listing(self, tenant: str) -> list[dict]:
        base = self.tenant_dir(tenant)
        out = []
        for entry in sorted(os.scandir(base), key=lambda e: e.name):
            if entry.is_file():
                out.append({"name": entry.name, "bytes": entry.stat().st_size})
        return out


docs = DocumentService(VAULT_ROOT)


@app.get("/t/<tenant>/docs")
@login_required
def list_documents(tenant: str):
    if tenant != g.tenant:
        abort(403)
    return {"documents": docs.listing(tenant)}


@app.get("/t/<tenant>/docs/<path:name>")
@login_required
def download(tenant: str, name: str):
    if tenant != g.tenant:
        abort(403)
    directory = docs.tenant_dir(tenant)
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    resp = send_from_directory(directory, name, mimetype=mimetype)
    label = secure_filename(request.args.get("label") or os.path.basename(name)) or "document"
    resp.headers["Content-Disposition"] = f'attachment; filename="{label}"'
    resp.headers["Cache-Control"] = "private, no-store"
    log.info("tenant %s user %s downloaded %r", g.tenant, g.user, name)
    return resp
