"""Learner progress tracking for the lecture video player.

The player posts its position every few seconds. To avoid a database write on
every tick, the per-lesson progress map lives in a cookie and is flushed to the
database when a lesson is marked complete.
"""
import logging
import os
import sqlite3
import time

from flask import Flask, jsonify, make_response, request, session
from itsdangerous import BadSignature, URLSafeSerializer

app = Flask(__name__)
app.config.from_envvar("PLAYER_SETTINGS", silent=True)
log = logging.getLogger("player.progress")

COOKIE_NAME = "lp_progress"
COOKIE_MAX_AGE = 7 * 24 * 3600
DB_PATH = "/var/lib/mooc/progress.db"
_serializer = URLSafeSerializer(os.environ["PLAYER_COOKIE_KEY"], salt="lesson-progress")


def decode_progress(raw: str | None) -> dict:
    if not raw:
        return {}
    try:
        data = _serializer.loads(raw)
    except BadSignature:
        log.warning("discarding unreadable progress cookie")
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, (int, float))}


def encode_progress(progress: dict) -> str:
    return _serializer.dumps(progress)


def flush_progress(learner_id: int, lesson_id: str, seconds: float) -> None:
    with sqlite3.connect(DB_PATH) as db:
        db.execute(
            "INSERT OR REPLACE INTO lesson_progress (learner_id, lesson_id, seconds, completed_at) "
            "VALUES (?, ?, ?, ?)",
            (learner_id, lesson_id, seconds, int(time.time())),
        )


@app.post("/api/lessons/<lesson_id>/progress")
def record_progress(lesson_id: str):
    progress = decode_progress(request.cookies.get(COOKIE_NAME))
    body = request.get_json(silent=True) or {}
    position = float(body.get("position", 0))
    progress[lesson_id] = max(progress.get(lesson_id, 0.0), position)

    completed = bool(body.get("completed"))
    if completed and "learner_id" in session:
        flush_progress(session["learner_id"], lesson_id, progress.pop(lesson_id))

    resp = make_response(jsonify(lesson=lesson_id, position=position, completed=completed))
    resp.set_cookie(COOKIE_NAME, encode_progress(progress), max_age=COOKIE_MAX_AGE,
                    httponly=True, secure=True, samesite="Lax")
    return resp


@app.get("/api/lessons/<lesson_id>/progress")
def get_progress(lesson_id: str):
    progress = decode_progress(request.cookies.get(COOKIE_NAME))
    return jsonify(lesson=lesson_id, position=progress.get(lesson_id, 0.0))
