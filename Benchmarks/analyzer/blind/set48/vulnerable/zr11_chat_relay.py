"""Line-based chat relay used by the lobby server.

Clients connect over TCP and speak JSON lines: ``{"op": "nick", "name": ...}``
first, then ``{"op": "msg", "channel": ..., "text": ...}``. Every message is
broadcast to the channel and written to the chat log the moderators review.
"""
import asyncio
import json
import logging
import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, Set

logging.basicConfig(
    filename=os.environ.get("CHAT_LOG", "chat.log"),
    format="%(asctime)s %(levelname)s %(message)s",
    level=logging.INFO,
)
log = logging.getLogger("lobby.chat")

MAX_LINE = 512


def decode_frame(raw: bytes) -> dict:
    try:
        frame = json.loads(raw[: MAX_LINE * 4].decode("utf-8", "replace"))
    except ValueError:
        return {}
    return frame if isinstance(frame, dict) else {}


@dataclass(eq=False)
class Player:
    name: str
    writer: asyncio.StreamWriter
    channels: Set[str] = field(default_factory=set)


class ChatRelay:
    def __init__(self) -> None:
        self.channels: Dict[str, Set[Player]] = defaultdict(set)

    async def broadcast(self, channel: str, sender: Player, text: str) -> None:
        line = f"{channel} <{sender.name}> {text}\n".encode("utf-8", "replace")
        for member in list(self.channels[channel]):
            try:
                member.writer.write(line)
                await member.writer.drain()
            except ConnectionError:
                self.channels[channel].discard(member)

    async def handle_message(self, player: Player, channel: str, text: str) -> None:
        if channel not in player.channels:
            player.channels.add(channel)
            self.channels[channel].add(player)
        log.info("chat %s <%s> %s", channel, player.name, text)  # VULN flow
        await self.broadcast(channel, player, text)

    async def serve_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        hello = decode_frame(await reader.readline())
        if hello.get("op") != "nick" or not hello.get("name"):
            writer.close()
            return
        player = Player(name=str(hello["name"]).strip()[:32], writer=writer)
        log.info(f"player {player.name} joined from {peer[0]}")  # VULN flow
        try:
            while True:
                raw = await reader.readline()
                if not raw:
                    break
                frame = decode_frame(raw)
                op = frame.get("op")
                if op == "msg":
                    channel = str(frame.get("channel") or "#lobby")[:32]
                    await self.handle_message(player, channel, str(frame.get("text", ""))[:MAX_LINE])
                elif op == "quit":
                    break
        finally:
            for channel in player.channels:
                self.channels[channel].discard(player)
            writer.close()


async def main() -> None:
    relay = ChatRelay()
    host = os.environ.get("CHAT_BIND", "127.0.0.1")
    server = await asyncio.start_server(relay.serve_client, host, int(os.environ.get("CHAT_PORT", "6667")))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
