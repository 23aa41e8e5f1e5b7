"""RFI attachment upload / download service (Tornado).

Site engineers attach marked-up sketches and photos to Requests For
Information; the design team downloads them from the same endpoint.
"""
import logging
import mimetypes
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("rfi.attachments")
ATTACH_ROOT = os.environ.get("RFI_ATTACH_ROOT", "/srv/rfi/attachments")
MAX_BYTES = 25 * 1024 * 1024


def attachment_path(rfi_id: str, filename: str) -> str:
    return os.path.join(ATTACH_ROOT, rfi_id, filename)


class UploadHandler(tornado.web.RequestHandler):
    def post(self, rfi_id: str) -> None:
        uploads = self.request.files.get("attachment", [])
        if not uploads:
            raise tornado.web.HTTPError(400, "no attachment supplied")
        saved = []
        for item in uploads:
            if len(item["body"]) > MAX_BYTES:
                raise tornado.web.HTTPError(413)
            dest = attachment_path(rfi_id, item["filename"])
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as fh:  # VULN flow
                fh.write(item["body"])
            saved.append(item["filename"])
        log.info("rfi %s: stored %d attachments", rfi_id, len(saved))
        self.set_status(201)
        self.write({"rfi": rfi_id, "saved": saved})


class DownloadHandler(tornado.web.RequestHandler):
    def get(self, rfi_id: str, filename: str) -> None:
        path = attachment_path(rfi_id, filename)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
        self.set_header("Content-Type", ctype)
        self.set_header("Content-Disposition", "attachment")
        with open(path, "rb") as fh:  # VULN flow
            self.write(fh.read())


class ListHandler(tornado.web.RequestHandler):
    def get(self, rfi_id: str) -> None:
        folder = os.path.join(ATTACH_ROOT, rfi_id)
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        self.write({"rfi": rfi_id, "attachments": names})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([
        (r"/rfi/(\d+)/attachments", ListHandler),
        (r"/rfi/(\d+)/attachments/upload", UploadHandler),
        (r"/rfi/(\d+)/attachments/(.+)", DownloadHandler),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
