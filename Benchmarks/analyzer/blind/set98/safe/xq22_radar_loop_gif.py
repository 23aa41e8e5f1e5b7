"""Builds animated radar loops (GIF) for the public website and social posts."""
import glob
import logging
import os
import re
import subprocess
import uuid

from bottle import Bottle, HTTPError, request, static_file

log = logging.getLogger("radar.loop")
app = Bottle()

FRAME_ROOT = os.environ.get("RADAR_FRAME_ROOT", "/srv/radar/frames")
CACHE_DIR = os.environ.get("RADAR_LOOP_CACHE", "/srv/radar/loops")
SITE_RE = re.compile(r"^[A-Z]{4}$")
LABEL_RE = re.compile(r"^(?!-)[A-Za-z0-9 .,:()/-]{0,60}$")
MAX_FRAMES = 48


class LoopRequest:
    def __init__(self, site: str, frames: int, delay: int, label: str):
        self.site = site
        self.frames = max(1, min(frames, MAX_FRAMES))
        self.delay = max(5, min(delay, 200))
        self.label = label

    def frame_paths(self):
        pattern = os.path.join(FRAME_ROOT, self.site, "*.png")
        return sorted(glob.glob(pattern))[-self.frames:]

    def command(self, out_path: str) -> list:
        return [
            "convert", "-delay", str(self.delay), "-loop", "0", *self.frame_paths(),
            "-gravity", "south", "-pointsize", "18", "-fill", "white", "-annotate", "+0+8",
            self.label, out_path,
        ]


@app.get("/radar/<site>/loop.gif")
def radar_loop(site):
    site = site.upper()
    if not SITE_RE.match(site):
        raise HTTPError(400, "bad radar site")
    try:
        frames = int(request.query.get("frames", 12))
        delay = int(request.query.get("delay", 20))
    except ValueError:
        raise HTTPError(400, "frames and delay must be integers")
    label = request.query.get("label", f"{site} base reflectivity")
    if not LABEL_RE.match(label):
        raise HTTPError(400, "label contains unsupported characters")

    loop = LoopRequest(site, frames, delay, label)
    if not loop.frame_paths():
        raise HTTPError(404, "no frames available")

    os.makedirs(CACHE_DIR, exist_ok=True)
    out_name = f"{site}_{uuid.uuid4().hex}.gif"
    cmd = loop.command(os.path.join(CACHE_DIR, out_name))
    rc = subprocess.call(cmd)
    if rc != 0:
        log.error("convert exited with %d for %s", rc, site)
        raise HTTPError(500, "loop generation failed")
    return static_file(out_name, root=CACHE_DIR, mimetype="image/gif")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8084)
