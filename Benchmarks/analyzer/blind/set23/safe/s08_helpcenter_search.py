"""Help-center search with highlighted snippets (Flask)."""
import logging
import re
from dataclasses import dataclass

from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)
log = logging.getLogger("helpcenter.search")


@dataclass
class Article:
    slug: str
    title: str
    body: str


class ArticleStore:
    def __init__(self, articles):
        self._articles = list(articles)

    def all(self):
        return iter(self._articles)


class Highlighter:
    def __init__(self, term: str, case_sensitive: bool = False):
        flags = 0 if case_sensitive else re.IGNORECASE
        self.pattern = re.compile(re.escape(term), flags)

    def snippet(self, text: str, radius: int = 60):
        match = self.pattern.search(text)
        if match is None:
            return None
        start = max(match.start() - radius, 0)
        end = min(match.end() + radius, len(text))
        before, hit, after = text[start:match.start()], match.group(0), text[match.end():end]
        return escape(before) + Markup("<mark>") + escape(hit) + Markup("</mark>") + escape(after)


STORE = ArticleStore(
    [
        Article("reset-password", "Resetting your password", "Open Settings, choose Security and ..."),
        Article("export-data", "Exporting account data", "Exports are generated as CSV files ..."),
        Article("billing-cycle", "Changing your billing cycle", "Billing can be monthly or yearly ..."),
    ]
)


def render_results(term: str, hits) -> str:
    items = "".join(
        f'<li><a href="/help/{a.slug}">{escape(a.title)}</a><p>{snip}</p></li>' for a, snip in hits
    )
    return f"<h1>Results for {escape(term)}</h1><ul>{items}</ul>"


@app.get("/help/search")
def search():
    term = request.args.get("q", "")
    case_sensitive = request.args.get("case") == "1"
    log.info("help search %r", term)
    highlighter = Highlighter(term, case_sensitive)
    hits = []
    for article in STORE.all():
        snip = highlighter.snippet(article.body)
        if snip:
            hits.append((article, snip))
    return render_results(term, hits)
