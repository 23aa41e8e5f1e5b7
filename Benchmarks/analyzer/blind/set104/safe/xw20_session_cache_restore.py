"""Lightbox (saved image selections) for the photo library.

Anonymous visitors can collect images into a lightbox before ordering prints;
the selection is kept client-side in a cookie so no account is needed.
"""
import base64
import json
import logging
from dataclasses import asdict, dataclass, field

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("photolib.lightbox")

COOKIE = "lightbox"
MAX_ITEMS = 200


@dataclass
class Lightbox:
    name: str = "My selection"
    asset_ids: list = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    def add(self, asset_id: str, note: str = "") -> None:
        if asset_id not in self.asset_ids:
            self.asset_ids = (self.asset_ids + [asset_id])[-MAX_ITEMS:]
        if note:
            self.notes[asset_id] = note[:500]

    def remove(self, asset_id: str) -> None:
        self.asset_ids = [a for a in self.asset_ids if a != asset_id]
        self.notes.pop(asset_id, None)


def load_lightbox(req) -> Lightbox:
    raw = req.cookies.get(COOKIE)
    if not raw:
        return Lightbox()
    try:
        data = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
        return Lightbox(
            name=str(data.get("name", "My selection"))[:100],
            asset_ids=[str(a) for a in data.get("asset_ids", [])][-MAX_ITEMS:],
            notes={str(k): str(v)[:500] for k, v in dict(data.get("notes", {})).items()},
        )
    except Exception:
        log.warning("discarding unreadable lightbox cookie")
        return Lightbox()


def save_lightbox(resp, box: Lightbox):
    value = base64.urlsafe_b64encode(json.dumps(asdict(box)).encode("utf-8")).decode("ascii")
    resp.set_cookie(COOKIE, value, max_age=90 * 24 * 3600, httponly=True, samesite="Lax")
    return resp


@app.get("/lightbox")
def show():
    box = load_lightbox(request)
    return jsonify(name=box.name, items=box.asset_ids, notes=box.notes)


@app.post("/lightbox/items")
def add_item():
    body = request.get_json(force=True) or {}
    box = load_lightbox(request)
    box.add(str(body.get("asset_id", "")), str(body.get("note", "")))
    return save_lightbox(make_response(jsonify(count=len(box.asset_ids))), box)


@app.delete("/lightbox/items/<asset_id>")
def remove_item(asset_id):
    box = load_lightbox(request)
    box.remove(asset_id)
    return save_lightbox(make_response(jsonify(count=len(box.asset_ids))), box)
