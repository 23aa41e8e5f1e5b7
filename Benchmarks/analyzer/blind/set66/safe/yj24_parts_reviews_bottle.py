"""Customer reviews for parts sold through the trade counter web shop (Bottle)."""
import html
import logging
import sqlite3

from bottle import Bottle, abort, redirect, request, template

log = logging.getLogger("shop.reviews")
DB_PATH = "/srv/shop/reviews.db"
app = Bottle()

REVIEW_TPL = """<!doctype html>
<html><body>
<h1>Reviews for {{part['number']}} &ndash; {{part['description']}}</h1>
% for r in reviews:
<div class="review">
  <b>{{r['author']}}</b> ({{r['rating']}}/5)
  <p>{{!r['body_html']}}</p>
</div>
% end
<form method="post"><input name="author"><select name="rating">
% for n in range(5, 0, -1):
<option>{{n}}</option>
% end
</select><textarea name="body"></textarea><button>Post review</button></form>
</body></html>"""


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def format_body(text: str) -> str:
    # keep the paragraphs customers type in
    return html.escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br>")


@app.get("/parts/<part_no>/reviews")
def show_reviews(part_no):
    db = get_db()
    sql = "SELECT number, description FROM parts WHERE number = ?"
    part = db.execute(sql, (part_no,)).fetchone()
    if part is None:
        abort(404, "Unknown part")
    rows = db.execute(
        "SELECT author, rating, body FROM reviews WHERE part_number = ? ORDER BY created DESC",
        (part["number"],),
    ).fetchall()
    reviews = [{"author": r["author"], "rating": r["rating"], "body_html": format_body(r["body"])}
               for r in rows]
    return template(REVIEW_TPL, part=part, reviews=reviews)


@app.post("/parts/<part_no>/reviews")
def add_review(part_no):
    author = (request.forms.getunicode("author") or "Anonymous")[:60]
    body = (request.forms.getunicode("body") or "")[:4000]
    try:
        rating = min(5, max(1, int(request.forms.get("rating", 5))))
    except ValueError:
        rating = 5
    if not body.strip():
        abort(400, "Empty review")
    db = get_db()
    db.execute(
        "INSERT INTO reviews (part_number, author, rating, body, created) VALUES (?, ?, ?, ?, datetime('now'))",
        (part_no, author, rating, body),
    )
    db.commit()
    log.info("new review for part %r", part_no)
    redirect(f"/parts/{part_no}/reviews")
