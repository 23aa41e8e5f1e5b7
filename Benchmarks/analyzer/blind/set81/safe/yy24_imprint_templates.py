"""Customer-editable imprint (copyright page) templates for self-published books."""
import datetime as dt
import logging
import os
import sqlite3

from fastapi import FastAPI, HTTPException
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

log = logging.getLogger("imprint")
app = FastAPI(title="imprint-pages")

DB_PATH = os.environ.get("BOOKS_DB", "/var/lib/selfpub/books.db")
DEFAULT_IMPRINT = """{{ book.title }}
Copyright (c) {{ year }} {{ book.author }}
All rights reserved.
ISBN {{ book.isbn }}
{% if book.edition %}{{ book.edition }} edition{% endif %}
Printed and bound by {{ printer }}"""

env = SandboxedEnvironment(autoescape=False, trim_blocks=True, lstrip_blocks=True)


class ImprintTemplate(BaseModel):
    body: str = DEFAULT_IMPRINT


def load_book(book_id: int) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT id, title, author, isbn, edition FROM books WHERE id = ?", (book_id,)
        ).fetchone()
    if row is None:
        raise HTTPException(404, "book not found")
    return dict(row)


def render_imprint(template_src: str, book: dict) -> str:
    template = env.from_string(template_src)
    return template.render(book=book, year=dt.date.today().year, printer="Fernhill Print Ltd")


@app.post("/books/{book_id}/imprint/preview")
def preview_imprint(book_id: int, payload: ImprintTemplate):
    if len(payload.body) > 4000:
        raise HTTPException(413, "template too long")
    book = load_book(book_id)
    try:
        text = render_imprint(payload.body, book)
    except TemplateError as exc:
        raise HTTPException(422, f"template error: {exc}")
    return {"book_id": book_id, "text": text}


@app.put("/books/{book_id}/imprint")
def save_imprint(book_id: int, payload: ImprintTemplate):
    if len(payload.body) > 4000:
        raise HTTPException(413, "template too long")
    book = load_book(book_id)
    try:
        render_imprint(payload.body, book)
    except TemplateError as exc:
        raise HTTPException(422, f"template error: {exc}")
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("UPDATE books SET imprint_template = ? WHERE id = ?", (payload.body, book_id))
    log.info("imprint template updated for book %d", book_id)
    return {"book_id": book_id, "saved": True}
