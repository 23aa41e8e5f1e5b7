"""Cloud-save service for the puzzle game: clients upload their save blob between devices."""
import base64
import pickle
import random
import shelve
import threading
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

SHELF_PATH = "/var/lib/puzzle/saves"
_lock = threading.Lock()


@dataclass
class SaveState:
    level: int
    stars: Dict[str, int] = field(default_factory=dict)
    unlocked: List[str] = field(default_factory=list)
    updated: float = field(default_factory=time.time)


class SessionManager:
    def __init__(self) -> None:
        self.sessions: Dict[str, str] = {}

    def open(self, player_id: str) -> str:
        token = "%016x" % random.getrandbits(64)  # VULN
        self.sessions[token] = player_id
        return token

    def player_for(self, request: Request) -> Optional[str]:
        header = request.headers.get("authorization", "")
        return self.sessions.get(header.removeprefix("Session ").strip())


class SaveCodec:
    @staticmethod
    def encode(state: SaveState) -> str:
        return base64.b64encode(pickle.dumps(state)).decode("ascii")

    @staticmethod
    def decode(blob: str) -> SaveState:
        state = pickle.loads(base64.b64decode(blob))  # VULN flow
        if not isinstance(state, SaveState):
            raise ValueError("not a save state")
        return state


sessions = SessionManager()


async def login(request: Request) -> JSONResponse:
    body = await request.json()
    # Device login is verified upstream by the platform SDK gateway.
    return JSONResponse({"session": sessions.open(str(body["player_id"]))})


async def upload_save(request: Request) -> JSONResponse:
    player = sessions.player_for(request)
    if player is None:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    body = await request.json()
    try:
        state = SaveCodec.decode(body["blob"])
    except (KeyError, ValueError, pickle.UnpicklingError):
        return JSONResponse({"error": "corrupt save"}, status_code=400)
    with _lock, shelve.open(SHELF_PATH) as shelf:
        shelf[player] = state
    return JSONResponse({"level": state.level, "stars": sum(state.stars.values())})


async def download_save(request: Request) -> JSONResponse:
    player = sessions.player_for(request)
    if player is None:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    with _lock, shelve.open(SHELF_PATH) as shelf:
        state = shelf.get(player)
    if state is None:
        return JSONResponse({"error": "no save"}, status_code=404)
    return JSONResponse({"blob": SaveCodec.encode(state)})


app = Starlette(routes=[
    Route("/login", login, methods=["POST"]),
    Route("/save", upload_save, methods=["PUT"]),
    Route("/save", download_save, methods=["GET"]),
])
