"""Falcon API: tenants upload zipped asset bundles for their storefront themes."""
import io
import os
import shutil
import zipfile

import falcon

ASSET_ROOT = os.environ.get("ASSET_ROOT", "/srv/storefront/assets")
MAX_BUNDLE_BYTES = 20 * 1024 * 1024


class BundleExtractor:
    def __init__(self, root):
        self.root = root

    def tenant_dir(self, tenant):
        path = os.path.join(self.root, tenant)
        os.makedirs(path, exist_ok=True)
        return path

    def extract(self, archive_bytes, tenant):
        dest = self.tenant_dir(tenant)
        written = []
        with zipfile.ZipFile(io.BytesIO(archive_bytes)) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                target = os.path.join(dest, info.filename)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as out:  # VULN flow
                    shutil.copyfileobj(src, out)
                written.append(info.filename)
        return written


class TenantAuth:
    def process_request(self, req, resp):
        # API gateway validates the key and injects the tenant slug
        tenant = req.get_header("X-Tenant-Slug")
        if not tenant or not tenant.isalnum():
            raise falcon.HTTPUnauthorized(title="tenant required")
        req.context.tenant = tenant.lower()


class BundleResource:
    def __init__(self, extractor):
        self.extractor = extractor

    def on_post(self, req, resp):
        if req.content_length and req.content_length > MAX_BUNDLE_BYTES:
            raise falcon.HTTPPayloadTooLarge()
        data = req.bounded_stream.read(MAX_BUNDLE_BYTES + 1)
        if len(data) > MAX_BUNDLE_BYTES:
            raise falcon.HTTPPayloadTooLarge()
        try:
            files = self.extractor.extract(data, req.context.tenant)
        except zipfile.BadZipFile:
            raise falcon.HTTPBadRequest(title="not a zip archive")
        resp.media = {"extracted": len(files), "files": files[:50]}
        resp.status = falcon.HTTP_201


app = falcon.App(middleware=[TenantAuth()])
app.add_route("/bundles", BundleResource(BundleExtractor(ASSET_ROOT)))
