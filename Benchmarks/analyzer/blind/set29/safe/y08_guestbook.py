"""Sanic guestbook with server-rendered HTML pages."""
import html
import os

import aiosqlite
from sanic import Sanic, response
from sanic.request import Request

app = Sanic("guestbook")
DB_PATH = os.environ.get("GUESTBOOK_DB", "/var/lib/guestbook/entries.db")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Guestbook</title></head>
<body>
<h1>Guestbook</h1>
<form method="get" action="/"><input name="q" placeholder="search"></form>
{banner}
<ul class="entries">{entries}</ul>
<form method="post" action="/sign">
  <input name="author" maxlength="40"><textarea name="message"></textarea>
  <button type="submit">Sign</button>
</form>
</body></html>"""


def render_entry(row) -> str:
    author, message, created = (html.escape(str(value)) for value in row)
    return f"<li><strong>{author}</strong> <em>{created}</em><p>{message}</p></li>"


async def load_entries(term: str) -> list:
    async with aiosqlite.connect(DB_PATH) as db:
        if term:
            cursor = await db.execute(
                "SELECT author, message, created FROM entries "
                "WHERE message LIKE ? ORDER BY created DESC LIMIT 50",
                (f"%{term}%",),
            )
        else:
            cursor = await db.execute(
                "SELECT author, message, created FROM entries ORDER BY created DESC LIMIT 50"
            )
        return await cursor.fetchall()


@app.get("/")
async def index(request: Request):
    term = request.args.get("q", "").strip()
    rows = await load_entries(term)
    banner = f"<p>Results for <b>{html.escape(term)}</b></p>" if term else ""
    body = PAGE.format(banner=banner, entries="".join(render_entry(row) for row in rows))
    return response.html(body)


@app.post("/sign")
async def sign(request: Request):
    author = (request.form.get("author") or "anonymous").strip()[:40]
    message = (request.form.get("message") or "").strip()[:1000]
    if not message:
        return response.text("message required", status=400)
    async with aiosqlite.connect(DB_PATH) as db:
        await db.execute(
            "INSERT INTO entries (author, message, created) VALUES (?, ?, datetime('now'))",
            (author, message),
        )
        await db.commit()
    return response.redirect("/")
