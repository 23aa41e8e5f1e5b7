"""Server-rendered review pages for provider profiles."""
import sqlite3

from flask import Flask, Response, g, make_response, request

app = Flask(__name__)
DB_PATH = "reviews.db"

PAGE = """<!doctype html>
<html><head><title>{title}</title></head>
<body>
  <h1>{title}</h1>
  <form method="get"><input name="q" value="{q}"><button>Filter</button></form>
  <p class="hint">Showing reviews matching: {q}</p>
  <ul class="reviews">{items}</ul>
</body></html>"""


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def load_reviews(provider_id: int, needle: str):
    cur = get_db().execute(
        "SELECT author, rating, body FROM reviews WHERE provider_id = ? AND body LIKE ? "
        "ORDER BY created_at DESC LIMIT 50",
        (provider_id, f"%{needle}%"),
    )
    return cur.fetchall()


def render_review(review) -> str:
    stars = "\u2605" * int(review["rating"]) + "\u2606" * (5 - int(review["rating"]))
    return (
        f"<li class='review'><strong>{review['author']}</strong> "
        f"<span class='stars'>{stars}</span><p>{review['body']}</p></li>"
    )


@app.route("/providers/<int:provider_id>/reviews")
def reviews_page(provider_id):
    needle = request.args.get("q", "")
    items = "".join(render_review(r) for r in load_reviews(provider_id, needle))
    html = PAGE.format(title=f"Reviews for provider #{provider_id}", q=needle, items=items)
    return Response(html, mimetype="text/html")  # VULN flow


@app.route("/reviews/preview", methods=["POST"])
def preview_review():
    resp = make_response("<div class='preview'>" + request.form.get("body", "") + "</div>")  # VULN
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()
