"""Cloud save endpoint for the arena client.

The game client serialises its SaveGame object and uploads it as base64.
"""
import base64
import binascii
import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="arena-saves")
log = logging.getLogger("arena.saves")

SAVE_STORE: Dict[Tuple[str, int], bytes] = {}
MAX_SLOTS = 5


@dataclass
class SaveGame:
    player_id: str
    level: int = 1
    xp: int = 0
    inventory: List[str] = field(default_factory=list)
    position: Tuple[float, float, float] = (0.0, 0.0, 0.0)


class SaveUpload(BaseModel):
    slot: int
    blob: str


def decode_blob(blob: str) -> bytes:
    try:
        return base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError):
        raise HTTPException(status_code=400, detail="blob is not valid base64")


def restore_save(raw: bytes) -> SaveGame:
    state = pickle.loads(raw)  # VULN flow
    if not isinstance(state, SaveGame):
        raise HTTPException(status_code=422, detail="not a save game")
    return state


@app.post("/saves/{player_id}")
def upload_save(player_id: str, upload: SaveUpload, x_client_version: str = Header("0")):
    if not 0 <= upload.slot < MAX_SLOTS:
        raise HTTPException(status_code=400, detail="invalid slot")
    raw = decode_blob(upload.blob)
    save = restore_save(raw)
    if save.player_id != player_id:
        raise HTTPException(status_code=403, detail="save belongs to another player")
    SAVE_STORE[(player_id, upload.slot)] = raw
    log.info("save stored player=%r slot=%d client=%r", player_id, upload.slot, x_client_version)
    return {
        "slot": upload.slot,
        "level": save.level,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }


@app.get("/saves/{player_id}/{slot}")
def fetch_save(player_id: str, slot: int):
    raw = SAVE_STORE.get((player_id, slot))
    if raw is None:
        raise HTTPException(status_code=404, detail="no save in slot")
    return {"slot": slot, "blob": base64.b64encode(raw).decode("ascii")}
