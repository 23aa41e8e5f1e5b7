"""WebSocket relay for live match-day fan chat (served behind the nginx edge proxy)."""
import asyncio
import json
import logging
import os
from collections import defaultdict, deque

import websockets

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("fanchat")

NICK_MAX = 24
TEXT_MAX = 500
HISTORY = 50


class Room:
    def __init__(self):
        self.members = set()
        self.history = deque(maxlen=HISTORY)

    def broadcast(self, message: dict) -> None:
        data = json.dumps(message)
        self.history.append(data)
        websockets.broadcast(self.members, data)


rooms = defaultdict(Room)


async def relay(websocket):
    try:
        hello = json.loads(await asyncio.wait_for(websocket.recv(), timeout=10))
    except (asyncio.TimeoutError, ValueError):
        await websocket.close(code=1008, reason="expected hello message")
        return
    room_name = str(hello.get("match", "lobby"))[:32]
    nick = str(hello.get("nick", "anon"))[:NICK_MAX]
    room = rooms[room_name]
    room.members.add(websocket)
    log.info("%r joined room %r", nick, room_name)
    try:
        for past in list(room.history):
            await websocket.send(past)
        async for raw in websocket:
            try:
                text = str(json.loads(raw).get("text", ""))[:TEXT_MAX]
            except (ValueError, AttributeError):
                continue
            if text:
                room.broadcast({"nick": nick, "text": text})
    finally:
        room.members.discard(websocket)
        log.info("%r left room %r", nick, room_name)


async def main() -> None:
    port = int(os.environ.get("FANCHAT_PORT", "8765"))
    async with websockets.serve(relay, "127.0.0.1", port, max_size=4096):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
