"""Matchmaking ticket intake (Starlette).

Game clients submit a party ticket describing the party, preferred regions and
skill snapshot; the ticket is queued for the matcher.
"""
import json
import logging
import time
import uuid

import jsonpickle
import redis.asyncio as aioredis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("mm.intake")
rdb = aioredis.from_url("redis://localhost:6379/4")

QUEUE_KEY = "mm:tickets:{playlist}"
PLAYLISTS = {"ranked-5v5", "casual-5v5", "duos"}


class PartyTicket:
    def __init__(self, party_id, members, regions, mmr, playlist):
        self.party_id = party_id
        self.members = members
        self.regions = regions
        self.mmr = mmr
        self.playlist = playlist

    def as_queue_entry(self) -> dict:
        return {
            "ticket": str(uuid.uuid4()),
            "party": self.party_id,
            "size": len(self.members),
            "regions": list(self.regions)[:3],
            "mmr": int(self.mmr),
            "queued_at": time.time(),
        }


async def submit_ticket(request: Request) -> JSONResponse:
    raw = (await request.body()).decode("utf-8")
    ticket = jsonpickle.decode(raw)  # VULN flow
    if not isinstance(ticket, PartyTicket) or ticket.playlist not in PLAYLISTS:
        return JSONResponse({"error": "invalid ticket"}, status_code=400)
    if not 1 <= len(ticket.members) <= 5:
        return JSONResponse({"error": "bad party size"}, status_code=400)
    entry = ticket.as_queue_entry()
    await rdb.rpush(QUEUE_KEY.format(playlist=ticket.playlist), json.dumps(entry))
    log.info("queued party %r on %s", ticket.party_id, ticket.playlist)
    return JSONResponse({"ticket": entry["ticket"]}, status_code=202)


async def queue_depth(request: Request) -> JSONResponse:
    playlist = request.path_params["playlist"]
    if playlist not in PLAYLISTS:
        return JSONResponse({"error": "unknown playlist"}, status_code=404)
    depth = await rdb.llen(QUEUE_KEY.format(playlist=playlist))
    return JSONResponse({"playlist": playlist, "depth": depth})


app = Starlette(routes=[
    Route("/mm/tickets", submit_ticket, methods=["POST"]),
    Route("/mm/queues/{playlist}", queue_depth),
])
