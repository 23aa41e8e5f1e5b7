"""Quick-look thumbnails and raw frame download for the archive browser."""
import hashlib
import logging
import os
import subprocess

from bottle import Bottle, HTTPError, request, response, static_file

FRAME_ROOT = os.path.realpath(os.environ.get("FRAME_ROOT", "/srv/archive/frames"))
CACHE_DIR = os.environ.get("THUMB_CACHE", "/var/cache/thumbs")
FITS2JPEG = "/usr/local/bin/fits2jpeg"
STRETCHES = {"zscale", "linear", "log", "asinh"}
SIZES = {"128", "256", "512"}

app = Bottle()
log = logging.getLogger("quicklook")


def frame_path(night: str, name: str) -> str:
    path = os.path.realpath(os.path.join(FRAME_ROOT, night, name))
    if os.path.commonpath([FRAME_ROOT, path]) != FRAME_ROOT:
        raise HTTPError(400, "invalid frame path")
    return path


def thumb_key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def render_thumb(src: str, out: str, stretch: str, size: str) -> None:
    cmd = [FITS2JPEG, "--stretch", stretch, "--size", size, "-i", src, "-o", out]
    rc = subprocess.call(cmd)
    if rc != 0:
        raise RuntimeError(f"fits2jpeg exited with {rc}")


@app.get("/thumb/<night>/<name>")
def thumb(night, name):
    stretch = request.query.get("stretch", "zscale")
    size = request.query.get("size", "256")
    if stretch not in STRETCHES or size not in SIZES:
        raise HTTPError(400, "unsupported stretch or size")
    src = frame_path(night, name)
    if not os.path.isfile(src):
        raise HTTPError(404, "no such frame")
    key = thumb_key(night, name, stretch, size)
    out = os.path.join(CACHE_DIR, key + ".jpg")
    if not os.path.exists(out):
        try:
            render_thumb(src, out, stretch, size)
        except RuntimeError:
            log.exception("thumbnail failed for %r", name)
            raise HTTPError(500, "render failed")
    return static_file(key + ".jpg", root=CACHE_DIR, mimetype="image/jpeg")


@app.get("/raw/<night>/<name:path>")
def raw(night, name):
    path = frame_path(night, name)
    if not os.path.isfile(path):
        raise HTTPError(404, "no such frame")
    response.content_type = "application/fits"
    response.set_header("Content-Disposition", 'attachment; filename="%s"' % os.path.basename(path))
    return open(path, "rb")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8082)
