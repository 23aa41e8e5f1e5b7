"""Save and restore interactive analysis sessions for the notebook service."""
import json
import logging
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .sessions import SessionStore, current_user

logger = logging.getLogger("notebooks")
store = SessionStore()
MAX_SNAPSHOT_BYTES = 5 * 1024 * 1024
PLAIN_TYPES = (str, int, float, bool, list, dict, type(None))


def dump_snapshot(namespace):
    public = {
        name: value
        for name, value in namespace.items()
        if not name.startswith("_") and isinstance(value, PLAIN_TYPES)
    }
    return json.dumps(public, default=str).encode("utf-8")


def load_snapshot(blob):
    namespace = json.loads(blob)
    if not isinstance(namespace, dict):
        raise ValueError("snapshot must contain a namespace mapping")
    return namespace


async def export_session(request: Request):
    user = await current_user(request)
    session = store.get(user.id, request.path_params["session_id"])
    if session is None:
        return JSONResponse({"error": "session not found"}, status_code=404)
    return Response(
        dump_snapshot(session.namespace),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="session-{session.id}.snapshot"'},
    )


async def import_session(request: Request):
    user = await current_user(request)
    form = await request.form()
    upload = form.get("snapshot")
    if upload is None or isinstance(upload, str):
        return JSONResponse({"error": "snapshot file required"}, status_code=400)
    blob = await upload.read(MAX_SNAPSHOT_BYTES + 1)
    if len(blob) > MAX_SNAPSHOT_BYTES:
        return JSONResponse({"error": "snapshot too large"}, status_code=413)
    try:
        namespace = load_snapshot(blob)
    except ValueError:
        return JSONResponse({"error": "snapshot could not be read"}, status_code=400)
    session = store.create(user.id, namespace=namespace, restored_at=time.time())
    logger.info("user %r restored session %r", user.id, session.id)
    return JSONResponse({"session_id": session.id, "variables": sorted(namespace)})


app = Starlette(
    routes=[
        Route("/sessions/{session_id}/snapshot", export_session, methods=["GET"]),
        Route("/sessions/import", import_session, methods=["POST"]),
    ]
)
