"""Radar tile rendering endpoint.

Converts raw composite reflectivity PNGs into colour-mapped map tiles using
ImageMagick. Called by the tile-warmer and occasionally by forecasters who
want a custom size for briefings.
"""
import logging
import os
import re
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("radar.tiles")

RAW_DIR = os.environ.get("RADAR_RAW_DIR", "/srv/radar/raw")
TILE_DIR = os.environ.get("RADAR_TILE_DIR", "/srv/radar/tiles")
LUT_DIR = "/srv/radar/luts"
COLOR_MAPS = {
    "nws": "nws_reflectivity.png",
    "grayscale": "gray.png",
    "viridis": "viridis.png",
}

SITE_RE = re.compile(r"^[A-Z]{4}$")
SCAN_RE = re.compile(r"^\d{8}_\d{6}$")
SIZE_RE = re.compile(r"^\d{2,4}x\d{2,4}$")


class TileJob:
    def __init__(self, site, scan, palette, resize):
        self.site = site
        self.scan = scan
        self.palette = palette
        self.resize = resize

    @property
    def source(self):
        return os.path.join(RAW_DIR, self.site, f"{self.scan}.png")

    @property
    def target(self):
        return os.path.join(TILE_DIR, self.site, f"{self.scan}_{self.palette}.png")


def build_convert_cmd(job):
    lut = os.path.join(LUT_DIR, COLOR_MAPS[job.palette])
    parts = [
        "convert",
        job.source,
        lut,
        "-clut",
        "-resize",
        job.resize,
        job.target,
    ]
    return parts


@app.route("/tiles/render", methods=["POST"])
def render_tile():
    payload = request.get_json(force=True) or {}
    site = str(payload.get("site", "")).upper()
    scan = str(payload.get("scan", ""))
    palette = str(payload.get("palette", "nws"))
    size = str(payload.get("size", "512x512"))
    if not SITE_RE.match(site) or not SCAN_RE.match(scan):
        abort(400)
    if palette not in COLOR_MAPS or not SIZE_RE.match(size):
        abort(400)

    job = TileJob(site, scan, palette, size)
    if not os.path.exists(job.source):
        abort(404)
    os.makedirs(os.path.dirname(job.target), exist_ok=True)

    cmd = build_convert_cmd(job)
    log.info("rendering tile for %s scan %s", site, scan)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.error("convert failed (rc=%d): %s", proc.returncode, proc.stderr.strip()[:500])
        return jsonify({"ok": False, "error": "render failed"}), 500

    return jsonify({"ok": True, "tile": os.path.relpath(job.target, TILE_DIR)})


@app.route("/tiles/palettes")
def palettes():
    return jsonify(sorted(COLOR_MAPS))
