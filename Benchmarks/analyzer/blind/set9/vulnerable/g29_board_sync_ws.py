"""Realtime whiteboard sync server (websockets)."""
import asyncio
import logging
from dataclasses import dataclass, field
from typing import Dict, Set

import jsonpickle
import websockets

logger = logging.getLogger("boardsync")


@dataclass
class Board:
    shapes: Dict[str, dict] = field(default_factory=dict)
    clients: Set = field(default_factory=set)

    def apply(self, op: dict) -> None:
        kind = op.get("op")
        if kind == "upsert":
            self.shapes[op["id"]] = op.get("shape", {})
        elif kind == "delete":
            self.shapes.pop(op.get("id"), None)


BOARDS: Dict[str, Board] = {}


async def broadcast(board: Board, raw: str, sender) -> None:
    targets = [c for c in board.clients if c is not sender]
    if targets:
        websockets.broadcast(targets, raw)


async def handler(websocket) -> None:
    board_id = websocket.request.path.strip("/") or "default"
    board = BOARDS.setdefault(board_id, Board())
    board.clients.add(websocket)
    try:
        async for raw in websocket:
            try:
                op = jsonpickle.decode(raw)  # VULN flow
            except Exception:
                await websocket.send('{"error": "bad message"}')
                continue
            if isinstance(op, dict):
                board.apply(op)
                await broadcast(board, raw, websocket)
    finally:
        board.clients.discard(websocket)


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    async with websockets.serve(handler, "0.0.0.0", 8765, max_size=2**20):  # VULN
        logger.info("board sync listening on 8765")
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
