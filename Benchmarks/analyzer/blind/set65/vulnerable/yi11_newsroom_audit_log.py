"""Publishing workflow endpoints for the newsroom, with an append-only audit trail."""
import logging
import os
import threading
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["NEWSROOM_SECRET_KEY"]
log = logging.getLogger("newsroom.publish")

AUDIT_PATH = os.environ.get("NEWSROOM_AUDIT_LOG", "/var/log/newsroom/audit.log")
ARTICLES = {}  # slug -> dict, hydrated from the CMS cache at startup


class AuditTrail:
    """One line per editorial action; parsed by the compliance exporter."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()

    def record(self, actor: str, action: str, target: str, note: str = "") -> None:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        line = f"{stamp} actor={actor} action={action} target={target} note={note}\n"
        with self._lock, open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)  # VULN flow


audit = AuditTrail(AUDIT_PATH)


def current_editor() -> str:
    editor = session.get("editor")
    if not editor:
        abort(401)
    return editor


@app.post("/articles/<slug>/publish")
def publish(slug: str):
    editor = current_editor()
    data = request.get_json(silent=True) or {}
    note = data.get("note", "")
    log.info("publish requested for %s by %s: %s", slug, editor, note)  # VULN flow
    article = ARTICLES.get(slug)
    if article is None:
        audit.record(editor, "publish-failed", slug, "unknown article")
        abort(404)
    article["status"] = "published"
    article["published_at"] = datetime.now(timezone.utc).isoformat()
    audit.record(editor, "publish", slug, note)
    return jsonify(slug=slug, status="published")


@app.post("/articles/<slug>/unpublish")
def unpublish(slug: str):
    editor = current_editor()
    article = ARTICLES.get(slug)
    if article is None:
        abort(404)
    article["status"] = "draft"
    audit.record(editor, "unpublish", slug)
    return jsonify(slug=slug, status="draft")
