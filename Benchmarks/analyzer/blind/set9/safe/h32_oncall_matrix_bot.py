"""On-call helper bot for the #incidents Matrix room."""
import asyncio
import logging
import os
import re

import aiohttp
from nio import AsyncClient, MatrixRoom, RoomMessageText

logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO)
logger = logging.getLogger("oncall")

HOMESERVER = os.environ.get("MATRIX_HOMESERVER", "https://matrix.example.org")
BOT_USER = os.environ.get("MATRIX_USER", "@oncall-bot:example.org")
HEALTH_ENDPOINTS = {
    "api": "https://api.example.org/healthz",
    "web": "https://www.example.org/healthz",
    "search": "https://search.example.org/healthz",
}
INCIDENT_RE = re.compile(r"INC-\d{1,8}")


class OncallBot:
    def __init__(self) -> None:
        self.client = AsyncClient(HOMESERVER, BOT_USER)
        self.http: aiohttp.ClientSession = None

    async def reply(self, room: MatrixRoom, text: str) -> None:
        await self.client.room_send(
            room.room_id, "m.room.message", {"msgtype": "m.notice", "body": text}
        )

    async def on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        body = event.body.strip()
        if body.startswith("!ack "):
            incident = body[len("!ack "):].strip()
            if not INCIDENT_RE.fullmatch(incident):
                await self.reply(room, "Usage: !ack INC-1234")
                return
            logger.info("incident %s acknowledged by %r", incident, event.sender)
            await self.reply(room, f"Acknowledged {incident}")
        elif body.startswith("!check "):
            url = HEALTH_ENDPOINTS.get(body.split(maxsplit=1)[1].strip())
            if url is None:
                await self.reply(room, "Known services: " + ", ".join(sorted(HEALTH_ENDPOINTS)))
                return
            try:
                async with self.http.get(url, timeout=aiohttp.ClientTimeout(total=5)) as resp:
                    await self.reply(room, f"{resp.status} {resp.reason}")
            except aiohttp.ClientError as exc:
                await self.reply(room, f"check failed: {exc.__class__.__name__}")

    async def run(self) -> None:
        self.http = aiohttp.ClientSession()
        await self.client.login(os.environ["MATRIX_PASSWORD"])
        self.client.add_event_callback(self.on_message, RoomMessageText)
        try:
            await self.client.sync_forever(timeout=30000)
        finally:
            await self.http.close()
            await self.client.close()


if __name__ == "__main__":
    asyncio.run(OncallBot().run())
