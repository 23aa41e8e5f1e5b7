"""Minimal IIIF Image API (level 1) endpoint rendered with ImageMagick.

URL layout: /iiif/<identifier>/<region>/<size>/<rotation>/<quality>.<format>
"""
import hashlib
import logging
import os
import subprocess

from flask import Flask, abort, send_file

app = Flask(__name__)
log = logging.getLogger("iiif.image")

IMAGE_ROOT = os.environ.get("IIIF_IMAGE_ROOT", "/srv/iiif/masters")
CACHE_ROOT = os.environ.get("IIIF_CACHE_ROOT", "/var/cache/iiif")
FORMATS = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
QUALITIES = {"default": "", "color": "", "gray": "-colorspace Gray"}


def source_path(identifier: str) -> str:
    return os.path.join(IMAGE_ROOT, identifier + ".tif")


def region_args(region: str) -> str:
    if region == "full":
        return ""
    x, y, w, h = region.split(",")
    return f"-crop {w}x{h}+{x}+{y} +repage"


def size_args(size: str) -> str:
    if size in ("full", "max"):
        return ""
    w, _, h = size.partition(",")
    return f"-resize {w}x{h}"


def cache_path(*parts: str) -> str:
    key = hashlib.sha256("/".join(parts).encode("utf-8")).hexdigest()
    return os.path.join(CACHE_ROOT, key[:2], key)


def build_command(identifier, region, size, rotation, quality, dest):
    parts = ["convert", source_path(identifier)]
    for extra in (region_args(region), size_args(size), QUALITIES[quality]):
        if extra:
            parts.append(extra)
    if rotation != "0":
        parts.append(f"-rotate {rotation}")
    parts.append(dest)
    return " ".join(parts)


@app.route("/iiif/<identifier>/<region>/<size>/<rotation>/<quality>.<fmt>")
def image(identifier, region, size, rotation, quality, fmt):
    if fmt not in FORMATS or quality not in QUALITIES:
        abort(400)
    if not os.path.exists(source_path(identifier)):
        abort(404)
    dest = cache_path(identifier, region, size, rotation, quality) + "." + fmt
    if not os.path.exists(dest):
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        try:
            cmd = build_command(identifier, region, size, rotation, quality, dest)
        except ValueError:
            abort(400)
        log.debug("rendering %r", cmd)
        rc = subprocess.call(cmd, shell=True)  # VULN flow
        if rc != 0:
            log.error("convert failed (%d) for %r", rc, identifier)
            abort(500)
    return send_file(dest, mimetype=FORMATS[fmt])


@app.route("/iiif/<identifier>/info.json")
def info(identifier):
    if not os.path.exists(source_path(identifier)):
        abort(404)
    return {
        "@context": "http://iiif.io/api/image/2/context.json",
        "@id": f"/iiif/{identifier}",
        "protocol": "http://iiif.io/api/image",
        "profile": ["http://iiif.io/api/image/2/level1.json"],
    }
