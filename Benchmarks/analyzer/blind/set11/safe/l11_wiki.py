"""Team wiki: pages are edited in the browser and stored in SQLite."""
import os
import sqlite3

from flask import Flask, Response, abort, redirect, render_template_string, request, url_for
from markupsafe import Markup, escape

app = Flask(__name__)
DB = os.environ.get("WIKI_DB", "wiki.db")

PAGE = """<!doctype html>
<title>{{ title }} - Wiki</title>
<h1>{{ title }}</h1>
<article>{{ body }}</article>
<a href="{{ url_for('edit', slug=slug) }}">edit</a>"""


def load_page(slug):
    with sqlite3.connect(DB) as conn:
        return conn.execute("SELECT title, body FROM pages WHERE slug = ?", (slug,)).fetchone()


def paragraphs(text):
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())


@app.route("/wiki/<slug>")
def show(slug):
    page = load_page(slug)
    if page is None:
        abort(404)
    title, body = page
    return render_template_string(PAGE, title=title, slug=slug, body=paragraphs(body))


@app.route("/wiki/<slug>/edit", methods=["GET", "POST"])
def edit(slug):
    if request.method == "POST":
        with sqlite3.connect(DB) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO pages (slug, title, body) VALUES (?, ?, ?)",
                (slug, request.form["title"][:200], request.form["body"]),
            )
        return redirect(url_for("show", slug=slug))
    return render_template_string(
        '<form method="post"><input name="title"><textarea name="body"></textarea><button>Save</button></form>'
    )


@app.route("/search")
def search():
    q = request.args.get("q", "")
    with sqlite3.connect(DB) as conn:
        rows = conn.execute("SELECT slug, title FROM pages WHERE instr(title, ?) > 0 LIMIT 20", (q,)).fetchall()
    items = "".join(f'<li><a href="{escape(url_for("show", slug=s))}">{escape(t)}</a></li>' for s, t in rows)
    return Response("<h2>Results for " + str(escape(q)) + "</h2><ul>" + items + "</ul>", mimetype="text/html")
