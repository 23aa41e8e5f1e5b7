"""Progress-photo uploads for members (Starlette service behind the app gateway).

The gateway authenticates the member and forwards ``X-Member-Id``.
"""
import datetime as dt
import os

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

PHOTO_ROOT = os.environ.get("PHOTO_ROOT", "/srv/gymhub/progress")
MAX_BYTES = 8 * 1024 * 1024


def member_dir(request) -> str:
    member_id = request.headers.get("X-Member-Id")
    if not member_id or not member_id.isdigit():
        raise HTTPException(status_code=401)
    return os.path.join(PHOTO_ROOT, member_id)


async def upload_photo(request):
    form = await request.form()
    upload = form.get("photo")
    if upload is None or not upload.filename:
        raise HTTPException(status_code=400, detail="photo missing")
    taken_on = form.get("taken_on") or dt.date.today().isoformat()
    folder = os.path.join(member_dir(request), taken_on)
    os.makedirs(folder, exist_ok=True)
    dest = os.path.join(folder, upload.filename)
    data = await upload.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="photo too large")
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(data)
    return JSONResponse({"stored": f"{taken_on}/{upload.filename}"}, status_code=201)


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
    full = os.path.join(member_dir(request), rel)
    if not os.path.isfile(full):
        raise HTTPException(status_code=404)
    return FileResponse(full)  # VULN flow


app = Starlette(routes=[
    Route("/photos", upload_photo, methods=["POST"]),
    Route("/photos", list_photos, methods=["GET"]),
    Route("/photos/file", get_photo, methods=["GET"]),
])
