"""Match statistics API for the league analytics service."""
import os
from typing import List, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

engine = create_engine(
    os.environ.get("STATS_DATABASE_URL", "sqlite:///league_stats.db"), pool_pre_ping=True
)

router = APIRouter(prefix="/v1/stats", tags=["stats"])

LINE_COLUMNS = "player, team, minutes, goals, assists, xg"
SORT_COLUMNS = {"goals": "goals", "assists": "assists", "xg": "xg", "minutes": "minutes"}


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
    direction: Literal["asc", "desc"] = "desc"
    limit: int = 25


def get_conn():
    with engine.connect() as conn:
        yield conn


def stats_query(
    season: int = Query(..., ge=1990, le=2100),
    team: Optional[str] = Query(None, max_length=64),
    sort_by: str = Query("goals", max_length=32),
    direction: Literal["asc", "desc"] = Query("desc"),
    limit: int = Query(25, ge=1, le=200),
) -> StatsQuery:
    return StatsQuery(season=season, team=team, sort_by=sort_by, direction=direction, limit=limit)


def _leaderboard_sql(q: StatsQuery) -> str:
    column = SORT_COLUMNS.get(q.sort_by)
    if column is None:
        raise HTTPException(status_code=422, detail="unsupported sort column")
    direction = "ASC" if q.direction == "asc" else "DESC"
    where = "WHERE season = :season"
    if q.team:
        where += " AND team = :team"
    return (
        f"SELECT {LINE_COLUMNS} FROM player_season_lines "
        f"{where} ORDER BY {column} {direction} LIMIT :limit"
    )


@router.get("/leaderboard", response_model=List[PlayerLine])
def leaderboard(q: StatsQuery = Depends(stats_query), conn: Connection = Depends(get_conn)):
    sql = _leaderboard_sql(q)
    params = {"season": q.season, "team": q.team, "limit": q.limit}
    rows = conn.execute(text(sql), params).mappings().all()
    return [PlayerLine(**row) for row in rows]


@router.get("/players/search", response_model=List[PlayerLine])
def search_players(
    name: str = Query(..., min_length=2, max_length=40),
    season: int = Query(..., ge=1990, le=2100),
    conn: Connection = Depends(get_conn),
):
    sql = (
        f"SELECT {LINE_COLUMNS} FROM player_season_lines "
        "WHERE season = :season AND player LIKE :pattern ORDER BY player LIMIT 50"
    )
    params = {"season": season, "pattern": f"%{name}%"}
    rows = conn.execute(text(sql), params).mappings().all()
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
