import re
from urllib.parse import urlparse

import requests
import tornado.ioloop
import tornado.web

TITLE_RE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
OEMBED_ENDPOINT = "https://oembed.partner-cdn.example.com/v1/embed"
PREVIEW_HOSTS = {"www.youtube.com", "vimeo.com", "github.com", "docs.python.org"}


def fetch_oembed(url):
    r = requests.get(OEMBED_ENDPOINT, params={"url": url}, timeout=5)
    return r.json() if r.ok else {}


class PreviewHandler(tornado.web.RequestHandler):
    def get(self):
        url = self.get_argument("url")
        parts = urlparse(url)
        if parts.scheme != "https" or parts.hostname not in PREVIEW_HOSTS or parts.port not in (None, 443):
            raise tornado.web.HTTPError(400, "previews are only generated for supported sites")
        resp = requests.get(url, timeout=5, allow_redirects=False)
        match = TITLE_RE.search(resp.text)
        self.write({
            "status": resp.status_code,
            "title": match.group(1).strip() if match else None,
            "length": len(resp.content),
        })


class EmbedHandler(tornado.web.RequestHandler):
    def get(self):
        self.write(fetch_oembed(self.get_argument("url")))


def make_app():
    return tornado.web.Application([(r"/preview", PreviewHandler), (r"/embed", EmbedHandler)])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
