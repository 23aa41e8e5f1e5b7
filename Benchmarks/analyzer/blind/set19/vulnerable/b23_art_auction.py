"""Art auction back office: list lot photographs stored on the media server (Tornado)."""
import json
import logging
import os

import paramiko
import tornado.ioloop
import tornado.web

log = logging.getLogger("auction.media")

MEDIA_HOST = os.environ.get("AUCTION_MEDIA_HOST", "media.auction.internal")
MEDIA_USER = os.environ.get("AUCTION_MEDIA_USER", "lots")
MEDIA_KEY = os.environ.get("AUCTION_MEDIA_KEY", "/etc/auction/media_ed25519")
MEDIA_ROOT = "/srv/media/auctions"


def _ssh_client():
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(MEDIA_HOST, username=MEDIA_USER, key_filename=MEDIA_KEY, timeout=10)
    return client


def list_lot_images(auction_id, lot_ref):
    remote_dir = f"{MEDIA_ROOT}/{auction_id}/{lot_ref}"
    client = _ssh_client()
    try:
        _, stdout, stderr = client.exec_command(f"ls -1 {remote_dir}", timeout=20)  # VULN flow
        names = [line.strip() for line in stdout.read().decode("utf-8", "replace").splitlines()]
        err = stderr.read().decode("utf-8", "replace").strip()
    finally:
        client.close()
    if err:
        log.warning("media listing for auction %s returned errors", auction_id)
    return [n for n in names if n.lower().endswith((".jpg", ".jpeg", ".tif"))]


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("backoffice_user")

    def write_error(self, status_code, **kwargs):
        self.finish({"error": self._reason})


class LotImagesHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self, auction_id):
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, reason="invalid json")
        lot_ref = str(body.get("lot_ref", "")).strip()
        if not lot_ref:
            raise tornado.web.HTTPError(400, reason="lot_ref required")
        loop = tornado.ioloop.IOLoop.current()
        images = await loop.run_in_executor(None, list_lot_images, int(auction_id), lot_ref)
        self.write({"auction": int(auction_id), "lot": lot_ref, "images": images})


def make_app():
    return tornado.web.Application(
        [(r"/auctions/(\d+)/lot-images", LotImagesHandler)],
        cookie_secret=os.environ["AUCTION_COOKIE_SECRET"],
        login_url="/login",
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
