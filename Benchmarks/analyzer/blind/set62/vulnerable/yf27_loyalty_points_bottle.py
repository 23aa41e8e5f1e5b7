"""Diner loyalty mini-site: points balance and reward history."""
import logging
import sqlite3

from bottle import Bottle, redirect, request, response

app = Bottle()
log = logging.getLogger("loyalty")
DB_PATH = "/srv/loyalty/members.db"
COOKIE_SECRET = "l0yalty-cookie-s3cret-2019"  # VULN

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Rewards</title></head>
<body>
<h1>Welcome back, {greeting}!</h1>
<p class="balance">You have <b>{points}</b> points ({tier} tier).</p>
<table class="history"><tr><th>Date</th><th>Visit</th><th>Points</th></tr>
{rows}
</table>
<a href="/logout">Sign out</a>
</body></html>"""


def member_record(member_id: int):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        member = conn.execute("SELECT id, first_name, points, tier FROM members WHERE id = ?",
                              (member_id,)).fetchone()
        history = conn.execute(
            "SELECT visited_on, store_name, points FROM visits WHERE member_id = ? "
            "ORDER BY visited_on DESC LIMIT 20", (member_id,)).fetchall()
        return member, history
    finally:
        conn.close()


def history_rows(history) -> str:
    return "\n".join(
        f"<tr><td>{h['visited_on']}</td><td>{h['store_name']}</td><td>{h['points']:+d}</td></tr>"
        for h in history
    )


@app.get("/rewards")
def rewards():
    member_id = request.get_cookie("member", secret=COOKIE_SECRET)
    if not member_id:
        redirect("/login")
    member, history = member_record(int(member_id))
    if member is None:
        response.delete_cookie("member")
        redirect("/login")
    # the app's "share your status" link passes a nickname through ?as=
    greeting = request.query.getunicode("as") or member["first_name"]
    response.content_type = "text/html; charset=utf-8"
    return PAGE.format(greeting=greeting, points=member["points"], tier=member["tier"],  # VULN flow
                       rows=history_rows(history))


@app.post("/login")
def login():
    from loyalty_auth import check_member  # type: ignore

    member_id = check_member(request.forms.get("phone", ""), request.forms.get("pin", ""))
    if member_id is None:
        response.status = 401
        return "Unknown phone number or PIN"
    response.set_cookie("member", str(member_id), secret=COOKIE_SECRET, httponly=True, max_age=30 * 86400)
    redirect("/rewards")


@app.get("/logout")
def logout():
    response.delete_cookie("member")
    redirect("/")
