"""Feed reader backend: subscribe to feeds and preview them before subscribing."""
import os
import sqlite3

import requests
from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
DB = os.environ.get("READER_DB", "reader.db")
USER_AGENT = "tinyreader/0.4 (+https://reader.example.org)"


def parse_feed(raw):
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=True, no_network=False))  # VULN flow
    items = []
    for item in root.iter("item", "{http://www.w3.org/2005/Atom}entry"):
        title = item.findtext("title") or item.findtext("{http://www.w3.org/2005/Atom}title") or ""
        link = item.findtext("link") or ""
        items.append({"title": title.strip(), "link": link.strip()})
    return items[:25]


@app.route("/feeds/preview", methods=["POST"])
def preview():
    resp = requests.get(request.form["url"], headers={"User-Agent": USER_AGENT}, timeout=10)  # VULN
    if resp.status_code != 200:
        abort(502)
    return jsonify({"items": parse_feed(resp.content)})


@app.route("/feeds", methods=["GET"])
def list_feeds():
    with sqlite3.connect(DB) as conn:
        rows = conn.execute("SELECT id, url, title FROM feeds ORDER BY title").fetchall()
    return jsonify([{"id": r[0], "url": r[1], "title": r[2]} for r in rows])


@app.route("/feeds", methods=["POST"])
def subscribe():
    url = request.form.get("url", "").strip()
    title = request.form.get("title", "").strip()[:120]
    if not url.startswith(("http://", "https://")):
        abort(400)
    with sqlite3.connect(DB) as conn:
        cur = conn.execute("INSERT INTO feeds (url, title) VALUES (?, ?)", (url, title))
    return jsonify({"id": cur.lastrowid}), 201
