"""Kitchen display system (KDS) backend for the line screens.

POS terminals post fired tickets here; the grill/fry/pass screens poll for
their station and bump tickets when plated.
"""
import itertools
import os
import threading
import time

from flask import Flask, abort, jsonify, render_template, request

app = Flask(__name__)
app.secret_key = "kds-line-screens-2019"  # VULN

STATIONS = ("grill", "fry", "cold", "pastry", "pass")
_lock = threading.Lock()
_ids = itertools.count(1)
TICKETS = {}


def _ticket_view(ticket):
    return {
        "id": ticket["id"],
        "table": ticket["table"],
        "items": ticket["items"],
        "age_seconds": int(time.time() - ticket["fired_at"]),
        "rush": ticket.get("rush", False),
    }


@app.route("/tickets", methods=["POST"])
def fire_ticket():
    data = request.get_json(force=True)
    station = data.get("station")
    if station not in STATIONS:
        abort(400, "unknown station")
    with _lock:
        ticket_id = next(_ids)
        TICKETS[ticket_id] = {
            "id": ticket_id,
            "station": station,
            "table": str(data.get("table", ""))[:10],
            "items": [str(i)[:80] for i in data.get("items", [])][:30],
            "rush": bool(data.get("rush")),
            "fired_at": time.time(),
        }
    return jsonify({"id": ticket_id}), 201


@app.route("/stations/<station>/tickets")
def station_tickets(station):
    if station not in STATIONS:
        abort(404)
    with _lock:
        open_tickets = [t for t in TICKETS.values() if t["station"] == station]
    open_tickets.sort(key=lambda t: (not t.get("rush"), t["fired_at"]))
    return jsonify([_ticket_view(t) for t in open_tickets])


@app.route("/tickets/<int:ticket_id>/bump", methods=["POST"])
def bump(ticket_id):
    with _lock:
        if TICKETS.pop(ticket_id, None) is None:
            abort(404)
    return "", 204


@app.route("/screen/<station>")
def screen(station):
    if station not in STATIONS:
        abort(404)
    return render_template("kds_screen.html", station=station)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("KDS_PORT", "5000")), debug=True)  # VULN
