"""Realtime whiteboard sync server (websockets), behind the nginx TLS proxy."""
import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import Dict, Set

import websockets

logger = logging.getLogger("boardsync")

SHAPE_KINDS = {"rect", "ellipse", "line", "text", "path"}


@dataclass
class Board:
    shapes: Dict[str, dict] = field(default_factory=dict)
    clients: Set = field(default_factory=set)

    def apply(self, op: dict) -> bool:
        kind = op.get("op")
        shape_id = str(op.get("id", ""))[:64]
        if kind == "upsert" and isinstance(op.get("shape"), dict) and op["shape"].get("kind") in SHAPE_KINDS:
            self.shapes[shape_id] = op["shape"]
            return True
        if kind == "delete":
            self.shapes.pop(shape_id, None)
            return True
        return False


BOARDS: Dict[str, Board] = {}


async def handler(websocket) -> None:
    board_id = websocket.request.path.strip("/")[:64] or "default"
    board = BOARDS.setdefault(board_id, Board())
    board.clients.add(websocket)
    try:
        async for raw in websocket:
            try:
                op = json.loads(raw)
            except ValueError:
                await websocket.send('{"error": "bad message"}')
                continue
            if isinstance(op, dict) and board.apply(op):
                websockets.broadcast([c for c in board.clients if c is not websocket], raw)
    finally:
        board.clients.discard(websocket)


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    async with websockets.serve(handler, "127.0.0.1", 8765, max_size=2**20):
        logger.info("board sync listening on 127.0.0.1:8765")
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
