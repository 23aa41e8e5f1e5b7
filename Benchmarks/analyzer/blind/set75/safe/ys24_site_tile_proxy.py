"""Map tile proxy for the site logistics planner (Bottle).

The planner overlays crane radii and laydown areas on base maps; tiles are
fetched through this proxy so they can be cached on the site server.
"""
import logging
import os
from urllib.parse import urlparse

import requests
from bottle import Bottle, HTTPResponse, abort, request, static_file

log = logging.getLogger("tileproxy")
CACHE_DIR = os.environ.get("TILE_CACHE", "/var/cache/site-tiles")

LAYERS = {
    "osm": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "aerial": "https://tiles.aerial-survey.example.com/wmts/{z}/{x}/{y}.png",
    "utilities": "https://gis.utility-records.example.gov/tiles/{z}/{x}/{y}.png",
}
ALLOWED_TILE_HOSTS = {urlparse(u).hostname for u in LAYERS.values()} | {
    "survey-tiles.example-build.com",
}

app = Bottle()
http = requests.Session()
http.headers["User-Agent"] = "site-logistics-tileproxy/2.1"


def cache_path(layer: str, z: int, x: int, y: int) -> str:
    return os.path.join(CACHE_DIR, layer, str(z), str(x), f"{y}.png")


def tile_url(layer: str, z: int, x: int, y: int) -> str:
    # project teams can point a layer at their own survey tile server
    template = request.query.get("src") or LAYERS[layer]
    parsed = urlparse(template)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_TILE_HOSTS:
        abort(400, "tile source not allowed")
    return template.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))


@app.get("/tiles/<layer>/<z:int>/<x:int>/<y:int>.png")
def tile(layer, z, x, y):
    if layer not in LAYERS:
        abort(404, "unknown layer")
    cached = cache_path(layer, z, x, y)
    custom = bool(request.query.get("src"))
    if not custom and os.path.exists(cached):
        return static_file(os.path.relpath(cached, CACHE_DIR), root=CACHE_DIR,
                           mimetype="image/png")
    url = tile_url(layer, z, x, y)
    try:
        upstream = http.get(url, timeout=10, allow_redirects=False)
    except requests.RequestException as exc:
        log.warning("tile fetch failed: %r", str(exc))
        abort(502, "tile server unavailable")
    if upstream.status_code != 200:
        abort(upstream.status_code)
    if not custom:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        with open(cached, "wb") as fh:
            fh.write(upstream.content)
    return HTTPResponse(body=upstream.content, status=200,
                        headers={"Content-Type": upstream.headers.get("Content-Type", "image/png"),
                                 "Cache-Control": "public, max-age=86400"})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8075)
