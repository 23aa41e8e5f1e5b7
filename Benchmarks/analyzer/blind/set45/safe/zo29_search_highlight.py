"""Server-rendered search page for the campus radio archive (FastAPI)."""
import html
import re
import sqlite3
from typing import List

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

app = FastAPI()
DB_PATH = "archive.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Archive search</title></head>
<body>
<form action="/search"><input name="q" value="{query}"><button>Search</button></form>
<h2>{heading}</h2>
<ol>{items}</ol>
</body></html>"""


def search_episodes(term: str, limit: int = 25) -> List[dict]:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            "SELECT id, show, title, aired FROM episodes WHERE title LIKE ? OR show LIKE ? "
            "ORDER BY aired DESC LIMIT ?",
            (f"%{term}%", f"%{term}%", limit),
        ).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]


class Highlighter:
    def __init__(self, term: str):
        self.term = term
        self.pattern = re.compile(re.escape(html.escape(term)), re.IGNORECASE) if term else None

    def apply(self, text: str) -> str:
        escaped = html.escape(text)
        if not self.pattern:
            return escaped
        return self.pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)


def render_item(ep: dict, hl: Highlighter) -> str:
    return (f'<li><a href="/episodes/{int(ep["id"])}">{hl.apply(ep["title"])}</a> '
            f'<small>{hl.apply(ep["show"])} &middot; {html.escape(str(ep["aired"]))}</small></li>')


@app.get("/search", response_class=HTMLResponse)
def search(q: str = Query("", max_length=200)):
    term = q.strip()
    episodes = search_episodes(term) if term else []
    hl = Highlighter(term)
    heading = f"{len(episodes)} results for &ldquo;{html.escape(term)}&rdquo;" if term else "Search the archive"
    html_doc = PAGE.format(
        query=html.escape(term, quote=True),
        heading=heading,
        items="".join(render_item(ep, hl) for ep in episodes),
    )
    return HTMLResponse(content=html_doc)
