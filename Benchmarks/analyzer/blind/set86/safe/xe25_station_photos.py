"""Station photo service for the charging map (Starlette).

Site owners upload photos of the charging bays (entrance, signage, cable
reach); drivers see them in the map app.
"""
import logging
import mimetypes
import os
import uuid

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("photos")

PHOTO_DIR = os.path.realpath(os.environ.get("STATION_PHOTO_DIR", "/srv/media/stations"))
ALLOWED_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
MAX_PHOTO = 8 * 1024 * 1024


def contained(base: str, name: str) -> str:
    path = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, path]) != base:
        raise HTTPException(status_code=404)
    return path


async def station_photo(request: Request) -> Response:
    station_id = request.path_params["station_id"]
    try:
        with open(contained(os.path.join(PHOTO_DIR, str(station_id)), request.path_params["photo"]), "rb") as fh:
            body = fh.read()
    except (FileNotFoundError, IsADirectoryError):
        raise HTTPException(status_code=404)
    media_type = mimetypes.guess_type(request.path_params["photo"])[0] or "application/octet-stream"
    return Response(body, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})


async def upload_photo(request: Request) -> Response:
    if not request.user.is_authenticated or "site_owner" not in request.auth.scopes:
        raise HTTPException(status_code=403)
    station_id = request.path_params["station_id"]
    form = await request.form()
    upload = form.get("photo")
    if upload is None or upload.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=400, detail="jpeg/png/webp photo required")
    data = await upload.read()
    if len(data) > MAX_PHOTO:
        raise HTTPException(status_code=413)

    station_dir = os.path.join(PHOTO_DIR, str(station_id))
    os.makedirs(station_dir, exist_ok=True)
    filename = uuid.uuid4().hex + ALLOWED_TYPES[upload.content_type]
    dest = os.path.join(station_dir, filename)
    with open(dest, "wb") as fh:
        fh.write(data)
    log.info("stored photo %r for station %s (%d bytes)", upload.filename, station_id, len(data))
    return JSONResponse({"url": f"/stations/{station_id}/photos/{filename}"}, status_code=201)


async def list_photos(request: Request) -> Response:
    station_dir = os.path.join(PHOTO_DIR, str(request.path_params["station_id"]))
    names = sorted(os.listdir(station_dir)) if os.path.isdir(station_dir) else []
    return JSONResponse({"photos": names})


routes = [
    Route("/stations/{station_id:int}/photos", list_photos, methods=["GET"]),
    Route("/stations/{station_id:int}/photos", upload_photo, methods=["POST"]),
    Route("/stations/{station_id:int}/photos/{photo:path}", station_photo, methods=["GET"]),
]

app = Starlette(routes=routes)
