"""Listener request line.

The SMS gateway posts inbound texts here ("Dancing Queen by ABBA"); we match
the request against the playout library and add it to the studio's request
list, replying with a short confirmation text.
"""
import logging
import os
from typing import Optional, Tuple
from xml.sax.saxutils import escape

import aiosqlite
from aiohttp import web

log = logging.getLogger("requestline")
DB_PATH = os.environ.get("REQUESTLINE_DB", "/var/lib/radio/requests.db")
MAX_SMS = 480


def parse_request(text: str) -> Tuple[str, str]:
    text = " ".join(text.split())
    if text.lower().startswith("play "):
        text = text[5:]
    idx = text.lower().rfind(" by ")
    if idx == -1:
        return text, ""
    return text[:idx].strip(), text[idx + 4:].strip()


async def find_track(db: aiosqlite.Connection, title: str, artist: str) -> Optional[tuple]:
    query = "SELECT id, title, artist FROM library WHERE explicit = 0 AND title LIKE ?"
    params = ["%" + title + "%"]
    if artist:
        query += " AND artist LIKE ?"
        params.append("%" + artist + "%")
    query += " ORDER BY plays DESC LIMIT 1"
    async with db.execute(query, params) as cur:
        return await cur.fetchone()


def reply(message: str) -> web.Response:
    return web.Response(
        text=f"<Response><Message>{escape(message)}</Message></Response>",
        content_type="application/xml",
    )


async def sms_webhook(request: web.Request) -> web.Response:
    form = await request.post()
    sender = str(form.get("From", ""))
    body = str(form.get("Body", ""))[:MAX_SMS]
    log.info("request text from ...%r: %r", sender[-4:], body)

    title, artist = parse_request(body)
    if not title:
        return reply("Text us a song, e.g. 'Dancing Queen by ABBA'.")
    db: aiosqlite.Connection = request.app["db"]
    track = await find_track(db, title, artist)
    if track is None:
        return reply("Sorry, we couldn't find that one in the library.")

    await db.execute(
        "INSERT INTO requests (track_id, sender, received_at) VALUES (?, ?, datetime('now'))",
        (track[0], sender),
    )
    await db.commit()
    return reply(f"Thanks! {track[1]} by {track[2]} is on the request list.")


async def _database(app: web.Application):
    app["db"] = await aiosqlite.connect(DB_PATH)
    yield
    await app["db"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_database)
    app.router.add_post("/hooks/sms", sms_webhook)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8092)
