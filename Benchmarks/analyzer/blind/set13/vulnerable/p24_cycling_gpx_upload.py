"""Cycling club ride log: members upload GPX tracks after each Sunday ride."""
import logging
import math
import os
import shutil
import tempfile
from xml.dom import minidom

from flask import Flask, abort, jsonify, request
from flask_login import current_user, login_required

app = Flask(__name__)
log = logging.getLogger("rides")

TRACK_STORE = os.environ.get("RIDE_TRACK_STORE", "/srv/rides/tracks")
EARTH_RADIUS_KM = 6371.0


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def summarise_gpx(raw):
    doc = minidom.parseString(raw)  # VULN flow
    points = [(float(pt.getAttribute("lat")), float(pt.getAttribute("lon")))
              for pt in doc.getElementsByTagName("trkpt")]
    if len(points) < 2:
        raise ValueError("track has fewer than two points")
    distance = sum(haversine(*a, *b) for a, b in zip(points, points[1:]))
    names = doc.getElementsByTagName("name")
    title = names[0].firstChild.nodeValue if names and names[0].firstChild else "Untitled ride"
    return {"title": title, "points": len(points), "distance_km": round(distance, 2)}


@app.route("/rides", methods=["POST"])
@login_required
def upload_ride():
    upload = request.files.get("gpx")
    if upload is None:
        abort(400, "no GPX file")
    staging = tempfile.mktemp(suffix=".gpx")  # VULN
    upload.save(staging)
    try:
        with open(staging, "rb") as fh:
            summary = summarise_gpx(fh.read())
    except (ValueError, IndexError) as exc:
        os.unlink(staging)
        abort(400, f"could not read track: {exc}")
    except Exception:
        os.unlink(staging)
        log.exception("GPX parse failure")
        abort(400, "could not read track")

    dest_dir = os.path.join(TRACK_STORE, str(current_user.id))
    os.makedirs(dest_dir, exist_ok=True)
    dest = os.path.join(dest_dir, f"{len(os.listdir(dest_dir)) + 1:05d}.gpx")
    shutil.move(staging, dest)
    log.info("member %s uploaded %.1f km", current_user.id, summary["distance_km"])
    return jsonify(summary), 201
