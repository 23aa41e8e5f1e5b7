"""Knowledge-base search page for the support team (Tornado)."""
import logging
from dataclasses import dataclass

import tornado.escape
import tornado.ioloop
import tornado.template
import tornado.web

log = logging.getLogger("kb")

TEMPLATES = tornado.template.DictLoader(
    {
        "search.html": """<html><head><title>KB search</title></head><body>
<h2>{{ len(hits) }} results for &ldquo;{{ query }}&rdquo;</h2>
<ul>
{% for a in hits %}<li><a href="/kb/{{ url_escape(a.slug) }}">{{ a.title }}</a></li>
{% end %}</ul></body></html>""",
    },
    autoescape="xhtml_escape",
)


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


class SearchHandler(tornado.web.RequestHandler):
    def initialize(self, index: ArticleIndex):
        self.index = index

    def get(self):
        query = self.get_argument("q", "").strip()
        hits = self.index.search(query) if query else []
        page = TEMPLATES.load("search.html").generate(
            query=query, hits=hits, url_escape=tornado.escape.url_escape
        )
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(page)


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
