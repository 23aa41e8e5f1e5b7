"""Terminology glossary search for the translation agency's linguists (aiohttp)."""
import logging
import os
import re
from dataclasses import dataclass
from html import escape
from typing import List

from aiohttp import web

log = logging.getLogger("glossary.web")

GLOSSARY_FILE = os.environ.get("GLOSSARY_TSV", "/srv/glossary/terms.tsv")
MAX_HITS = 200
MAX_QUERY_LEN = 100


@dataclass
class Term:
    source: str
    target: str
    domain: str


def load_glossary(path: str) -> List[Term]:
    terms = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                terms.append(Term(*parts))
    return terms


def render_hits(query: str, hits: List[Term]) -> str:
    rows = "".join(
        "<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (escape(t.source), escape(t.target), escape(t.domain))
        for t in hits
    )
    title = "<h1>%d entries for <code>%s</code></h1>" % (len(hits), escape(query))
    return "<html><body>%s<table>%s</table></body></html>" % (title, rows)


async def search(request: web.Request) -> web.Response:
    query = request.query.get("q", "")
    domain = request.query.get("domain")
    if not query or len(query) > MAX_QUERY_LEN:
        raise web.HTTPBadRequest(text="q is required (max 100 characters)")
    try:
        matcher = re.compile(re.escape(query), re.IGNORECASE)
    except re.error:
        raise web.HTTPBadRequest(text="invalid pattern")
    hits = [
        t for t in request.app["glossary"]
        if (domain is None or t.domain == domain) and matcher.search(t.source)
    ][:MAX_HITS]
    log.info("glossary search q=%r domain=%r hits=%d", query, domain, len(hits))
    page = render_hits(query, hits)
    return web.Response(text=page, content_type="text/html")


async def on_startup(app: web.Application) -> None:
    app["glossary"] = load_glossary(GLOSSARY_FILE)
    log.info("loaded %d glossary terms", len(app["glossary"]))


def create_app() -> web.Application:
    app = web.Application()
    app.on_startup.append(on_startup)
    app.router.add_get("/glossary/search", search)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8095")))
