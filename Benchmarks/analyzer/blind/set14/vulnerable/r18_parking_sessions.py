"""Parking session lookup API used by enforcement officers' handhelds."""
import logging
import os
import sqlite3

from starlette.applications import Starlette
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware import Middleware
from starlette.responses import JSONResponse
from starlette.routing import Route

from parking.auth import OfficerTokenBackend

log = logging.getLogger("parking.api")
DB_PATH = os.environ.get("PARKING_DB", "/var/lib/parking/sessions.db")


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def normalise_plate(raw):
    return raw.upper().replace(" ", "").replace("-", "")


async def active_sessions(request):
    if not request.user.is_authenticated:
        return JSONResponse({"error": "unauthorised"}, status_code=401)
    plate = normalise_plate(request.query_params.get("plate", ""))
    zone = request.query_params.get("zone")
    log.info("officer %s looked up plate " + plate, request.user.display_name)  # VULN flow
    sql = (
        "SELECT plate, zone, started_at, expires_at FROM sessions "
        f"WHERE plate = '{plate}' AND expires_at > datetime('now')"
    )
    if zone:
        sql += f" AND zone = '{zone}'"
    conn = get_db()
    try:
        rows = conn.execute(sql).fetchall()  # VULN flow
    finally:
        conn.close()
    return JSONResponse({"plate": plate, "active": [dict(r) for r in rows]})


async def issue_citation(request):
    if not request.user.is_authenticated:
        return JSONResponse({"error": "unauthorised"}, status_code=401)
    data = await request.json()
    conn = get_db()
    try:
        cur = conn.execute(
            "INSERT INTO citations (plate, zone, officer_id, reason) VALUES (?, ?, ?, ?)",
            (normalise_plate(data["plate"]), data["zone"], request.user.officer_id, data.get("reason", "")),
        )
        conn.commit()
    finally:
        conn.close()
    log.info("citation %d issued by officer %d", cur.lastrowid, request.user.officer_id)
    return JSONResponse({"citation_id": cur.lastrowid}, status_code=201)


app = Starlette(
    routes=[
        Route("/sessions", active_sessions, methods=["GET"]),
        Route("/citations", issue_citation, methods=["POST"]),
    ],
    middleware=[Middleware(AuthenticationMiddleware, backend=OfficerTokenBackend())],
)
