"""QA review tool: play back 911 call recordings and flag calls for supervisor review."""
import logging
import os
import sqlite3

from flask import Flask, abort, g, redirect, request, send_file, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["QA_REVIEW_SECRET"]
log = logging.getLogger("qa.recordings")

RECORDINGS_ROOT = os.environ.get("RECORDINGS_ROOT", "/srv/psap/recordings")
QA_DB = os.environ.get("QA_DB", "/var/lib/qa/review.db")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(QA_DB)
    return g.db


class RecordingLocator:
    def __init__(self, root):
        self.root = root

    def bucket(self, call_id):
        # recordings are bucketed by the first 8 chars of the call id (yyyymmdd)
        return os.path.join(self.root, call_id[:8])

    def path_for(self, call_id, filename=None):
        return os.path.join(self.bucket(call_id), filename or f"{call_id}.wav")


locator = RecordingLocator(RECORDINGS_ROOT)


@app.before_request
def require_reviewer():
    if "reviewer" not in session:
        abort(401)


@app.route("/recordings/<call_id>/audio")
def audio(call_id):
    # secondary channels (e.g. TTY, transfer leg) have their own file names
    channel_file = request.args.get("file")
    path = locator.path_for(call_id, channel_file)
    if not os.path.exists(path):
        abort(404)
    return send_file(path, mimetype="audio/wav", conditional=True)  # VULN flow


@app.route("/recordings/<call_id>/flag", methods=["POST"])
def flag(call_id):
    reason = request.form.get("reason", "").strip()[:500]
    db().execute(
        "INSERT INTO flags (call_id, reviewer, reason) VALUES (?, ?, ?)",
        (call_id, session["reviewer"], reason),
    )
    db().commit()
    log.info("call %r flagged by %s", call_id, session["reviewer"])
    return redirect(request.form.get("return_to") or url_for("queue"))  # VULN


@app.route("/queue")
def queue():
    rows = db().execute(
        "SELECT call_id, reason FROM flags WHERE resolved = 0 ORDER BY rowid DESC LIMIT 100"
    ).fetchall()
    return {"flags": [{"call_id": r[0], "reason": r[1]} for r in rows]}
