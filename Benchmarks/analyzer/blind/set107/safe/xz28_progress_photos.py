"""Progress-photo uploads for members (Starlette service behind the app gateway).

The gateway authenticates the member and forwards ``X-Member-Id``.
"""
import datetime as dt
import os
import uuid

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

PHOTO_ROOT = os.environ.get("PHOTO_ROOT", "/srv/gymhub/progress")
MAX_BYTES = 8 * 1024 * 1024
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".heic", ".webp"}


def member_dir(request) -> str:
    member_id = request.headers.get("X-Member-Id")
    if not member_id or not member_id.isdigit():
        raise HTTPException(status_code=401)
    return os.path.join(PHOTO_ROOT, member_id)


def _inside(base: str, rel: str) -> str:
    base = os.path.realpath(base)
    full = os.path.realpath(os.path.join(base, rel))
    if os.path.commonpath([base, full]) != base:
        raise HTTPException(status_code=404)
    return full


async def upload_photo(request):
    form = await request.form()
    upload = form.get("photo")
    if upload is None or not upload.filename:
        raise HTTPException(status_code=400, detail="photo missing")
    try:
        taken_on = dt.date.fromisoformat(form.get("taken_on") or dt.date.today().isoformat()).isoformat()
    except ValueError:
        raise HTTPException(status_code=400, detail="taken_on must be YYYY-MM-DD")
    ext = os.path.splitext(upload.filename)[1].lower()
    if ext not in ALLOWED_EXT:
        raise HTTPException(status_code=415, detail="unsupported image type")
    folder = os.path.join(member_dir(request), taken_on)
    os.makedirs(folder, exist_ok=True)
    name = f"{uuid.uuid4().hex}{ext}"
    dest = os.path.join(folder, name)
    data = await upload.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="photo too large")
    with open(dest, "wb") as fh:
        fh.write(data)
    return JSONResponse({"stored": f"{taken_on}/{name}"}, status_code=201)


async def list_photos(request):
    base = member_dir(request)
    items = []
    if os.path.isdir(base):
        for day in sorted(os.listdir(base)):
            for name in sorted(os.listdir(os.path.join(base, day))):
                items.append(f"{day}/{name}")
    return JSONResponse({"photos": items})


async def get_photo(request):
    rel = request.query_params.get("path", "")
    full = _inside(member_dir(request), rel)
    if not os.path.isfile(full):
        raise HTTPException(status_code=404)
    return FileResponse(full)


app = Starlette(routes=[
    Route("/photos", upload_photo, methods=["POST"]),
    Route("/photos", list_photos, methods=["GET"]),
    Route("/photos/file", get_photo, methods=["GET"]),
])
