"""Microscopy image conversion service (Falcon + ImageMagick).

GET /images/{image_id}/convert?format=png&size=1024x1024&channel=Green
returns a web-friendly rendition of the stored multi-channel TIFF.
"""
import logging
import os
import re
import subprocess
import uuid

import falcon

log = logging.getLogger("imgconv")

STORE = os.environ.get("IMG_STORE", "/srv/microscopy/store")
OUT = os.environ.get("IMG_OUT", "/srv/microscopy/converted")
FORMATS = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}
CHANNELS = {"Red", "Green", "Blue", "Gray"}
GEOMETRY_RE = re.compile(r"^\d{1,5}x\d{1,5}[!<>^]?$")


def convert_command(src: str, dst: str, geometry: str, channel: str) -> list:
    cmd = ["convert", src]
    if channel:
        cmd += ["-channel", channel, "-separate"]
    if geometry:
        cmd += ["-resize", geometry]
    return cmd + ["-auto-level", dst]


class ConvertResource:
    def on_get(self, req, resp, image_id):
        if not image_id.isalnum():
            raise falcon.HTTPNotFound()
        src = os.path.join(STORE, image_id + ".tif")
        if not os.path.exists(src):
            raise falcon.HTTPNotFound()

        fmt = req.get_param("format", default="png")
        if fmt not in FORMATS:
            raise falcon.HTTPBadRequest(title="unsupported format")
        geometry = req.get_param("size", default="")
        channel = req.get_param("channel", default="")
        if geometry and not GEOMETRY_RE.match(geometry):
            raise falcon.HTTPBadRequest(title="size must look like 1024x768")
        if channel and channel not in CHANNELS:
            raise falcon.HTTPBadRequest(title="unknown channel")

        dst = os.path.join(OUT, f"{image_id}_{uuid.uuid4().hex[:8]}.{fmt}")
        cmd = convert_command(src, dst, geometry, channel)
        try:
            subprocess.check_output(cmd, stderr=subprocess.STDOUT, timeout=90)
        except subprocess.CalledProcessError as exc:
            log.warning("convert failed for %s: %r", image_id, exc.output[-300:])
            raise falcon.HTTPInternalServerError(title="conversion failed")
        except subprocess.TimeoutExpired:
            raise falcon.HTTPServiceUnavailable(title="conversion timed out")

        with open(dst, "rb") as fh:
            resp.data = fh.read()
        os.unlink(dst)
        resp.content_type = FORMATS[fmt]


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


app = falcon.App()
app.add_route("/images/{image_id}/convert", ConvertResource())
app.add_route("/healthz", HealthResource())
