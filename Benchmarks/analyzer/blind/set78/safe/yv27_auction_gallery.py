"""Online auction gallery for the spring benefit (Bottle)."""
import html
import logging
import sqlite3
from urllib.parse import urlsplit

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
log = logging.getLogger("auction.gallery")
DB_PATH = "/var/lib/auction/items.db"


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def search_items(term: str) -> list:
    with db() as conn:
        return conn.execute(
            "SELECT id, name, current_bid FROM items WHERE name LIKE ? AND closed = 0 "
            "ORDER BY current_bid DESC LIMIT 60",
            (f"%{term}%",),
        ).fetchall()


def item_row(item) -> str:
    return (f"<li><a href='/items/{int(item['id'])}'>{html.escape(item['name'])}</a> "
            f"&mdash; current bid ${item['current_bid']:,.0f}</li>")


def local_path(target, default="/gallery") -> str:
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else default


@app.get("/gallery")
def gallery():
    q = request.query.getunicode("q", default="")
    items = search_items(q)
    rows = "".join(item_row(i) for i in items)
    heading = f"<p>{len(items)} items matching <em>{html.escape(q)}</em></p>" if q else ""
    response.content_type = "text/html; charset=utf-8"
    return f"<html><body><h1>Spring Benefit Auction</h1>{heading}<ul>{rows}</ul></body></html>"


@app.post("/items/<item_id:int>/watch")
def watch(item_id):
    bidder = request.get_cookie("bidder_id", secret=app.config.get("cookie_secret"))
    if not bidder:
        abort(401, "Register a paddle first")
    with db() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO watchlist (bidder_id, item_id) VALUES (?, ?)",
            (bidder, item_id),
        )
    log.info("bidder %r watching item %d", bidder, item_id)
    return_to = request.forms.get("return_to") or "/gallery"
    redirect(local_path(return_to))


@app.get("/logout")
def logout():
    response.delete_cookie("bidder_id")
    redirect(local_path(request.query.get("next")))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
