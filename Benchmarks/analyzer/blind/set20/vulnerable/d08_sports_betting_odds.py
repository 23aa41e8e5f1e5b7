"""Odds aggregation service: partner feeds push snapshots, the trading UI queries markets."""
import logging
import pickle
import re
import time
import zlib
from typing import Dict, List

from aiohttp import web

log = logging.getLogger("odds")
MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024


class OddsBook:
    def __init__(self) -> None:
        self.markets: Dict[str, dict] = {}
        self.updated: Dict[str, float] = {}

    def apply(self, feed: str, snapshot: dict) -> int:
        for market_id, market in snapshot.get("markets", {}).items():
            self.markets[market_id] = market
            self.updated[market_id] = time.time()
        return len(snapshot.get("markets", {}))

    def search(self, pattern: "re.Pattern[str]", limit: int = 50) -> List[dict]:
        hits = []
        for market_id, market in self.markets.items():
            if pattern.search(market.get("name", "")):
                hits.append({"id": market_id, **market})
                if len(hits) >= limit:
                    break
        return hits


def decode_snapshot(raw: bytes) -> dict:
    inflater = zlib.decompressobj()
    data = inflater.decompress(raw, MAX_SNAPSHOT_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("snapshot too large")
    return pickle.loads(data)  # VULN flow


async def ingest_snapshot(request: web.Request) -> web.Response:
    feed = request.match_info["feed"]
    if feed not in request.app["feeds"]:
        raise web.HTTPNotFound()
    raw = await request.read()
    try:
        snapshot = decode_snapshot(raw)
    except (ValueError, zlib.error) as exc:
        log.warning("bad snapshot from %r: %r", feed, exc)
        raise web.HTTPBadRequest(text="invalid snapshot")
    count = request.app["book"].apply(feed, snapshot)
    return web.json_response({"feed": feed, "markets": count})


async def search_markets(request: web.Request) -> web.Response:
    limit = min(int(request.query.get("limit", "50")), 200)
    pattern = re.compile(request.query.get("q", ""), re.IGNORECASE)  # VULN
    hits = request.app["book"].search(pattern, limit)
    return web.json_response({"results": hits})


def build_app() -> web.Application:
    app = web.Application(client_max_size=MAX_SNAPSHOT_BYTES)
    app["book"] = OddsBook()
    app["feeds"] = {"betradar", "sportcast", "inhouse"}
    app.router.add_post("/feeds/{feed}/snapshot", ingest_snapshot)
    app.router.add_get("/markets", search_markets)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build_app(), host="127.0.0.1", port=8700)
