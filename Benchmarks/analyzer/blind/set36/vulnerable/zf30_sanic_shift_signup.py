"""Volunteer shift sign-up pages for the community kitchens charity."""
import html as html_lib
import os

import asyncpg
from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound
from sanic.response import html

app = Sanic("shift_signup")

CONFIRMATION_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signed up!</title></head>
<body>
  <h1>Thanks, {name}!</h1>
  <p>You're booked for <strong>{shift}</strong> at {kitchen} on {starts}.</p>
  <p>{spots_left} spots are still open - share the link with a friend.</p>
  <a href="/shifts">Back to all shifts</a>
</body></html>"""


@app.before_server_start
async def open_pool(app, _loop):
    app.ctx.pool = await asyncpg.create_pool(dsn=os.environ["KITCHENS_DSN"], min_size=1, max_size=5)


async def load_shift(conn, shift_id):
    row = await conn.fetchrow(
        "SELECT s.id, s.title, s.starts_at, s.capacity, k.name AS kitchen, "
        "(SELECT count(*) FROM signups WHERE shift_id = s.id) AS taken "
        "FROM shifts s JOIN kitchens k ON k.id = s.kitchen_id WHERE s.id = $1",
        shift_id,
    )
    if row is None:
        raise NotFound("no such shift")
    return row


@app.post("/shifts/<shift_id:int>/signup")
async def signup(request, shift_id):
    name = (request.form.get("name") or "").strip()
    email = (request.form.get("email") or "").strip().lower()
    if not name or "@" not in email or len(name) > 80:
        raise BadRequest("name and a valid email are required")

    async with app.ctx.pool.acquire() as conn:
        async with conn.transaction():
            shift = await load_shift(conn, shift_id)
            if shift["taken"] >= shift["capacity"]:
                raise BadRequest("this shift is full")
            await conn.execute(
                "INSERT INTO signups (shift_id, volunteer_name, email) VALUES ($1, $2, $3) "
                "ON CONFLICT (shift_id, email) DO NOTHING",
                shift_id, name, email,
            )

    page = CONFIRMATION_PAGE.format(
        name=name,
        shift=html_lib.escape(shift["title"]),
        kitchen=html_lib.escape(shift["kitchen"]),
        starts=shift["starts_at"].strftime("%A %d %B, %H:%M"),
        spots_left=max(shift["capacity"] - shift["taken"] - 1, 0),
    )
    return html(page)  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8020)
