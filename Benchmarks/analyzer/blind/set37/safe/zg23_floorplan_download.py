"""Serve floor plan documents for property listings."""
import logging
import mimetypes
import os

from aiohttp import web

log = logging.getLogger("floorplans")
FLOORPLAN_ROOT = os.path.realpath(os.environ.get("FLOORPLAN_ROOT", "/srv/listings/floorplans"))
PLAN_EXTENSIONS = {".pdf", ".png", ".jpg", ".svg"}


def listing_dir(listing_id: str) -> str:
    return os.path.join(FLOORPLAN_ROOT, listing_id)


def resolve_plan(listing_id: str, filename: str) -> str:
    base = os.path.realpath(listing_dir(listing_id))
    path = os.path.realpath(os.path.join(base, filename))
    if not path.startswith(base + os.sep):
        raise web.HTTPNotFound(text="floor plan not found")
    return path


async def list_plans(request: web.Request) -> web.Response:
    folder = listing_dir(request.match_info["listing_id"])
    if not os.path.isdir(folder):
        return web.json_response({"plans": []})
    plans = sorted(
        name for name in os.listdir(folder) if os.path.splitext(name)[1].lower() in PLAN_EXTENSIONS
    )
    return web.json_response({"plans": plans})


async def download_plan(request: web.Request) -> web.StreamResponse:
    listing_id = request.match_info["listing_id"]
    filename = request.query.get("file", "plan.pdf")
    path = resolve_plan(listing_id, filename)
    if not os.path.isfile(path):
        raise web.HTTPNotFound(text="floor plan not found")
    ctype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    log.info("serving floor plan %r for listing %r", filename, listing_id)
    return web.FileResponse(path, headers={"Content-Type": ctype, "Cache-Control": "private, max-age=300"})


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get(r"/listings/{listing_id:\d+}/floorplans", list_plans)
    app.router.add_get(r"/listings/{listing_id:\d+}/floorplans/download", download_plan)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8090")))
