"""Starlette app serving the interactive cemetery map: raster tiles plus per-cemetery
assets (legend SVGs, style JSON, section overlays) used by the grave-finder kiosk."""
import logging
import os

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("map_assets")

MAP_ROOT = os.environ.get("MAP_ROOT", "/srv/gis/published")
CACHE_HEADERS = {"Cache-Control": "public, max-age=86400"}


class MapStore:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def tile_path(self, cemetery: str, z: int, x: int, y: int) -> str:
        return os.path.join(self.root, cemetery, "tiles", str(z), str(x), f"{y}.png")

    def asset_path(self, cemetery: str, name: str) -> str:
        base = os.path.join(self.root, cemetery, "assets")
        path = os.path.realpath(os.path.join(base, name))
        if os.path.commonpath([base, path]) != base:
            raise HTTPException(status_code=404)
        return path

    def cemeteries(self):
        return sorted(d for d in os.listdir(self.root) if os.path.isdir(os.path.join(self.root, d)))


store = MapStore(MAP_ROOT)


async def list_cemeteries(request):
    return JSONResponse({"cemeteries": store.cemeteries()})


async def tile(request):
    p = request.path_params
    if p["cemetery"] not in store.cemeteries():
        return Response(status_code=204)
    path = store.tile_path(p["cemetery"], p["z"], p["x"], p["y"])
    if not os.path.isfile(path):
        return Response(status_code=204)
    return FileResponse(path, media_type="image/png", headers=CACHE_HEADERS)


async def asset(request):
    cemetery = request.path_params["cemetery"]
    name = request.path_params["name"]
    if cemetery not in store.cemeteries():
        raise HTTPException(status_code=404)
    path = store.asset_path(cemetery, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    log.debug("serving asset for %r", cemetery)
    return FileResponse(path, headers=CACHE_HEADERS)


app = Starlette(routes=[
    Route("/map/cemeteries", list_cemeteries),
    Route("/map/{cemetery}/tiles/{z:int}/{x:int}/{y:int}.png", tile),
    Route("/map/{cemetery}/assets/{name:path}", asset),
])
