"""Season leaderboard API."""
import os
from contextlib import contextmanager
from typing import Iterator, List, Optional

import psycopg2
import psycopg2.extras
from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="leaderboards")
DSN = os.environ.get("LEADERBOARD_DSN", "dbname=arena user=arena_ro host=db.internal")


class Row(BaseModel):
    rank: int
    player: str
    rating: int
    wins: int
    losses: int
    kd_ratio: float


@contextmanager
def cursor() -> Iterator[psycopg2.extras.RealDictCursor]:
    conn = psycopg2.connect(DSN)
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
    finally:
        conn.close()


class LeaderboardQuery:
    def __init__(self, season: int, sort: str, direction: str, region: Optional[str]):
        self.season = season
        self.sort = sort
        self.direction = direction
        self.region = region

    def order_clause(self) -> str:
        return f"ORDER BY {self.sort} {self.direction}, s.player_id ASC"

    def sql(self) -> str:
        where = "WHERE s.season = %(season)s"
        if self.region:
            where += " AND p.region = %(region)s"
        return (
            "SELECT p.display_name AS player, s.rating, s.wins, s.losses, "
            "COALESCE(s.kills::float / NULLIF(s.deaths, 0), s.kills) AS kd_ratio "
            "FROM season_stats s JOIN players p ON p.id = s.player_id "
            f"{where} {self.order_clause()} LIMIT %(limit)s OFFSET %(offset)s"
        )


@app.get("/seasons/{season}/leaderboard", response_model=List[Row])
def leaderboard(
    season: int,
    sort: str = Query("rating"),
    direction: str = Query("desc"),
    region: Optional[str] = None,
    page: int = Query(1, ge=1, le=500),
):
    query = LeaderboardQuery(season, sort, direction, region)
    params = {"season": season, "region": region, "limit": 50, "offset": (page - 1) * 50}
    with cursor() as cur:
        try:
            cur.execute(query.sql(), params)  # VULN flow
        except psycopg2.Error:
            raise HTTPException(status_code=400, detail="invalid leaderboard query")
        rows = cur.fetchall()
    start = (page - 1) * 50
    return [Row(rank=start + i + 1, **r) for i, r in enumerate(rows)]
