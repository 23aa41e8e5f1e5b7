"""Authoritative state server for the co-op dungeon prototype."""
import asyncio
import hmac
import json
import logging
import os
import secrets
import struct

log = logging.getLogger("dungeon-server")
HOST = os.environ.get("GAME_HOST", "127.0.0.1")
PORT = int(os.environ.get("GAME_PORT", "7777"))
ADMIN_KEY = os.environ.get("GAME_ADMIN_KEY", "")
MAX_FRAME = 64 * 1024


class World:
    def __init__(self):
        self.players = {}
        self.tick = 0

    def apply(self, player, msg):
        kind = msg.get("type")
        if kind == "move":
            x, y = msg["pos"]
            self.players[player]["pos"] = (int(x), int(y))
        elif kind == "chat":
            return {"type": "chat", "from": player, "text": str(msg.get("text", ""))[:200]}
        return None


world = World()
CONSOLE_COMMANDS = {
    "players": lambda: sorted(world.players),
    "tick": lambda: world.tick,
    "count": lambda: len(world.players),
}


def new_session_token():
    return secrets.token_hex(16)


async def read_frame(reader):
    (size,) = struct.unpack("!I", await reader.readexactly(4))
    if size > MAX_FRAME:
        raise ValueError("frame too large")
    payload = await reader.readexactly(size)
    msg = json.loads(payload)
    if not isinstance(msg, dict):
        raise ValueError("expected a mapping")
    return msg


def write_frame(writer, obj):
    data = json.dumps(obj).encode()
    writer.write(struct.pack("!I", len(data)) + data)


def run_console(player, command):
    action = CONSOLE_COMMANDS.get(command)
    return action() if action else f"unknown command {command!r}"


async def handle_client(reader, writer):
    hello = await read_frame(reader)
    player = str(hello.get("name", "anon"))[:24]
    is_admin = bool(ADMIN_KEY) and hmac.compare_digest(str(hello.get("admin_key", "")), ADMIN_KEY)
    token = new_session_token()
    world.players[player] = {"pos": (0, 0), "token": token}
    write_frame(writer, {"type": "welcome", "token": token, "tick": world.tick})
    try:
        while True:
            msg = await read_frame(reader)
            if not hmac.compare_digest(str(msg.get("token", "")), token):
                break
            if msg.get("type") == "console" and is_admin:
                write_frame(writer, {"type": "console", "result": repr(run_console(player, msg["code"]))})
            else:
                event = world.apply(player, msg)
                if event:
                    write_frame(writer, event)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionResetError, ValueError):
        pass
    finally:
        world.players.pop(player, None)
        writer.close()
        log.info("player %r disconnected", player)


async def main():
    server = await asyncio.start_server(handle_client, HOST, PORT)
    log.info("listening on %s:%d", HOST, PORT)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
