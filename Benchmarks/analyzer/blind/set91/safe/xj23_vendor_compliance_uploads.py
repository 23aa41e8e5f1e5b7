"""Tornado service receiving supplier compliance documents (insurance
certificates, ISO certificates, W-9/W-8 forms) from the vendor portal."""
import json
import logging
import os
import re
from datetime import datetime, timezone

import tornado.ioloop
import tornado.web

log = logging.getLogger("compliance.uploads")

DOC_ROOT = os.environ.get("COMPLIANCE_DOC_ROOT", "/srv/compliance/docs")
ALLOWED_TYPES = {"insurance", "iso9001", "iso14001", "w9", "w8ben", "bank_letter"}
MAX_BYTES = 15 * 1024 * 1024


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        raw = self.get_secure_cookie("vendor_session")
        return json.loads(raw) if raw else None


class UploadHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, doc_type):
        if doc_type not in ALLOWED_TYPES:
            raise tornado.web.HTTPError(400, "unknown document type")
        files = self.request.files.get("document") or []
        if not files:
            raise tornado.web.HTTPError(400, "no document attached")
        upload = files[0]
        if len(upload["body"]) > MAX_BYTES:
            raise tornado.web.HTTPError(413)

        vendor_dir = os.path.join(DOC_ROOT, str(self.current_user["vendor_id"]), doc_type)
        os.makedirs(vendor_dir, exist_ok=True)
        target = self._target_path(vendor_dir, upload["filename"])
        with open(target, "wb") as fh:
            fh.write(upload["body"])

        log.info("vendor %s uploaded %s document (%d bytes)",
                 self.current_user["vendor_id"], doc_type, len(upload["body"]))
        self.write({"stored": os.path.basename(target),
                    "received_at": datetime.now(timezone.utc).isoformat()})

    @staticmethod
    def _target_path(vendor_dir, filename):
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        folder = os.path.realpath(os.path.join(vendor_dir, stamp))
        os.makedirs(folder, exist_ok=True)
        name = os.path.basename(filename.replace("\\", "/")).strip()
        name = re.sub(r"[^A-Za-z0-9._-]", "_", name).lstrip(".") or "document"
        target = os.path.realpath(os.path.join(folder, name))
        if os.path.dirname(target) != folder:
            raise tornado.web.HTTPError(400, "invalid file name")
        return target


class ListHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, doc_type):
        vendor_dir = os.path.join(DOC_ROOT, str(self.current_user["vendor_id"]), doc_type)
        try:
            names = sorted(os.listdir(vendor_dir), reverse=True)
        except FileNotFoundError:
            names = []
        self.write({"documents": names})


def make_app():
    return tornado.web.Application(
        [
            (r"/compliance/([a-z0-9_]+)/upload", UploadHandler),
            (r"/compliance/([a-z0-9_]+)", ListHandler),
        ],
        cookie_secret=os.environ["COMPLIANCE_COOKIE_SECRET"],
        login_url="/login",
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
