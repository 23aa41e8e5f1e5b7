"""Online auction gallery for the spring benefit (Bottle)."""
import logging
import sqlite3

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
    return (f"<li><a href='/items/{int(item['id'])}'>{item['name']}</a> "
            f"&mdash; current bid ${item['current_bid']:,.0f}</li>")


@app.get("/gallery")
def gallery():
    q = request.query.getunicode("q", default="")
    items = search_items(q)
    rows = "".join(item_row(i) for i in items)
    heading = f"<p>{len(items)} items matching <em>{q}</em></p>" if q else ""
    response.content_type = "text/html; charset=utf-8"
    return f"<html><body><h1>Spring Benefit Auction</h1>{heading}<ul>{rows}</ul></body></html>"  # VULN flow


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
    redirect(return_to)  # VULN flow


@app.get("/logout")
def logout():
    response.delete_cookie("bidder_id")
    redirect(request.query.get("next") or "/gallery")  # VULN


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
