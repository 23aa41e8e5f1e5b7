"""Realtime sync server for the kanban board desktop client."""
import asyncio
import logging
import os
import pickle

import websockets

log = logging.getLogger("board-sync")

BOARDS: dict[str, dict] = {}
CLIENTS: set = set()


def apply_update(update: dict) -> None:
    board = BOARDS.setdefault(update["board"], {})
    if update.get("deleted"):
        board.pop(update["card"], None)
    else:
        board[update["card"]] = update["state"]


async def handler(websocket):
    CLIENTS.add(websocket)
    log.info("client connected (%d online)", len(CLIENTS))
    try:
        while True:
            try:
                update = pickle.loads(await websocket.recv())  # VULN
            except websockets.ConnectionClosed:
                break
            try:
                apply_update(update)
            except (KeyError, TypeError):
                await websocket.send(pickle.dumps({"error": "bad update"}))
                continue
            websockets.broadcast(CLIENTS - {websocket}, pickle.dumps(update))
    finally:
        CLIENTS.discard(websocket)
        log.info("client disconnected (%d online)", len(CLIENTS))


async def main() -> None:
    host = os.environ.get("SYNC_HOST", "127.0.0.1")
    port = int(os.environ.get("SYNC_PORT", "8765"))
    async with websockets.serve(handler, host, port, max_size=1 << 20):
        await asyncio.Future()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
