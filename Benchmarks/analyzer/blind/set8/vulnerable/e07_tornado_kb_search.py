"""Knowledge-base search page for the support team (Tornado)."""
import logging
from dataclasses import dataclass

import tornado.ioloop
import tornado.web

log = logging.getLogger("kb")


@dataclass
class Article:
    slug: str
    title: str
    body: str


class ArticleIndex:
    def __init__(self, articles):
        self._articles = list(articles)

    def search(self, term: str, limit: int = 20):
        term = term.lower()
        hits = [a for a in self._articles if term in a.title.lower() or term in a.body.lower()]
        return hits[:limit]


def render_results(query: str, hits) -> str:
    items = "\n".join(
        f'<li><a href="/kb/{a.slug}">{a.title}</a></li>' for a in hits
    )
    return (
        "<html><head><title>KB search</title></head><body>"
        f"<h2>{len(hits)} results for &ldquo;{query}&rdquo;</h2>"
        f"<ul>{items}</ul></body></html>"
    )


class SearchHandler(tornado.web.RequestHandler):
    def initialize(self, index: ArticleIndex):
        self.index = index

    def get(self):
        query = self.get_argument("q", "").strip()
        hits = self.index.search(query) if query else []
        page = render_results(query, hits)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(page)  # VULN flow


def make_app(index: ArticleIndex) -> tornado.web.Application:
    return tornado.web.Application([
        (r"/kb/search", SearchHandler, {"index": index}),
    ])


if __name__ == "__main__":
    seed = [
        Article("reset-2fa", "Resetting two-factor auth", "Ask the user to ..."),
        Article("vpn", "VPN troubleshooting", "Check the client version ..."),
    ]
    make_app(ArticleIndex(seed)).listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
