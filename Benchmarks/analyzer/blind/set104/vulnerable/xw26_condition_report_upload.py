"""Condition-report photo uploads for conservators (Tornado).

Photos are stored per object under UPLOAD_ROOT/<object_number>/ and listed on
the object's condition history page.
"""
import logging
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("conservation.uploads")

UPLOAD_ROOT = os.environ.get("CONDITION_UPLOAD_ROOT", "/srv/conservation/condition-photos")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
MAX_BYTES = 40 * 1024 * 1024


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("conservator")


class ConditionPhotoHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, object_number):
        uploads = self.request.files.get("photo", [])
        if not uploads:
            raise tornado.web.HTTPError(400, "no photo uploaded")
        dest_dir = os.path.join(UPLOAD_ROOT, object_number)
        os.makedirs(dest_dir, exist_ok=True)
        saved, rejected = [], []
        for upload in uploads:
            name = upload["filename"]
            ext = os.path.splitext(name)[1].lower()
            if ext not in ALLOWED_EXT or len(upload["body"]) > MAX_BYTES:
                rejected.append(name)
                continue
            path = os.path.join(dest_dir, name)
            with open(path, "wb") as out:  # VULN flow
                out.write(upload["body"])
            saved.append(name)
        log.info("%d condition photos for %r from %r", len(saved), object_number, self.current_user)
        items = "".join(f"<li>{n} uploaded</li>" for n in saved)
        items += "".join(f"<li class='error'>{n} rejected</li>" for n in rejected)
        self.write(f"<h2>Condition photos: {object_number}</h2><ul>{items}</ul>")  # VULN flow

    @tornado.web.authenticated
    def get(self, object_number):
        dest_dir = os.path.join(UPLOAD_ROOT, object_number)
        names = sorted(os.listdir(dest_dir)) if os.path.isdir(dest_dir) else []
        self.write({"object": object_number, "photos": names})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/objects/([A-Za-z0-9_-]+)/condition-photos", ConditionPhotoHandler)],
        cookie_secret=os.environ["CONSERVATION_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app().listen(8891, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
