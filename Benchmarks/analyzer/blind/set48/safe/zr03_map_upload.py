"""Custom map uploads for community game servers (aiohttp)."""
import hashlib
import logging
import os

from aiohttp import web

MAPS_DIR = os.environ.get("MAPS_DIR", "/srv/gameserver/maps")
MAX_MAP_SIZE = 32 * 1024 * 1024
ALLOWED_EXT = {".bsp", ".map", ".pk3"}

log = logging.getLogger("gameserver.maps")
routes = web.RouteTableDef()


def map_path(name: str) -> str:
    base = os.path.realpath(MAPS_DIR)
    candidate = os.path.realpath(os.path.join(base, os.path.basename(name)))
    if os.path.commonpath([base, candidate]) != base or candidate == base:
        raise web.HTTPBadRequest(text="invalid map name")
    return candidate


async def _store_field(field, dest: str) -> str:
    digest = hashlib.sha256()
    size = 0
    with open(dest, "wb") as out:
        while True:
            chunk = await field.read_chunk()
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_MAP_SIZE:
                raise web.HTTPRequestEntityTooLarge(MAX_MAP_SIZE, size)
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


@routes.post("/maps")
async def upload_map(request: web.Request) -> web.Response:
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "map":
        raise web.HTTPBadRequest(text="expected a 'map' file field")

    filename = field.filename or ""
    ext = os.path.splitext(filename)[1].lower()
    if ext not in ALLOWED_EXT:
        raise web.HTTPBadRequest(text=f"unsupported map type {ext!r}")

    dest = map_path(filename)
    try:
        checksum = await _store_field(field, dest)
    except web.HTTPException:
        if os.path.exists(dest):
            os.remove(dest)
        raise
    log.info("stored map %r sha256=%s", filename, checksum)
    return web.json_response({"name": os.path.basename(dest), "sha256": checksum}, status=201)


@routes.get("/maps/download")
async def download_map(request: web.Request) -> web.StreamResponse:
    name = request.query.get("name", "")
    if not name:
        raise web.HTTPBadRequest(text="name is required")
    path = map_path(name)
    if not os.path.isfile(path):
        raise web.HTTPNotFound()
    return web.FileResponse(path)


@routes.get("/maps")
async def list_maps(_request: web.Request) -> web.Response:
    names = sorted(
        n for n in os.listdir(MAPS_DIR) if os.path.splitext(n)[1].lower() in ALLOWED_EXT
    )
    return web.json_response({"maps": names})


def create_app() -> web.Application:
    app = web.Application(client_max_size=MAX_MAP_SIZE + 1024)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
