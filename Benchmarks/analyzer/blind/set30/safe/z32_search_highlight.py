"""Knowledge-base search page rendered server-side for the help widget."""
import html
import logging
import os
import re

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

log = logging.getLogger("kb.search")
engine = create_async_engine(os.environ["KB_DB_URL"])
app = FastAPI(title="kb-search")


async def category_articles(category):
    async with engine.connect() as conn:
        result = await conn.execute(
            text(
                "SELECT slug, title FROM kb_articles WHERE published AND category = :category "
                "ORDER BY views DESC LIMIT 200"
            ),
            {"category": category},
        )
        return result.mappings().all()


def highlight(value, term):
    pattern = re.escape(html.escape(term))
    return re.subn(f"({pattern})", r"<mark>\1</mark>", value, flags=re.IGNORECASE)


def render_item(slug, title_html):
    return f'<li><a href="/kb/{html.escape(slug, quote=True)}">{title_html}</a></li>'


@app.get("/kb/{category}/search", response_class=HTMLResponse)
async def search(category: str, q: str = Query("", max_length=200)):
    term = q.strip()
    if not term:
        return HTMLResponse("<p>Type a question to search the knowledge base.</p>")
    items = []
    for article in await category_articles(category):
        title_html, hits = highlight(html.escape(article["title"]), term)
        if hits:
            items.append(render_item(article["slug"], title_html))
    log.info("kb search %r in %r -> %d hits", term, category, len(items))
    if not items:
        return HTMLResponse(
            f"<p>No articles in {html.escape(category)} match <b>{html.escape(term)}</b>.</p>",
            status_code=404,
        )
    return HTMLResponse(f"<ul class='results'>{''.join(items)}</ul>")
