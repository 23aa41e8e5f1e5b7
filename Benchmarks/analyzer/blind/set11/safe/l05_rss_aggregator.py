"""Feed reader backend: browse the curated feed catalog and preview feeds before subscribing."""
import os
import sqlite3

import requests
from defusedxml import ElementTree
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DB = os.environ.get("READER_DB", "reader.db")
USER_AGENT = "tinyreader/0.4 (+https://reader.example.org)"
CATALOG = {
    "python-insider": "https://pythoninsider.blogspot.com/feeds/posts/default",
    "lwn": "https://lwn.net/headlines/rss",
    "hn": "https://news.ycombinator.com/rss",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def parse_feed(raw):
    root = ElementTree.fromstring(raw)
    items = []
    for item in list(root.iter("item")) + list(root.iter(ATOM + "entry")):
        title = item.findtext("title") or item.findtext(ATOM + "title") or ""
        link = item.findtext("link") or ""
        items.append({"title": title.strip(), "link": link.strip()})
    return items[:25]


@app.route("/feeds/preview", methods=["POST"])
def preview():
    url = CATALOG.get(request.form.get("feed", ""))
    if url is None:
        abort(404)
    resp = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=10, allow_redirects=False)
    if resp.status_code != 200:
        abort(502)
    return jsonify({"items": parse_feed(resp.content)})


@app.route("/feeds", methods=["GET"])
def list_feeds():
    with sqlite3.connect(DB) as conn:
        rows = conn.execute("SELECT id, catalog_key FROM subscriptions ORDER BY catalog_key").fetchall()
    return jsonify([{"id": r[0], "feed": r[1], "url": CATALOG.get(r[1])} for r in rows])


@app.route("/feeds", methods=["POST"])
def subscribe():
    key = request.form.get("feed", "")
    if key not in CATALOG:
        abort(400)
    with sqlite3.connect(DB) as conn:
        cur = conn.execute("INSERT INTO subscriptions (catalog_key) VALUES (?)", (key,))
    return jsonify({"id": cur.lastrowid}), 201
