"""On-call helper bot for the #incidents Matrix room."""
import asyncio
import logging
import os

import aiohttp
from nio import AsyncClient, MatrixRoom, RoomMessageText

logging.basicConfig(
    filename="/var/log/oncall-bot/audit.log",
    format="%(asctime)s %(levelname)s %(message)s",
    level=logging.INFO,
)
logger = logging.getLogger("oncall")

HOMESERVER = os.environ.get("MATRIX_HOMESERVER", "https://matrix.example.org")
BOT_USER = os.environ.get("MATRIX_USER", "@oncall-bot:example.org")


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
            incident = body[len("!ack "):]
            entry = f"incident acknowledged by {event.sender}: {incident}"
            logger.info(entry)  # VULN flow
            await self.reply(room, f"Acknowledged {incident}")
        elif body.startswith("!check "):
            url = body.split(maxsplit=1)[1]
            try:
                async with self.http.get(url, timeout=aiohttp.ClientTimeout(total=5)) as resp:  # VULN flow
                    text = (await resp.text())[:300]
                    await self.reply(room, f"{resp.status} {resp.reason}\n{text}")
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
