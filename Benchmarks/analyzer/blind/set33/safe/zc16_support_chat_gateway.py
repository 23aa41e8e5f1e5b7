"""Websocket gateway for the in-game support chat."""
import asyncio
import json
import logging
import secrets
import string
import time
from collections import defaultdict

import websockets

logger = logging.getLogger("chat.gateway")
ROOMS = defaultdict(set)
TOKEN_ALPHABET = string.ascii_letters + string.digits


def new_session_token(length=32):
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


class ChatSession:
    def __init__(self, ws, nickname, room):
        self.ws = ws
        self.nickname = nickname
        self.room = room
        self.token = new_session_token()
        self.joined_at = time.time()

    async def send(self, message):
        try:
            await self.ws.send(json.dumps(message))
        except websockets.ConnectionClosed:
            ROOMS[self.room].discard(self)


async def broadcast(room, message, exclude=None):
    await asyncio.gather(*(s.send(message) for s in list(ROOMS[room]) if s is not exclude))


async def handler(ws):
    try:
        hello = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
    except (asyncio.TimeoutError, json.JSONDecodeError):
        await ws.close(code=4000, reason="expected hello message")
        return
    session = ChatSession(ws, str(hello.get("nickname", "guest"))[:32], str(hello.get("room", "lobby"))[:32])
    ROOMS[session.room].add(session)
    logger.info("%r joined room %r", session.nickname, session.room)
    await session.send({"type": "welcome", "token": session.token, "room": session.room})
    await broadcast(session.room, {"type": "joined", "nickname": session.nickname}, exclude=session)
    try:
        async for raw in ws:
            text = str(json.loads(raw).get("text", ""))[:1000]
            if text:
                await broadcast(session.room, {"type": "message", "from": session.nickname, "text": text})
    except (json.JSONDecodeError, websockets.ConnectionClosed):
        pass
    finally:
        ROOMS[session.room].discard(session)
        await broadcast(session.room, {"type": "left", "nickname": session.nickname})


async def main():
    async with websockets.serve(handler, "127.0.0.1", 8765, max_size=64 * 1024):
        await asyncio.Future()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
