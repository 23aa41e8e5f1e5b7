"""Pre-wash damage photos.

Before a vehicle enters the tunnel the attendant photographs existing damage
from the handheld; photos are stored per ticket so disputes can be settled.
"""
import logging
import os
from datetime import datetime

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

PHOTO_ROOT = os.environ.get("PHOTO_ROOT", "/srv/wash/damage-photos")
MAX_PHOTO_BYTES = 12 * 1024 * 1024

log = logging.getLogger("damage_photos")


def ticket_folder(ticket_id: int) -> str:
    folder = os.path.join(PHOTO_ROOT, datetime.utcnow().strftime("%Y-%m"), str(ticket_id))
    os.makedirs(folder, exist_ok=True)
    return folder


def destination(ticket_id: int, upload) -> str:
    angle = upload.headers.get("X-Angle", "front")
    name = f"{angle}_{upload.filename}"
    return os.path.join(ticket_folder(ticket_id), name)


async def upload_photos(request: Request):
    ticket_id = int(request.path_params["ticket_id"])
    form = await request.form()
    saved = []
    for field_name, upload in form.multi_items():
        if not hasattr(upload, "filename") or not upload.filename:
            continue
        data = await upload.read()
        if len(data) > MAX_PHOTO_BYTES:
            return JSONResponse({"error": f"{field_name} too large"}, status_code=413)
        dest = destination(ticket_id, upload)
        with open(dest, "wb") as fh:  # VULN flow
            fh.write(data)
        saved.append(os.path.basename(dest))
    log.info("ticket %d: stored %d photo(s)", ticket_id, len(saved))
    return JSONResponse({"ticket": ticket_id, "saved": saved}, status_code=201)


async def list_photos(request: Request):
    ticket_id = int(request.path_params["ticket_id"])
    folder = ticket_folder(ticket_id)
    return JSONResponse({"ticket": ticket_id, "photos": sorted(os.listdir(folder))})


app = Starlette(
    routes=[
        Route("/tickets/{ticket_id:int}/photos", upload_photos, methods=["POST"]),
        Route("/tickets/{ticket_id:int}/photos", list_photos, methods=["GET"]),
    ]
)
