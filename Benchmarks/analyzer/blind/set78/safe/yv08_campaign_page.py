"""Peer-to-peer fundraising pages.

Supporters create their own campaign page (title, story, goal) and share it
with friends; the page is rendered server-side so it unfurls nicely on social.
"""
import logging
import sqlite3

from flask import Flask, Response, abort, request
from markupsafe import escape

app = Flask(__name__)
log = logging.getLogger("p2p.pages")
DB_PATH = "/var/lib/p2p/campaigns.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body>{body}</body></html>"""


def load_campaign(slug: str):
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(
            "SELECT slug, title, story, owner_name, goal, raised FROM campaigns WHERE slug = ?",
            (slug,),
        ).fetchone()


def render_campaign(c, ref: str) -> str:
    parts = [
        f"<h1>{escape(c['title'])}</h1>",
        f"<p class='owner'>Organised by {escape(c['owner_name'])}</p>",
        f"<div class='story'>{escape(c['story'])}</div>",
        f"<p class='goal'>Raised ${c['raised']:,.0f} of ${c['goal']:,.0f}</p>",
    ]
    if ref:
        parts.append(f"<p class='ref'>You were invited by {escape(ref)}</p>")
    parts.append(f"<a class='give' href='/give/{escape(c['slug'])}'>Donate now</a>")
    return PAGE.format(title=escape(c["title"]), body="\n".join(parts))


@app.route("/c/<slug>")
def campaign_page(slug):
    campaign = load_campaign(slug)
    if campaign is None:
        abort(404)
    ref = request.args.get("ref", "")
    html = render_campaign(campaign, ref)
    return Response(html, mimetype="text/html")


@app.route("/c/search")
def search_campaigns():
    q = request.args.get("q", "").strip()
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute(
            "SELECT slug, title FROM campaigns WHERE title LIKE ? LIMIT 25", (f"%{q}%",)
        ).fetchall()
    if not rows:
        return f"<p>No campaigns match <b>{escape(q)}</b>.</p>"
    items = "".join(f"<li><a href='/c/{escape(slug)}'>{escape(title)}</a></li>" for slug, title in rows)
    return Response(f"<ul>{items}</ul>", mimetype="text/html")
