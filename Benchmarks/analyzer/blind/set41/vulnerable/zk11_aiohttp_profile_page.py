"""Public member profile pages for the community site (aiohttp)."""
import logging

import asyncpg
from aiohttp import web

log = logging.getLogger("profiles")
routes = web.RouteTableDef()

LAYOUT = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/site.css"></head>
<body><main>{body}</main></body></html>"""


def render_page(title: str, body: str) -> web.Response:
    html = LAYOUT.format(title=title, body=body)
    return web.Response(text=html, content_type="text/html")  # VULN flow


def profile_card(member) -> str:
    links = "".join(f'<li><a href="{url}">{url}</a></li>' for url in member["links"] or [])
    return (
        f"<section class='card'><h1>{member['display_name']}</h1>"
        f"<p class='bio'>{member['bio'] or ''}</p>"
        f"<ul class='links'>{links}</ul></section>"
    )


@routes.get("/u/{handle}")
async def profile(request: web.Request) -> web.Response:
    handle = request.match_info["handle"]
    pool = request.app["db"]
    member = await pool.fetchrow(
        "SELECT display_name, bio, links FROM members WHERE handle = $1", handle
    )
    if member is None:
        raise web.HTTPNotFound()
    return render_page(member["display_name"], profile_card(member))


@routes.get("/search")
async def search(request: web.Request) -> web.Response:
    term = request.query.get("q", "").strip()
    pool = request.app["db"]
    rows = await pool.fetch(
        "SELECT handle, display_name FROM members WHERE display_name ILIKE $1 LIMIT 25",
        f"%{term}%",
    )
    if not rows:
        body = f"<p>No members matching <b>{term}</b>.</p>"
    else:
        items = "".join(f"<li><a href='/u/{r['handle']}'>{r['display_name']}</a></li>" for r in rows)
        body = f"<h2>Results for {term}</h2><ul>{items}</ul>"
    return render_page("Search", body)


async def init_db(app: web.Application):
    app["db"] = await asyncpg.create_pool(dsn=app["dsn"], min_size=1, max_size=10)
    yield
    await app["db"].close()


def make_app(dsn: str) -> web.Application:
    app = web.Application()
    app["dsn"] = dsn
    app.add_routes(routes)
    app.cleanup_ctx.append(init_db)
    return app
