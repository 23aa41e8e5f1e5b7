"""Leaderboard API for the mobile puzzle game (aiohttp + SQLite)."""
import os

import aiosqlite
from aiohttp import web

DB_PATH = os.environ.get("LEADERBOARD_DB", "leaderboard.db")
routes = web.RouteTableDef()
SORT_COLUMNS = {"score": "score", "wins": "wins", "player": "player", "updated": "updated_at"}


class LeaderboardQuery:
    def __init__(self, params):
        self.season = params.get("season", "current")
        self.sort = SORT_COLUMNS.get(params.get("sort", "score"), "score")
        self.direction = "ASC" if params.get("dir", "desc").lower() == "asc" else "DESC"
        try:
            self.limit = max(1, min(int(params.get("limit", 25)), 100))
        except ValueError:
            self.limit = 25

    def sql(self):
        return (
            "SELECT player, score, wins, updated_at FROM leaderboard "
            "WHERE season = ? "
            f"ORDER BY {self.sort} {self.direction} LIMIT ?"
        )


@routes.get("/leaderboard")
async def top_players(request):
    q = LeaderboardQuery(request.query)
    async with aiosqlite.connect(DB_PATH) as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(q.sql(), (q.season, q.limit)) as cur:
            rows = [dict(r) for r in await cur.fetchall()]
    return web.json_response({"season": q.season, "players": rows})


@routes.post("/scores")
async def submit_score(request):
    body = await request.json()
    try:
        player = str(body["player"])[:32]
        score = int(body["score"])
        won = bool(body.get("won", False))
    except (KeyError, TypeError, ValueError):
        raise web.HTTPBadRequest(text="invalid score")
    async with aiosqlite.connect(DB_PATH) as db:
        await db.execute(
            "INSERT INTO leaderboard (season, player, score, wins, updated_at) "
            "VALUES ('current', ?, ?, ?, datetime('now')) "
            "ON CONFLICT(season, player) DO UPDATE SET "
            "score = max(score, excluded.score), wins = wins + excluded.wins, "
            "updated_at = excluded.updated_at",
            (player, score, int(won)),
        )
        await db.commit()
    return web.json_response({"ok": True}, status=201)


def make_app():
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8080)
