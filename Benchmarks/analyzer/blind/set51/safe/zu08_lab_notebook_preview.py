"""Preview endpoint for the electronic lab notebook editor.

The editor posts the draft (or links to ``/preview?title=...`` from the
"share draft" button) and shows the rendered page in an iframe.
"""
import datetime as dt
from html import escape

from flask import Flask, Response, request

app = Flask(__name__)

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/notebook.css"></head>
<body>
<header><h1>{title}</h1><p class="meta">{author} &middot; {date}</p></header>
<article>{body}</article>
<footer>{tags}</footer>
</body></html>"""


def paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return "\n".join(
        "<p>{}</p>".format(escape(b).replace("\n", "<br>")) for b in blocks if b
    )


def tag_list(raw: str) -> str:
    tags = [t.strip().lstrip("#") for t in raw.split(",") if t.strip()]
    return " ".join(f'<span class="tag">#{escape(t)}</span>' for t in tags)


def build_entry(values) -> dict:
    return {
        "title": escape(values.get("title", "Untitled entry")),
        "author": escape(values.get("author", "anonymous")),
        "date": escape(values.get("date") or dt.date.today().isoformat()),
        "body": paragraphs(values.get("body", "")),
        "tags": tag_list(values.get("tags", "")),
    }


@app.route("/preview", methods=["GET", "POST"])
def preview():
    entry = build_entry(request.values)
    html = PAGE.format(**entry)
    return Response(html, mimetype="text/html")


@app.route("/healthz")
def healthz():
    return {"ok": True}
