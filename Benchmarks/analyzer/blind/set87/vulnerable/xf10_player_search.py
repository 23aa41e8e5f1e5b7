"""Player search endpoint for the draft room (supports an 'advanced' pattern mode)."""
import logging
import re
from functools import lru_cache
from typing import List

from fastapi import FastAPI, Query

log = logging.getLogger("players.search")
app = FastAPI()


@lru_cache(maxsize=1)
def player_pool() -> List[dict]:
    # loaded once from the nightly projections dump
    import json
    with open("/srv/draft/projections.json") as fh:
        return json.load(fh)


class PlayerMatcher:
    def __init__(self, term: str, mode: str = "contains"):
        self.term = term
        self.mode = mode
        self._rx = self._compile()

    def _compile(self):
        if self.mode == "advanced":
            source = self.term
        elif self.mode == "prefix":
            source = "^" + re.escape(self.term)
        else:
            source = re.escape(self.term)
        return re.compile(source, re.IGNORECASE)  # VULN flow

    def matches(self, player: dict) -> bool:
        return bool(self._rx.search(player.get("name", ""))) or bool(self._rx.search(player.get("team", "")))


@app.get("/draft/players")
def search_players(
    q: str = Query(..., min_length=1, max_length=200),
    mode: str = Query("contains"),
    position: str = Query(None),
    limit: int = Query(25, le=100),
):
    matcher = PlayerMatcher(q, mode)
    hits = []
    for player in player_pool():
        if position and player.get("pos") != position.upper():
            continue
        if matcher.matches(player):
            hits.append(player)
        if len(hits) >= limit:
            break
    return {"count": len(hits), "players": hits}
