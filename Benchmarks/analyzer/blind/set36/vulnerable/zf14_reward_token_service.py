"""Issues and redeems loyalty reward codes for the resort group's guest app."""
import hashlib
import hmac
import os
import random
import string
from datetime import datetime, timedelta, timezone

import asyncpg
from sanic import Sanic, json
from sanic.exceptions import BadRequest, Forbidden, NotFound

app = Sanic("loyalty_rewards")

CODE_ALPHABET = string.ascii_uppercase + string.digits
CODE_TTL = timedelta(days=30)
STAFF_API_KEY = os.environ["LOYALTY_STAFF_API_KEY"]


@app.before_server_start
async def open_pool(app, _loop):
    app.ctx.pool = await asyncpg.create_pool(dsn=os.environ["LOYALTY_DSN"], min_size=1, max_size=8)


def generate_code(length=12):
    return "".join(random.choice(CODE_ALPHABET) for _ in range(length))  # VULN


def pin_matches(pin, member):
    digest = hashlib.md5(pin.encode("utf-8")).hexdigest()  # VULN
    return hmac.compare_digest(digest, member["pin_hash"])


@app.post("/members/<member_id:int>/rewards")
async def issue_reward(request, member_id):
    if not hmac.compare_digest(request.headers.get("x-staff-key", ""), STAFF_API_KEY):
        raise Forbidden("staff key required")
    points = int((request.json or {}).get("points", 0))
    if not 100 <= points <= 50_000:
        raise BadRequest("points must be between 100 and 50000")
    code = generate_code()
    expires = datetime.now(timezone.utc) + CODE_TTL
    async with app.ctx.pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO reward_codes (code, member_id, points, expires_at) VALUES ($1, $2, $3, $4)",
            code, member_id, points, expires,
        )
    return json({"code": code, "points": points, "expires_at": expires.isoformat()}, status=201)


@app.post("/rewards/redeem")
async def redeem(request):
    body = request.json or {}
    code = str(body.get("code", "")).upper()
    pin = str(body.get("pin", ""))
    async with app.ctx.pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT r.points, r.member_id, m.pin_hash FROM reward_codes r JOIN members m ON m.id = r.member_id "
            "WHERE r.code = $1 AND r.redeemed_at IS NULL AND r.expires_at > now()",
            code,
        )
        if row is None:
            raise NotFound("unknown or expired code")
        if not pin_matches(pin, row):
            raise Forbidden("incorrect PIN")
        await conn.execute("UPDATE reward_codes SET redeemed_at = now() WHERE code = $1", code)
    return json({"member_id": row["member_id"], "points": row["points"]})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8010)
