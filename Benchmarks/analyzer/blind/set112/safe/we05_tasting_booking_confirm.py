"""Tasting-room booking pages for the winery website."""
import datetime as dt
import itertools
import logging
from html import escape

from flask import Flask, Response, abort, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("tasting.bookings")

BOOKINGS = {}
_ids = itertools.count(1000)
SLOTS = ("11:00", "13:00", "15:00", "17:00")


def render_confirmation(booking: dict) -> str:
    return f"""<!doctype html>
<html><head><title>Booking confirmed</title></head>
<body>
  <h1>Thanks, {escape(booking['guest_name'])}!</h1>
  <p>Your tasting for {booking['party_size']} guests is booked for
     {escape(booking['date'])} at {escape(booking['slot'])}.</p>
  <p>Notes for our team: {escape(booking['notes'])}</p>
</body></html>"""


def render_staff_rows(bookings) -> str:
    rows = []
    for b in bookings:
        rows.append(
            "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>"
            % (escape(b["slot"]), escape(b["guest_name"]), b["party_size"], escape(b["notes"]))
        )
    return "\n".join(rows)


@app.post("/book")
def create_booking():
    form = request.form
    slot = form.get("slot", "")
    if slot not in SLOTS:
        abort(400, "unknown slot")
    try:
        party = int(form.get("party_size", "2"))
        date = dt.date.fromisoformat(form.get("date", ""))
    except ValueError:
        abort(400, "bad party size or date")
    booking_id = next(_ids)
    BOOKINGS[booking_id] = {
        "guest_name": form.get("guest_name", "").strip(),
        "party_size": party,
        "date": date.isoformat(),
        "slot": slot,
        "notes": form.get("notes", "").strip(),
    }
    log.info("booking %d created for %s", booking_id, date)
    return redirect(url_for("confirmation", booking_id=booking_id), code=303)


@app.get("/bookings/<int:booking_id>")
def confirmation(booking_id: int):
    booking = BOOKINGS.get(booking_id)
    if booking is None:
        abort(404)
    html = render_confirmation(booking)
    return Response(html, mimetype="text/html")


@app.get("/staff/today")
def staff_today():
    today = dt.date.today().isoformat()
    todays = sorted((b for b in BOOKINGS.values() if b["date"] == today), key=lambda b: b["slot"])
    table = render_staff_rows(todays)
    page = "<html><body><h1>Today's tastings</h1><table>%s</table></body></html>" % table
    return Response(page, mimetype="text/html")
