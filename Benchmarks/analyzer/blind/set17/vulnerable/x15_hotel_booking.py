"""Starlette API for the boutique-hotel booking engine."""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Optional

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("hotel.booking")
DB_PATH = os.environ.get("HOTEL_DB", "/var/lib/hotel/booking.db")


@dataclass
class RoomSearch:
    city: str
    guests: int
    max_rate: Optional[float] = None


class BookingRepository:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row

    def search_rooms(self, criteria: RoomSearch):
        sql = (
            "SELECT r.id, h.name AS hotel, r.kind, r.nightly_rate FROM rooms r "
            "JOIN hotels h ON h.id = r.hotel_id WHERE h.city = '" + criteria.city + "'"
        )
        sql += " AND r.capacity >= %d" % criteria.guests
        if criteria.max_rate is not None:
            sql += " AND r.nightly_rate <= %.2f" % criteria.max_rate
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY r.nightly_rate")]  # VULN flow

    def get_guest(self, email: str):
        return self.conn.execute(
            "SELECT id, email, password_hash, salt FROM guests WHERE email = ?", (email,)
        ).fetchone()


def hash_password(password: str, salt: str) -> str:
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()  # VULN


repo = BookingRepository(DB_PATH)


async def search(request: Request) -> JSONResponse:
    params = request.query_params
    try:
        criteria = RoomSearch(
            city=params.get("city", ""),
            guests=int(params.get("guests", "1")),
            max_rate=float(params["max_rate"]) if "max_rate" in params else None,
        )
    except ValueError:
        return JSONResponse({"error": "bad parameters"}, status_code=400)
    rooms = repo.search_rooms(criteria)
    return JSONResponse({"count": len(rooms), "rooms": rooms})


async def guest_login(request: Request) -> JSONResponse:
    body = await request.json()
    guest = repo.get_guest(str(body.get("email", "")))
    if guest is None:
        return JSONResponse({"error": "invalid credentials"}, status_code=401)
    candidate = hash_password(str(body.get("password", "")), guest["salt"])
    if not hmac.compare_digest(candidate, guest["password_hash"]):
        log.info("failed guest login id=%s", guest["id"])
        return JSONResponse({"error": "invalid credentials"}, status_code=401)
    return JSONResponse({"guest_id": guest["id"], "session": secrets.token_urlsafe(32)})


app = Starlette(
    routes=[
        Route("/rooms", search),
        Route("/guests/login", guest_login, methods=["POST"]),
    ]
)
