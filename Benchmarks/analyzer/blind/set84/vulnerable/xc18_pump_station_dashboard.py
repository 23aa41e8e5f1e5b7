"""Pump station dashboard: live status for the crude transfer pumps.

Reads the status cache written by the Modbus poller and renders a simple
overview page plus a JSON endpoint for the wallboard.
"""
import json
import os
import time

from flask import Flask, abort, jsonify, render_template_string, session

app = Flask(__name__)
app.secret_key = "pumpdash-2020-dev"  # VULN

STATUS_CACHE = os.environ.get("PUMP_STATUS_CACHE", "/run/modbus-poller/pumps.json")
STALE_AFTER = 15

PAGE = """<!doctype html>
<title>Pump station {{ station }}</title>
<h1>{{ station }} <small>{{ age }}s old</small></h1>
<table>
<tr><th>Pump</th><th>State</th><th>Speed (rpm)</th><th>Discharge (bar)</th><th>Vibration (mm/s)</th></tr>
{% for p in pumps %}
<tr class="{{ 'alarm' if p.alarm else '' }}"><td>{{ p.name }}</td><td>{{ p.state }}</td>
<td>{{ p.rpm }}</td><td>{{ p.discharge_bar }}</td><td>{{ p.vibration }}</td></tr>
{% endfor %}
</table>
"""


def load_status() -> dict:
    try:
        with open(STATUS_CACHE) as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        abort(503, description="status cache unavailable")
    data["age"] = int(time.time() - data.get("updated", 0))
    return data


@app.get("/")
def overview():
    data = load_status()
    session["last_view"] = time.time()
    return render_template_string(PAGE, station=data.get("station", "?"),
                                  pumps=data.get("pumps", []), age=data["age"])


@app.get("/api/pumps")
def pumps_json():
    data = load_status()
    return jsonify(stale=data["age"] > STALE_AFTER, pumps=data.get("pumps", []))


@app.get("/api/pumps/<name>")
def pump_detail(name):
    for pump in load_status().get("pumps", []):
        if pump.get("name") == name:
            return jsonify(pump)
    abort(404)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8050")), debug=True)  # VULN
