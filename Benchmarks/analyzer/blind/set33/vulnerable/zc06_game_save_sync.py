"""Cloud save synchronisation endpoints for the puzzle game client."""
import base64
import binascii
import hashlib
import os
import pickle
import sqlite3
import time
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

DB_PATH = os.environ.get("SAVES_DB", "saves.sqlite3")


@dataclass
class SaveGame:
    player_id: str
    level: int
    inventory: list = field(default_factory=list)
    updated_at: float = field(default_factory=time.time)


def decode_save(blob: str) -> SaveGame:
    raw = base64.b64decode(blob)
    return pickle.loads(raw)  # VULN flow


def store_blob(player_id: str, blob: str, level: int) -> str:
    digest = hashlib.sha256(blob.encode("ascii")).hexdigest()
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT INTO saves (player_id, blob, level, checksum) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(player_id) DO UPDATE SET blob = excluded.blob, level = excluded.level, "
            "checksum = excluded.checksum",
            (player_id, blob, level, digest),
        )
    return digest


async def upload_save(request: Request):
    player_id = request.session.get("player_id")
    if not player_id:
        return JSONResponse({"error": "not signed in"}, status_code=401)
    payload = await request.json()
    blob = payload.get("save", "")
    try:
        save = decode_save(blob)
    except (binascii.Error, ValueError, EOFError):
        return JSONResponse({"error": "corrupt save"}, status_code=400)
    if save.player_id != player_id:
        return JSONResponse({"error": "save belongs to another player"}, status_code=403)
    checksum = store_blob(player_id, blob, save.level)
    return JSONResponse({"level": save.level, "checksum": checksum})


async def download_save(request: Request):
    player_id = request.session.get("player_id")
    if not player_id:
        return JSONResponse({"error": "not signed in"}, status_code=401)
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute(
            "SELECT blob, checksum FROM saves WHERE player_id = ?", (player_id,)
        ).fetchone()
    if row is None:
        return JSONResponse({"error": "no save found"}, status_code=404)
    return JSONResponse({"save": row[0], "checksum": row[1]})


app = Starlette(
    routes=[
        Route("/saves", upload_save, methods=["PUT"]),
        Route("/saves", download_save, methods=["GET"]),
    ],
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"], https_only=True)],
)
