"""Embeddable product review widget served to partner storefronts."""
import html
import os

import aiosqlite
from aiohttp import web

WIDGET_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Customer reviews</title>
<link rel="stylesheet" href="/static/widget.css"></head>
<body>
<h2 class="widget-title">Reviews for {title}</h2>
<p class="summary">{count} reviews, average {average:.1f} / 5</p>
<ul class="reviews">{items}</ul>
</body></html>"""


def render_item(review) -> str:
    stars = "&#9733;" * int(review["rating"])
    body = html.escape(review["body"])
    author = html.escape(review["author"])
    return f"<li><span class='stars'>{stars}</span> {body} <em>{author}</em></li>"


async def load_reviews(db_path: str, sku: str):
    async with aiosqlite.connect(db_path) as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(
            "SELECT rating, body, author FROM reviews WHERE sku = ? AND approved = 1 "
            "ORDER BY created_at DESC LIMIT 20",
            (sku,),
        ) as cursor:
            return await cursor.fetchall()


async def widget(request: web.Request) -> web.Response:
    sku = request.match_info["sku"]
    title = request.query.get("title", sku)
    rows = await load_reviews(request.app["db_path"], sku)
    average = sum(r["rating"] for r in rows) / len(rows) if rows else 0.0
    page = WIDGET_TEMPLATE.format(
        title=title,
        count=len(rows),
        average=average,
        items="".join(render_item(r) for r in rows),
    )
    return web.Response(text=page, content_type="text/html")  # VULN flow


async def summary(request: web.Request) -> web.Response:
    rows = await load_reviews(request.app["db_path"], request.match_info["sku"])
    ratings = [r["rating"] for r in rows]
    return web.json_response({"count": len(ratings), "average": sum(ratings) / len(ratings) if ratings else None})


def create_app() -> web.Application:
    app = web.Application()
    app["db_path"] = os.environ.get("REVIEWS_DB", "reviews.sqlite3")
    app.add_routes([
        web.get(r"/widget/{sku:[A-Z0-9-]{3,32}}", widget),
        web.get(r"/api/reviews/{sku:[A-Z0-9-]{3,32}}/summary", summary),
    ])
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
