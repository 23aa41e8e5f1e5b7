"""Persist CAT-editor UI state (filters, cursor, undo stack) between page loads.

The state travels with the browser as a cookie so the stateless editor
nodes behind the load balancer do not need a shared session store.
"""
import base64
import json
import logging
from dataclasses import asdict, dataclass, field

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("editor.state")
COOKIE = "cat_editor_state"


@dataclass
class EditorState:
    document_id: int = 0
    cursor_segment: int = 0
    filters: dict = field(default_factory=dict)
    undo_stack: list = field(default_factory=list)
    show_tags: bool = True


def dump_state(state: EditorState) -> str:
    raw = json.dumps(asdict(state))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii")


def restore_state(blob: str) -> EditorState:
    if not blob:
        return EditorState()
    try:
        raw = base64.urlsafe_b64decode(blob.encode("ascii")).decode("utf-8")
        data = json.loads(raw)
        return EditorState(
            document_id=int(data.get("document_id", 0)),
            cursor_segment=int(data.get("cursor_segment", 0)),
            filters=dict(data.get("filters", {})),
            undo_stack=list(data.get("undo_stack", []))[-50:],
            show_tags=bool(data.get("show_tags", True)),
        )
    except (ValueError, UnicodeDecodeError, TypeError, AttributeError):
        return EditorState()


@app.route("/editor/<int:document_id>/state", methods=["GET"])
def get_state(document_id: int):
    state = restore_state(request.cookies.get(COOKIE, ""))
    if state.document_id != document_id:
        state = EditorState(document_id=document_id)
    return jsonify(
        cursor=state.cursor_segment,
        filters=state.filters,
        undo_depth=len(state.undo_stack),
        show_tags=state.show_tags,
    )


@app.route("/editor/<int:document_id>/state", methods=["PUT"])
def put_state(document_id: int):
    state = restore_state(request.cookies.get(COOKIE, ""))
    body = request.get_json(silent=True) or {}
    state.document_id = document_id
    state.cursor_segment = int(body.get("cursor", state.cursor_segment))
    state.filters = dict(body.get("filters", state.filters))
    state.show_tags = bool(body.get("show_tags", state.show_tags))
    if "undo" in body:
        state.undo_stack = (state.undo_stack + [body["undo"]])[-50:]
    resp = make_response(jsonify(ok=True))
    resp.set_cookie(COOKIE, dump_state(state), httponly=True, samesite="Lax", secure=True)
    return resp
