"""Link preview service used by the chat web client."""
import re

import tornado.ioloop
import tornado.web
from tornado.httpclient import AsyncHTTPClient, HTTPClientError

TITLE_RE = re.compile(r"<title[^>]*>([^<]{0,300})</title>", re.IGNORECASE)
DESC_RE = re.compile(r'<meta\s+name="description"\s+content="([^"]{0,500})"', re.IGNORECASE)


def extract(html):
    title = TITLE_RE.search(html)
    desc = DESC_RE.search(html)
    return (title.group(1).strip() if title else ""), (desc.group(1).strip() if desc else "")


class PreviewHandler(tornado.web.RequestHandler):
    async def get(self):
        url = self.get_argument("url")
        if not url.startswith(("http://", "https://")):
            raise tornado.web.HTTPError(400)
        client = AsyncHTTPClient()
        try:
            resp = await client.fetch(url, request_timeout=5, max_body_size=512 * 1024)  # VULN flow
        except (HTTPClientError, OSError):
            raise tornado.web.HTTPError(502)
        title, desc = extract(resp.body.decode("utf-8", "replace"))
        card = '<div class="preview"><a href="%s"><b>%s</b></a><p>%s</p></div>' % (
            tornado.escape.xhtml_escape(url),
            title,
            desc,
        )
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(card)  # VULN flow


def make_app():
    return tornado.web.Application([(r"/preview", PreviewHandler)])


if __name__ == "__main__":
    make_app().listen(8899, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
