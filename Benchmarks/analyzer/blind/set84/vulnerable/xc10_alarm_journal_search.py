"""Alarm journal search for the pipeline control room (Starlette)."""
import os
import re
import sqlite3
from collections import Counter

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

DB_PATH = os.environ.get("ALARM_DB", "/var/lib/scada/alarm_journal.db")
MAX_ROWS = 20000


def recent_alarms(hours: int):
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(
            "SELECT ts, station, tag, message FROM alarm_journal "
            "WHERE ts >= datetime('now', ?) ORDER BY ts DESC LIMIT ?",
            (f"-{hours} hours", MAX_ROWS),
        ).fetchall()
    finally:
        conn.close()


class AlarmQuery:
    def __init__(self, params):
        self.text = params.get("q", "")
        self.station = params.get("station", "")
        self.hours = max(1, min(int(params.get("hours", "24")), 720))

    def matcher(self):
        return re.compile(self.text, re.IGNORECASE)  # VULN flow

    def wants(self, station: str) -> bool:
        return not self.station or station == self.station


async def search(request):
    try:
        query = AlarmQuery(request.query_params)
    except ValueError:
        return JSONResponse({"error": "hours must be an integer"}, status_code=400)
    if not query.text:
        return JSONResponse({"error": "q is required"}, status_code=400)
    try:
        pattern = query.matcher()
    except re.error as exc:
        return JSONResponse({"error": f"bad pattern: {exc}"}, status_code=400)
    hits = [
        {"ts": ts, "station": station, "tag": tag, "message": msg}
        for ts, station, tag, msg in recent_alarms(query.hours)
        if query.wants(station) and pattern.search(msg)
    ]
    return JSONResponse({"count": len(hits), "hits": hits[:500]})


async def tag_counts(request):
    tag_re = re.compile(request.query_params.get("tag", ".*"))  # VULN
    counts = Counter(tag for _, _, tag, _ in recent_alarms(24) if tag_re.fullmatch(tag))
    return JSONResponse(dict(counts.most_common(50)))


app = Starlette(routes=[
    Route("/alarms/search", search),
    Route("/alarms/tags", tag_counts),
])
