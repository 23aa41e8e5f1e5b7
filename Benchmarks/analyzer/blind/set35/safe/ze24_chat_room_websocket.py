"""Chat room websocket server: history replay and message fan-out."""
import asyncio
import json
import logging
import os
import sqlite3
import time

import websockets

log = logging.getLogger("chat")

DB_PATH = os.environ.get("CHAT_DB", "chat.db")
ROOMS = {}


class History:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def append(self, room, author, body):
        self.conn.execute(
            "INSERT INTO messages (room, author, body, ts) VALUES (?, ?, ?, ?)",
            (room, author, body, time.time()),
        )
        self.conn.commit()

    def recent(self, room, since):
        query = (
            "SELECT author, body, ts FROM messages "
            "WHERE room = ? AND ts > ? ORDER BY ts LIMIT 200"
        )
        return self.conn.execute(query, (room, float(since))).fetchall()


history = History(DB_PATH)


async def replay(websocket, room, since):
    for author, body, ts in history.recent(room, since):
        await websocket.send(json.dumps({"type": "history", "author": author, "body": body, "ts": ts}))


async def handler(websocket):
    hello = json.loads(await websocket.recv())
    room = str(hello.get("room", "lobby"))[:64]
    user = str(hello.get("user", "guest"))[:32]
    since = hello.get("since", 0)
    await replay(websocket, room, since)
    members = ROOMS.setdefault(room, set())
    members.add(websocket)
    try:
        async for raw in websocket:
            message = json.loads(raw)
            text = str(message.get("body", ""))[:2000]
            if not text:
                continue
            history.append(room, user, text)
            event = {"type": "message", "author": user, "body": text, "ts": time.time()}
            websockets.broadcast(members, json.dumps(event))
    finally:
        members.discard(websocket)
        log.info("user %r left room %r", user, room)


async def main():
    async with websockets.serve(handler, "127.0.0.1", 8765, max_size=64 * 1024):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
