"""Realtime sync server for the kanban board desktop client."""
import asyncio
import hashlib
import json
import logging
import os

import websockets

log = logging.getLogger("board-sync")

BOARDS: dict[str, dict] = {}
CLIENTS: set = set()
RECENT: dict[str, None] = {}
RECENT_LIMIT = 1024


def is_duplicate(raw: str) -> bool:
    """Drop frames the desktop client retransmits after a reconnect."""
    key = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    if key in RECENT:
        return True
    RECENT[key] = None
    if len(RECENT) > RECENT_LIMIT:
        RECENT.pop(next(iter(RECENT)))
    return False


def apply_update(update: dict) -> None:
    board = BOARDS.setdefault(str(update["board"]), {})
    if update.get("deleted"):
        board.pop(str(update["card"]), None)
    else:
        board[str(update["card"])] = dict(update["state"])


async def handler(websocket):
    CLIENTS.add(websocket)
    try:
        async for raw in websocket:
            if not isinstance(raw, str) or is_duplicate(raw):
                continue
            try:
                update = json.loads(raw)
                apply_update(update)
            except (ValueError, KeyError, TypeError):
                await websocket.send(json.dumps({"error": "bad update"}))
                continue
            websockets.broadcast(CLIENTS - {websocket}, raw)
    finally:
        CLIENTS.discard(websocket)


async def main() -> None:
    port = int(os.environ.get("SYNC_PORT", "8765"))
    async with websockets.serve(handler, "127.0.0.1", port, max_size=1 << 20):
        await asyncio.Future()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
