"""Public trainer profile pages for the marketplace."""
import sqlite3

from flask import Flask, Response, abort, request

app = Flask(__name__)
DB_PATH = "marketplace.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title} | FitMatch</title>
<link rel="stylesheet" href="/static/profile.css"></head>
<body>
{body}
</body></html>"""


def _conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_trainer(slug):
    with _conn() as conn:
        return conn.execute(
            "SELECT id, display_name, bio, specialties, hourly_rate FROM trainers WHERE slug = ?",
            (slug,),
        ).fetchone()


def fetch_reviews(trainer_id, limit=20):
    with _conn() as conn:
        return conn.execute(
            "SELECT author, stars, comment FROM reviews WHERE trainer_id = ? "
            "ORDER BY created_at DESC LIMIT ?",
            (trainer_id, limit),
        ).fetchall()


def render_card(trainer):
    specialties = ", ".join(s.strip() for s in (trainer["specialties"] or "").split(",") if s.strip())
    return (
        f'<section class="trainer"><h1>{trainer["display_name"]}</h1>'
        f'<p class="tags">{specialties}</p>'
        f'<p class="rate">${trainer["hourly_rate"]:.0f}/hour</p>'
        f'<div class="bio">{trainer["bio"]}</div></section>'
    )


def render_reviews(reviews):
    items = []
    for r in reviews:
        items.append(f"<li><strong>{r['author']}</strong> ({int(r['stars'])}/5): {r['comment']}</li>")
    return "<ul class='reviews'>" + "".join(items) + "</ul>"


@app.route("/t/<slug>")
def trainer_page(slug):
    trainer = fetch_trainer(slug)
    if trainer is None:
        abort(404)
    body = render_card(trainer) + render_reviews(fetch_reviews(trainer["id"]))
    highlight = request.args.get("q", "")
    if highlight:
        body = f"<p class='search-note'>Matched your search for: {highlight}</p>" + body
    html = PAGE.format(title=trainer["display_name"], body=body)
    return Response(html, mimetype="text/html")  # VULN flow


if __name__ == "__main__":
    app.run()
