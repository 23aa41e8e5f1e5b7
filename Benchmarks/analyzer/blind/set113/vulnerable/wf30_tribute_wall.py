"""Public tribute wall for a memorial page (Starlette).

Visitors leave a short tribute with their name and relationship to the deceased;
tributes appear immediately, and the family can hide any of them from the portal.
"""
import os
import sqlite3

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

DB_PATH = os.environ.get("TRIBUTE_DB", "/var/lib/memorials/tributes.db")

CARD_TEMPLATE = (
    '<article class="tribute"><header><strong>{name}</strong>'
    '<span class="relation">{relation}</span></header><p>{text}</p></article>'
)
PAGE_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Remembering {title}</title>
<link rel="stylesheet" href="/static/tributes.css"></head>
<body><h1>Remembering {title}</h1>
<form method="post"><input name="name" placeholder="Your name" required>
<input name="relation" placeholder="Friend, neighbor, colleague..."><textarea name="text" required></textarea>
<button>Leave a tribute</button></form>
<section class="wall">{cards}</section></body></html>"""


class TributeRepo:
    def __init__(self, path: str):
        self.path = path

    def _conn(self):
        return sqlite3.connect(self.path)

    def memorial_name(self, memorial_id: int) -> str:
        with self._conn() as conn:
            row = conn.execute("SELECT full_name FROM memorials WHERE id = ?", (memorial_id,)).fetchone()
        if row is None:
            raise HTTPException(status_code=404)
        return row[0]

    def visible(self, memorial_id: int):
        with self._conn() as conn:
            return conn.execute(
                "SELECT name, relation, text FROM tributes WHERE memorial_id = ? AND hidden = 0 "
                "ORDER BY created_at DESC LIMIT 200",
                (memorial_id,),
            ).fetchall()

    def add(self, memorial_id: int, name: str, relation: str, text: str) -> None:
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO tributes (memorial_id, name, relation, text) VALUES (?, ?, ?, ?)",
                (memorial_id, name[:80], relation[:60], text[:2000]),
            )


repo = TributeRepo(DB_PATH)


async def tribute_wall(request):
    memorial_id = request.path_params["memorial_id"]
    title = repo.memorial_name(memorial_id)
    cards = []
    for name, relation, text in repo.visible(memorial_id):
        cards.append(CARD_TEMPLATE.format(name=name, relation=relation or "", text=text))
    page = PAGE_TEMPLATE.format(title=title, cards="\n".join(cards))
    return HTMLResponse(page)  # VULN flow


async def post_tribute(request):
    memorial_id = request.path_params["memorial_id"]
    form = await request.form()
    name = (form.get("name") or "").strip()
    text = (form.get("text") or "").strip()
    if not name or not text:
        raise HTTPException(status_code=400, detail="name and tribute are required")
    repo.memorial_name(memorial_id)
    repo.add(memorial_id, name, (form.get("relation") or "").strip(), text)
    return RedirectResponse(f"/memorials/{memorial_id}/tributes", status_code=303)


app = Starlette(routes=[
    Route("/memorials/{memorial_id:int}/tributes", tribute_wall, methods=["GET"]),
    Route("/memorials/{memorial_id:int}/tributes", post_tribute, methods=["POST"]),
])
