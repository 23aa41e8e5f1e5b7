"""WebSocket handler for the collaborative editor.

Clients stream operations; when a tab reconnects after being offline it
sends back the last snapshot it holds so we can rebase its pending ops.
"""
import base64
import json
import logging
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

log = logging.getLogger("collab.ws")


@dataclass
class DocState:
    doc_id: str
    revision: int = 0
    text: str = ""
    cursors: dict = field(default_factory=dict)


class Room:
    def __init__(self, doc_id):
        self.state = DocState(doc_id)
        self.peers = set()

    async def broadcast(self, message, exclude=None):
        for ws in list(self.peers):
            if ws is not exclude and not ws.closed:
                await ws.send_json(message)


ROOMS: dict = {}


def decode_snapshot(blob: str) -> DocState:
    raw = base64.b64decode(blob)
    data = json.loads(raw)
    return DocState(
        doc_id=str(data["doc_id"]),
        revision=int(data["revision"]),
        text=str(data["text"]),
        cursors={str(k): int(v) for k, v in data.get("cursors", {}).items()},
    )


async def handle_message(room: Room, ws, msg: dict):
    kind = msg.get("type")
    if kind == "op":
        room.state.text = msg["text"]
        room.state.revision += 1
        await room.broadcast({"type": "op", "rev": room.state.revision, "text": room.state.text}, exclude=ws)
    elif kind == "restore":
        snapshot = decode_snapshot(msg["snapshot"])
        if snapshot.revision > room.state.revision:
            room.state = snapshot
            await room.broadcast({"type": "reset", "rev": snapshot.revision, "text": snapshot.text})
        else:
            await ws.send_json({"type": "stale", "rev": room.state.revision})
    elif kind == "cursor":
        room.state.cursors[msg["user"]] = msg["pos"]
        await room.broadcast({"type": "cursor", "user": msg["user"], "pos": msg["pos"]}, exclude=ws)


async def doc_socket(request: web.Request):
    doc_id = request.match_info["doc_id"]
    ws = web.WebSocketResponse(heartbeat=20)
    await ws.prepare(request)
    room = ROOMS.setdefault(doc_id, Room(doc_id))
    room.peers.add(ws)
    try:
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                continue
            try:
                await handle_message(room, ws, json.loads(frame.data))
            except (KeyError, ValueError, TypeError) as exc:
                await ws.send_json({"type": "error", "detail": str(exc)})
    finally:
        room.peers.discard(ws)
    return ws


def make_app():
    app = web.Application()
    app.router.add_get("/ws/docs/{doc_id}", doc_socket)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
