"""Lesson discussion board (Bottle)."""
import sqlite3
import time

from bottle import Bottle, abort, redirect, request, response, template

app = Bottle()
DB_PATH = "discussion.db"

COMMENTS_TPL = """
<!doctype html>
<html><head><title>{{lesson_title}} - discussion</title></head>
<body>
  <h1>{{lesson_title}}</h1>
  <ul class="comments">
  % for c in comments:
    <li><strong>{{c['author']}}</strong> <time>{{c['created']}}</time>
        <div class="body">{{!c['body']}}</div></li>
  % end
  </ul>
  <form method="post"><textarea name="body"></textarea><button>Post</button></form>
</body></html>
"""


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def format_body(text: str) -> str:
    # keep paragraph breaks from the textarea
    return "<br>".join(text.strip().splitlines())


def load_comments(lesson_id: int, needle: str = ""):
    with db() as conn:
        rows = conn.execute(
            "SELECT author, body, created FROM comments WHERE lesson_id = ? AND body LIKE ? ORDER BY created",
            (lesson_id, f"%{needle}%"),
        ).fetchall()
    return [dict(r) for r in rows]


@app.get("/lessons/<lesson_id:int>/discussion")
def show_discussion(lesson_id):
    with db() as conn:
        lesson = conn.execute("SELECT title FROM lessons WHERE id = ?", (lesson_id,)).fetchone()
    if lesson is None:
        abort(404, "lesson not found")
    needle = request.query.get("q", "")
    comments = load_comments(lesson_id, needle)
    if needle and not comments:
        response.content_type = "text/html"
        return f"<p>No comments match <em>{needle}</em>.</p>"  # VULN flow
    for c in comments:
        c["body"] = format_body(c["body"])
    return template(COMMENTS_TPL, lesson_title=lesson["title"], comments=comments)  # VULN flow


@app.post("/lessons/<lesson_id:int>/discussion")
def post_comment(lesson_id):
    author = request.get_cookie("display_name", default="anonymous")
    body = request.forms.getunicode("body", "")
    if not body.strip():
        abort(400, "empty comment")
    with db() as conn:
        conn.execute(
            "INSERT INTO comments (lesson_id, author, body, created) VALUES (?, ?, ?, ?)",
            (lesson_id, author, body, int(time.time())),
        )
    redirect(f"/lessons/{lesson_id}/discussion")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
