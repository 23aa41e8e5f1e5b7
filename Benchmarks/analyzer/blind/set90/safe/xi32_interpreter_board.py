"""Interpreter scheduling board for immigration court hearings.

Coordinators filter the board by court, language and date range; the
chosen filter is remembered in a cookie so the board reopens the same way.
"""
import base64
import datetime as dt
import json
import logging
import os
import re
import sqlite3

from aiohttp import web

log = logging.getLogger("interpreter_board")

COOKIE = "board_filter"
DB_PATH = os.environ.get("SCHEDULE_DB", "/var/lib/interpreters/schedule.db")
COURT_RE = re.compile(r"^[A-Z]{3}$")
DEFAULT_FILTER = {"court": None, "language": None, "days": 7}


def load_filter(request: web.Request) -> dict:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return dict(DEFAULT_FILTER)
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
        data = json.loads(blob.decode("utf-8"))
        return {
            "court": data.get("court") if COURT_RE.match(data.get("court") or "") else None,
            "language": str(data["language"]) if data.get("language") else None,
            "days": max(1, min(int(data.get("days", 7)), 60)),
        }
    except Exception:
        log.info("ignoring unreadable board filter cookie")
        return dict(DEFAULT_FILTER)


def dump_filter(flt: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(flt).encode("utf-8")).decode("ascii")


def query_hearings(flt: dict):
    sql = ("SELECT hearing_id, court, language, starts_at, interpreter FROM hearings "
           "WHERE starts_at BETWEEN ? AND ?")
    now = dt.datetime.utcnow()
    params = [now.isoformat(), (now + dt.timedelta(days=int(flt.get("days", 7)))).isoformat()]
    if flt.get("court"):
        sql += " AND court = ?"
        params.append(flt["court"])
    if flt.get("language"):
        sql += " AND language = ?"
        params.append(flt["language"])
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(sql + " ORDER BY starts_at", params).fetchall()


async def board(request: web.Request) -> web.Response:
    flt = load_filter(request)
    rows = query_hearings(flt)
    return web.json_response({
        "filter": flt,
        "hearings": [dict(zip(("id", "court", "language", "starts_at", "interpreter"), r)) for r in rows],
    })


async def set_filter(request: web.Request) -> web.Response:
    body = await request.json()
    court = (body.get("court") or "").upper() or None
    if court and not COURT_RE.match(court):
        raise web.HTTPBadRequest(text="court must be a 3-letter EOIR code")
    flt = {"court": court, "language": body.get("language") or None,
           "days": max(1, min(int(body.get("days", 7)), 60))}
    resp = web.json_response({"filter": flt})
    resp.set_cookie(COOKIE, dump_filter(flt), httponly=True, samesite="Lax", secure=True)
    return resp


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/board", board)
    app.router.add_post("/board/filter", set_filter)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8088)
