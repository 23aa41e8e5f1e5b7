"""Match statistics API for the league analytics service."""
import os
from typing import List, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

engine = create_engine(
    os.environ.get("STATS_DATABASE_URL", "sqlite:///league_stats.db"), pool_pre_ping=True
)

router = APIRouter(prefix="/v1/stats", tags=["stats"])

LINE_COLUMNS = "player, team, minutes, goals, assists, xg"


class PlayerLine(BaseModel):
    player: str
    team: str
    minutes: int
    goals: int
    assists: int
    xg: float


class StatsQuery(BaseModel):
    season: int
    team: Optional[str] = None
    sort_by: str = "goals"
    direction: str = "desc"
    limit: int = 25


def get_conn():
    with engine.connect() as conn:
        yield conn


def stats_query(
    season: int = Query(..., ge=1990, le=2100),
    team: Optional[str] = Query(None, max_length=64),
    sort_by: str = Query("goals", max_length=32),
    direction: str = Query("desc", max_length=8),
    limit: int = Query(25, ge=1, le=200),
) -> StatsQuery:
    return StatsQuery(season=season, team=team, sort_by=sort_by, direction=direction, limit=limit)


def _leaderboard_sql(q: StatsQuery) -> str:
    where = "WHERE season = :season"
    if q.team:
        where += " AND team = :team"
    return (
        f"SELECT {LINE_COLUMNS} FROM player_season_lines "
        f"{where} ORDER BY {q.sort_by} {q.direction} LIMIT :limit"
    )


@router.get("/leaderboard", response_model=List[PlayerLine])
def leaderboard(q: StatsQuery = Depends(stats_query), conn: Connection = Depends(get_conn)):
    sql = _leaderboard_sql(q)
    params = {"season": q.season, "team": q.team, "limit": q.limit}
    rows = conn.execute(text(sql), params).mappings().all()  # VULN flow
    return [PlayerLine(**row) for row in rows]


@router.get("/players/search", response_model=List[PlayerLine])
def search_players(
    name: str = Query(..., min_length=2, max_length=40),
    season: int = Query(..., ge=1990, le=2100),
    conn: Connection = Depends(get_conn),
):
    sql = (
        f"SELECT {LINE_COLUMNS} FROM player_season_lines "
        f"WHERE season = :season AND player LIKE '%{name}%' ORDER BY player LIMIT 50"
    )
    rows = conn.execute(text(sql), {"season": season}).mappings().all()  # VULN flow
    return [PlayerLine(**row) for row in rows]


@router.get("/players/{player_id}", response_model=PlayerLine)
def player_line(
    player_id: int,
    season: int = Query(..., ge=1990, le=2100),
    conn: Connection = Depends(get_conn),
):
    row = conn.execute(
        text(
            f"SELECT {LINE_COLUMNS} FROM player_season_lines "
            "WHERE player_id = :pid AND season = :season"
        ),
        {"pid": player_id, "season": season},
    ).mappings().first()
    if row is None:
        raise HTTPException(status_code=404, detail="player not found")
    return PlayerLine(**row)
