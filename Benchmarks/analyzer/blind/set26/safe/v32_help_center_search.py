"""aiohttp help-centre search page."""
import html
import os
from urllib.parse import quote

import asyncpg
from aiohttp import web

RESULTS_LIMIT = 20


class ArticleSearch:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    async def search(self, term: str):
        return await self.pool.fetch(
            "SELECT slug, title, summary FROM articles "
            "WHERE search_vector @@ plainto_tsquery('english', $1) "
            "ORDER BY ts_rank(search_vector, plainto_tsquery('english', $1)) DESC LIMIT $2",
            term,
            RESULTS_LIMIT,
        )


def render_results(term: str, rows) -> str:
    esc = html.escape
    items = []
    for row in rows:
        items.append(
            f'<li><a href="/articles/{esc(quote(row["slug"]))}">{esc(row["title"])}</a><p>{esc(row["summary"])}</p></li>'
        )
    heading = f"<h2>{len(rows)} results for &ldquo;{esc(term)}&rdquo;</h2>"
    listing = "<ul class='results'>" + "".join(items) + "</ul>" if items else "<p>No articles found.</p>"
    return f"<!doctype html><html><head><title>Help centre</title></head><body>{heading}{listing}</body></html>"


async def search_page(request: web.Request) -> web.Response:
    term = request.query.get("q", "").strip()
    if not term:
        raise web.HTTPFound("/help")
    rows = await request.app["search"].search(term)
    page = render_results(term, rows)
    return web.Response(text=page, content_type="text/html")


async def on_startup(app: web.Application) -> None:
    app["pool"] = await asyncpg.create_pool(os.environ["HELP_DB_DSN"], min_size=1, max_size=5)
    app["search"] = ArticleSearch(app["pool"])


async def on_cleanup(app: web.Application) -> None:
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/help/search", search_page)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
