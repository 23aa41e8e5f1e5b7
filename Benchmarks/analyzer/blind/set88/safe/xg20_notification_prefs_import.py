"""Import/export of per-user notification preferences (Flask).

Power users keep their channel/quiet-hours settings in a YAML file and
upload it from the settings page.
"""
import functools
import logging
import os

import yaml
from flask import Flask, Response, abort, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["PREFS_SECRET_KEY"]
log = logging.getLogger("prefs")

CHANNELS = {"email", "sms", "push", "slack"}
PREFS: dict = {}


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            abort(401)
        return view(*args, **kwargs)
    return wrapper


def normalise(raw: dict) -> dict:
    if not isinstance(raw, dict):
        raise ValueError("top level must be a mapping")
    channels = [c for c in raw.get("channels", []) if c in CHANNELS]
    quiet = raw.get("quiet_hours") or {}
    return {
        "channels": channels,
        "quiet_hours": {"start": str(quiet.get("start", "22:00")), "end": str(quiet.get("end", "07:00"))},
        "digest": bool(raw.get("digest", False)),
        "mute_rooms": [str(r) for r in raw.get("mute_rooms", [])][:500],
    }


@app.post("/settings/notifications/import")
@login_required
def import_prefs():
    upload = request.files.get("file")
    if upload is None:
        abort(400, "no file uploaded")
    data = yaml.safe_load(request.files["file"].stream)
    try:
        prefs = normalise(data)
    except (ValueError, AttributeError, TypeError) as exc:
        abort(422, f"invalid preferences file: {exc}")
    PREFS[session["user_id"]] = prefs
    log.info("imported preferences for user %s", session["user_id"])
    return jsonify(prefs)


@app.get("/settings/notifications/export")
@login_required
def export_prefs():
    prefs = PREFS.get(session["user_id"], normalise({}))
    body = yaml.safe_dump(prefs, sort_keys=False)
    return Response(body, mimetype="application/x-yaml",
                    headers={"Content-Disposition": "attachment; filename=notifications.yaml"})

