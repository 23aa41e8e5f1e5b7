"""Leaderboard service for the mobile game."""
import logging
import os
import sqlite3

from aiohttp import web

log = logging.getLogger("leaderboard")
db = sqlite3.connect(os.environ.get("LEADERBOARD_DB", "scores.db"))
db.execute("CREATE TABLE IF NOT EXISTS scores (player TEXT, score INTEGER, level INTEGER, ts TEXT)")
db.execute("CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, player TEXT)")


def player_for(request):
    token = request.headers.get("X-Game-Session", "")
    row = db.execute("SELECT player FROM sessions WHERE token = ?", (token,)).fetchone()
    if row is None:
        raise web.HTTPUnauthorized()
    return row[0]


async def top(request):
    sort = request.query.get("sort", "score")
    direction = "ASC" if request.query.get("dir") == "asc" else "DESC"
    limit = min(int(request.query.get("limit", "20")), 100)
    sql = "SELECT player, score, level FROM scores ORDER BY %s %s LIMIT %d" % (sort, direction, limit)
    rows = db.execute(sql).fetchall()  # VULN flow
    return web.json_response([{"player": p, "score": s, "level": lv} for p, s, lv in rows])


async def submit(request):
    player = player_for(request)
    data = await request.json()
    score = int(data.get("score", 0))
    level = int(data.get("level", 1))
    note = str(data.get("device", "unknown"))
    if score < 0 or level < 1:
        raise web.HTTPBadRequest(text="invalid score")
    db.execute(
        "INSERT INTO scores (player, score, level, ts) VALUES (?, ?, ?, datetime('now'))", (player, score, level)
    )
    db.commit()
    log.info("score accepted player=%s score=%d device=%s" % (player, score, note))  # VULN flow
    return web.json_response({"ok": True})


def make_app():
    app = web.Application()
    app.router.add_get("/top", top)
    app.router.add_post("/scores", submit)
    return app


if __name__ == "__main__":
    logging.basicConfig(filename="leaderboard.log", level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
