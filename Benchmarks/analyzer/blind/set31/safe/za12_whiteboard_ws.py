"""Realtime collaborative whiteboard server."""
import asyncio
import json
import logging
import os
from collections import defaultdict

from websockets.asyncio.server import broadcast, serve

logger = logging.getLogger("whiteboard")

ROOMS = defaultdict(set)
HISTORY = defaultdict(list)
MAX_HISTORY = 500
ALLOWED_OPS = {"stroke", "erase", "clear", "cursor"}


def decode_op(frame):
    if isinstance(frame, bytes):
        frame = frame.decode("utf-8")
    return json.loads(frame)


def encode_op(op):
    return json.dumps(op, separators=(",", ":"))


def record(room, op):
    if op["type"] == "clear":
        HISTORY[room].clear()
    elif op["type"] != "cursor":
        HISTORY[room].append(op)
        del HISTORY[room][:-MAX_HISTORY]


async def handler(websocket):
    room = websocket.request.path.strip("/") or "lobby"
    ROOMS[room].add(websocket)
    logger.info("client joined room %r", room)
    try:
        for past in HISTORY[room]:
            await websocket.send(encode_op(past))
        async for frame in websocket:
            try:
                op = decode_op(frame)
            except ValueError:
                await websocket.send(encode_op({"type": "error", "reason": "malformed op"}))
                continue
            if not isinstance(op, dict) or op.get("type") not in ALLOWED_OPS:
                continue
            record(room, op)
            peers = [ws for ws in ROOMS[room] if ws is not websocket]
            broadcast(peers, encode_op(op))
    finally:
        ROOMS[room].discard(websocket)
        logger.info("client left room %r", room)


async def main():
    port = int(os.environ.get("WS_PORT", "8765"))
    async with serve(handler, "127.0.0.1", port, max_size=2**20):
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
