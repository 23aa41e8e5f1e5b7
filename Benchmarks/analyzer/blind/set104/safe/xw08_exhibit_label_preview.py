"""Label preview tool for exhibition curators and volunteer label writers."""
import sqlite3
from dataclasses import dataclass
from html import escape

from bottle import Bottle, abort, request, response

app = Bottle()
DB_PATH = "/srv/exhibits/labels.db"
LAYOUTS = {"wall", "case", "panel"}

PREVIEW_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Label preview - %(title)s</title>
<link rel="stylesheet" href="/static/labels.css"></head>
<body><article class="label label-%(layout)s">
<h1>%(title)s</h1>
<p class="maker">%(maker)s</p>
<div class="body">%(body)s</div>
</article></body></html>"""


@dataclass
class LabelDraft:
    title: str
    maker: str
    body: str
    layout: str = "wall"

    @classmethod
    def from_form(cls, form):
        layout = form.getunicode("layout", "wall")
        return cls(
            title=(form.getunicode("title") or "").strip(),
            maker=(form.getunicode("maker") or "").strip(),
            body=form.getunicode("body") or "",
            layout=layout if layout in LAYOUTS else "wall",
        )


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.post("/labels/preview")
def preview():
    draft = LabelDraft.from_form(request.forms)
    response.content_type = "text/html; charset=utf-8"
    return PREVIEW_PAGE % {"title": escape(draft.title), "maker": escape(draft.maker),
                           "body": paragraphs(draft.body), "layout": draft.layout}


@app.post("/labels")
def save():
    draft = LabelDraft.from_form(request.forms)
    with db() as conn:
        cur = conn.execute(
            "INSERT INTO labels (title, maker, body, layout) VALUES (?, ?, ?, ?)",
            (draft.title, draft.maker, draft.body, draft.layout),
        )
    return {"id": cur.lastrowid}


@app.get("/labels/<label_id:int>")
def show(label_id):
    row = db().execute("SELECT title, maker, body, layout FROM labels WHERE id = ?", (label_id,)).fetchone()
    if row is None:
        abort(404, "No such label")
    layout = row["layout"] if row["layout"] in LAYOUTS else "wall"
    response.content_type = "text/html; charset=utf-8"
    return PREVIEW_PAGE % {"title": escape(row["title"]), "maker": escape(row["maker"]),
                           "body": paragraphs(row["body"]), "layout": layout}
