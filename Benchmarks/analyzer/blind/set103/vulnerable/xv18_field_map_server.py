"""Field boundary map server for the farm office.

Serves the GeoJSON boundaries exported from the planting monitor and a small
Leaflet page the agronomist uses during the spring walk-through.
"""
import json
import math
import os
from pathlib import Path

from flask import Flask, abort, jsonify, render_template_string, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "fieldmap-2021-dev"  # VULN
FIELD_DIR = Path(os.environ.get("FIELD_DIR", "/srv/fieldmaps/geojson"))

MAP_PAGE = """<!doctype html>
<html><head><title>{{ title }}</title>
<link rel="stylesheet" href="https://unpkg.com/leaflet@1.9.4/dist/leaflet.css"></head>
<body><div id="map" style="height:90vh"></div>
<script src="https://unpkg.com/leaflet@1.9.4/dist/leaflet.js"></script>
<script src="/static/fieldmap.js"></script></body></html>"""


def ring_area_ha(ring) -> float:
    """Approximate polygon area with an equirectangular projection."""
    if len(ring) < 3:
        return 0.0
    lat0 = math.radians(sum(p[1] for p in ring) / len(ring))
    pts = [(math.radians(x) * 6371000 * math.cos(lat0), math.radians(y) * 6371000) for x, y in ring]
    acc = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        acc += x1 * y2 - x2 * y1
    return abs(acc) / 2 / 10000


def load_field(field_id: int) -> dict:
    path = FIELD_DIR / f"{field_id}.geojson"
    if not path.is_file():
        abort(404)
    with path.open() as fh:
        return json.load(fh)


@app.route("/")
def index():
    session.setdefault("last_field", None)
    return render_template_string(MAP_PAGE, title="Field boundaries")


@app.route("/api/fields")
def list_fields():
    out = []
    for path in sorted(FIELD_DIR.glob("*.geojson")):
        with path.open() as fh:
            feature = json.load(fh)
        ring = feature["geometry"]["coordinates"][0]
        out.append({"id": path.stem, "name": feature["properties"].get("name"), "area_ha": round(ring_area_ha(ring), 2)})
    return jsonify(out)


@app.route("/api/fields/<int:field_id>")
def get_field(field_id: int):
    session["last_field"] = field_id
    return jsonify(load_field(field_id))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
