"""Sanic API for the veterinary clinic's appointment booking app."""
import logging
import os
from datetime import datetime, timedelta, timezone

import jwt
from sanic import Sanic, json
from sanic.exceptions import BadRequest, Unauthorized

log = logging.getLogger("vetclinic")
app = Sanic("vetclinic")

JWT_SECRET = os.environ["VETCLINIC_JWT_SECRET"]
TOKEN_TTL = timedelta(hours=8)
APPOINTMENTS = {}


def issue_token(owner_id):
    now = datetime.now(timezone.utc)
    claims = {"sub": str(owner_id), "iat": now, "exp": now + TOKEN_TTL, "role": "owner"}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def decode_token(token):
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})


def current_owner(request):
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise Unauthorized("missing bearer token")
    try:
        claims = decode_token(header[len("Bearer "):])
    except jwt.PyJWTError as exc:
        raise Unauthorized(f"invalid token: {exc}")
    return claims["sub"], claims.get("role", "owner")


@app.post("/appointments")
async def book(request):
    owner_id, _ = current_owner(request)
    body = request.json or {}
    try:
        when = datetime.fromisoformat(body["when"])
        pet = str(body["pet"])[:60]
    except (KeyError, ValueError):
        raise BadRequest("when and pet are required")
    appt_id = len(APPOINTMENTS) + 1
    APPOINTMENTS[appt_id] = {"owner": owner_id, "pet": pet, "when": when.isoformat()}
    log.info("owner %r booked appointment %s", owner_id, appt_id)
    return json({"id": appt_id, **APPOINTMENTS[appt_id]}, status=201)


@app.get("/appointments")
async def list_appointments(request):
    owner_id, role = current_owner(request)
    if role == "staff":
        visible = APPOINTMENTS
    else:
        visible = {k: v for k, v in APPOINTMENTS.items() if v["owner"] == owner_id}
    return json({"appointments": [{"id": k, **v} for k, v in sorted(visible.items())]})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("VETCLINIC_HOST", "127.0.0.1"), port=8000, debug=False)
