"""Lease document vault: tenants download signed leases and upload supporting docs (Falcon)."""
import logging
import mimetypes
import os
import uuid

import falcon

log = logging.getLogger("vault")

VAULT_ROOT = os.environ.get("LEASE_VAULT_ROOT", "/srv/vault/leases")
MAX_UPLOAD = 15 * 1024 * 1024


class TenantAuth:
    def process_resource(self, req, resp, resource, params):
        tenant = req.context.get("tenant")
        if tenant is None:
            raise falcon.HTTPUnauthorized()
        if "tenant_id" in params and int(params["tenant_id"]) != tenant.id and not tenant.is_staff:
            raise falcon.HTTPForbidden()


class LeaseDocumentResource:
    def __init__(self, root: str):
        self.root = root

    def _tenant_dir(self, tenant_id: int) -> str:
        return os.path.join(self.root, f"t{tenant_id:07d}")

    def _path_for(self, tenant_id: int, doc_name: str) -> str:
        return os.path.join(self._tenant_dir(tenant_id), doc_name)

    def on_get(self, req, resp, tenant_id: int):
        doc = req.get_param("doc", required=True)
        path = self._path_for(tenant_id, doc)
        if not os.path.isfile(path):
            raise falcon.HTTPNotFound()
        resp.content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        resp.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
        resp.stream = open(path, "rb")  # VULN flow
        resp.content_length = os.path.getsize(path)

    def on_post(self, req, resp, tenant_id: int):
        form = req.get_media()
        saved = []
        for part in form:
            if part.name != "document":
                continue
            filename = part.filename or "document.pdf"
            dest = self._path_for(tenant_id, f"uploads/{uuid.uuid4().hex[:8]}_{filename}")
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            data = part.stream.read(MAX_UPLOAD + 1)
            if len(data) > MAX_UPLOAD:
                raise falcon.HTTPPayloadTooLarge()
            with open(dest, "wb") as out:  # VULN flow
                out.write(data)
            saved.append(os.path.relpath(dest, self._tenant_dir(tenant_id)))
        log.info("tenant %s uploaded %d document(s)", tenant_id, len(saved))
        resp.status = falcon.HTTP_201
        resp.media = {"saved": saved}


def create_app() -> falcon.App:
    from vault.sessions import SessionMiddleware

    app = falcon.App(middleware=[SessionMiddleware(), TenantAuth()])
    app.add_route("/tenants/{tenant_id:int}/documents", LeaseDocumentResource(VAULT_ROOT))
    return app


app = create_app()
