"""Map tile server with an on-disk cache in front of upstream tile providers."""
import logging
import os
import threading

import requests
from bottle import Bottle, HTTPResponse, abort, request, response

log = logging.getLogger("tiles")
app = Bottle()

TILE_ROOT = os.environ.get("TILE_ROOT", "/var/cache/tiles")
UPSTREAMS = {
    "osm": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "topo": "https://tiles.gis.council.example/topo/{z}/{x}/{y}.png",
}
LAYERS = {"base", "topo", "parcels"}
MAX_ZOOM = 19
USER_AGENT = "regional-council-tiles/2.3 (gis@council.example)"
_write_lock = threading.Lock()


def cache_path(layer, z, x, y):
    return os.path.join(TILE_ROOT, layer, str(z), str(x), f"{y}.png")


def fetch_upstream(template, z, x, y):
    url = template.format(z=z, x=x, y=y)
    resp = requests.get(url, headers={"User-Agent": USER_AGENT})
    if resp.status_code != 200:
        return None
    return resp.content


def store(path, data):
    with _write_lock:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".part"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)


@app.get("/tiles/<layer>/<z:int>/<x:int>/<y:int>.png")
def tile(layer, z, x, y):
    if layer not in LAYERS or not 0 <= z <= MAX_ZOOM:
        abort(404, "unknown layer or zoom")
    if not (0 <= x < 2 ** z and 0 <= y < 2 ** z):
        abort(404, "tile out of range")
    path = cache_path(layer, z, x, y)
    if os.path.exists(path):
        with open(path, "rb") as fh:
            body = fh.read()
        return HTTPResponse(body, status=200, headers={"Content-Type": "image/png",
                                                        "X-Cache": "HIT"})
    template = UPSTREAMS.get(request.query.get("upstream", "osm"))
    if template is None:
        abort(400, "unknown upstream")
    data = fetch_upstream(template, z, x, y)
    if data is None:
        abort(404, "tile unavailable")
    store(path, data)
    response.content_type = "image/png"
    response.set_header("X-Cache", "MISS")
    return data


@app.get("/health")
def health():
    return {"ok": True, "cache_root": TILE_ROOT}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8070)
