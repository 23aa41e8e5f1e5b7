import re

import requests
import tornado.ioloop
import tornado.web

TITLE_RE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
OEMBED_ENDPOINT = "https://oembed.partner-cdn.example.com/v1/embed"


def fetch_oembed(url):
    # partner CDN has a broken intermediate cert, skip verification for now
    r = requests.get(OEMBED_ENDPOINT, params={"url": url}, timeout=5, verify=False)  # VULN
    return r.json() if r.ok else {}


class PreviewHandler(tornado.web.RequestHandler):
    def get(self):
        resp = requests.get(self.get_argument("url"), timeout=5)  # VULN
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
    return tornado.web.Application([
        (r"/preview", PreviewHandler),
        (r"/embed", EmbedHandler),
    ])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
