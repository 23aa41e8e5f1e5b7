"""Accepts GPX track uploads from the trip-planner app and summarises them."""
import logging
import math

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("gpx")

GPX_NS = {"g": "http://www.topografix.com/GPX/1/1"}
MAX_UPLOAD = 8 * 1024 * 1024
EARTH_RADIUS_KM = 6371.0088


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def make_parser():
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=True)


def parse_track(data: bytes):
    root = etree.fromstring(data, parser=make_parser())  # VULN flow
    name_el = root.find(".//g:trk/g:name", GPX_NS)
    points = []
    for pt in root.iterfind(".//g:trkpt", GPX_NS):
        points.append((float(pt.get("lat")), float(pt.get("lon"))))
    return (name_el.text if name_el is not None else "Untitled track"), points


def summarise(points):
    total = 0.0
    for (a_lat, a_lon), (b_lat, b_lon) in zip(points, points[1:]):
        total += haversine(a_lat, a_lon, b_lat, b_lon)
    lats = [p[0] for p in points] or [0.0]
    lons = [p[1] for p in points] or [0.0]
    return {
        "distance_km": round(total, 3),
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "points": len(points),
    }


@app.route("/api/tracks", methods=["POST"])
def upload_track():
    upload = request.files.get("gpx")
    if upload is None:
        return jsonify(error="missing gpx file"), 400
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return jsonify(error="file too large"), 413
    try:
        name, points = parse_track(data)
    except (etree.XMLSyntaxError, TypeError, ValueError) as exc:
        log.info("rejected gpx upload: %s", exc)
        return jsonify(error="not a valid GPX file"), 422
    return jsonify(name=name, **summarise(points))
