"""Blog comment endpoints, including a live preview used by the editor."""
import datetime
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
DB_PATH = os.environ.get("BLOG_DB", "blog.db")
MAX_BODY = 5000


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def split_paragraphs(body):
    return [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]


def render_comment(author, body, posted_at):
    paragraphs = "".join(f"<p>{p}</p>" for p in split_paragraphs(body))
    stamp = posted_at.strftime("%d %b %Y %H:%M")
    return (
        "<article class='comment'>"
        f"<header><strong>{author}</strong> <time>{stamp}</time></header>"
        f"{paragraphs}"
        "</article>"
    )


@app.route("/posts/<int:post_id>/comments/preview", methods=["POST"])
def preview_comment(post_id):
    author = request.form.get("author", "").strip() or "Anonymous"
    body = request.form.get("body", "")[:MAX_BODY]
    html = render_comment(author, body, datetime.datetime.now())
    return html  # VULN flow


@app.route("/posts/<int:post_id>/comments", methods=["POST"])
def add_comment(post_id):
    author = request.form.get("author", "").strip() or "Anonymous"
    body = request.form.get("body", "")[:MAX_BODY]
    db = get_db()
    db.execute(
        "INSERT INTO comments (post_id, author, body, created_at) VALUES (?, ?, ?, ?)",
        (post_id, author, body, datetime.datetime.now().isoformat()),
    )
    db.commit()
    return jsonify({"status": "pending_moderation"}), 201
