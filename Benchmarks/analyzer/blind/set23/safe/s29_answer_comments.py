"""Community Q&A: answer comments rendered server-side (FastAPI + Jinja2)."""
import logging
import os
from datetime import datetime, timezone

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy import create_engine, text

log = logging.getLogger("qa.comments")
engine = create_engine(os.environ["QA_DB_URL"])
templates = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
app = FastAPI()


class CommentRepository:
    def for_answer(self, answer_id: int) -> list:
        query = text("SELECT author, body, created_at FROM comments WHERE answer_id = :a ORDER BY created_at")
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query, {"a": answer_id})]

    def add(self, answer_id: int, author: str, body: str) -> None:
        query = text("INSERT INTO comments (answer_id, author, body, created_at) VALUES (:a, :u, :b, :t)")
        with engine.begin() as conn:
            conn.execute(query, {"a": answer_id, "u": author, "b": body, "t": datetime.now(timezone.utc)})


class CommentFormatter:
    def to_html(self, comment: dict) -> Markup:
        body = escape(comment["body"]).replace("\n", Markup("<br>"))
        when = comment["created_at"].strftime("%d %b %Y")
        return Markup(
            '<div class="comment"><span class="author">{}</span> '
            "<time>{}</time><p>{}</p></div>"
        ).format(comment["author"], when, body)


repo = CommentRepository()
formatter = CommentFormatter()


@app.get("/answers/{answer_id}/comments", response_class=HTMLResponse)
def show_comments(answer_id: int):
    comments = [formatter.to_html(c) for c in repo.for_answer(answer_id)]
    return templates.get_template("comments.html").render(answer_id=answer_id, comments=comments)


@app.post("/answers/{answer_id}/comments")
def post_comment(answer_id: int, request: Request, body: str = Form(...)):
    author = request.headers.get("x-auth-user")
    if not author:
        raise HTTPException(status_code=401, detail="login required")
    if not body.strip() or len(body) > 2000:
        raise HTTPException(status_code=400, detail="comment must be 1-2000 characters")
    repo.add(answer_id, author, body)
    log.info("comment on answer %r by %r", answer_id, author)
    return RedirectResponse(f"/answers/{answer_id}/comments", status_code=303)
