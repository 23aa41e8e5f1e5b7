"""Patient intake document upload (aiohttp).

New patients upload insurance cards, medical history PDFs and previous
prescriptions from the pre-visit link before their first exam.
"""
import logging
import os
import re
import uuid
from datetime import datetime, timezone

from aiohttp import web

log = logging.getLogger("intake_upload")

ALLOWED_EXT = {".pdf", ".jpg", ".jpeg", ".png", ".heic"}
MAX_BYTES = 15 * 1024 * 1024


class IntakeStorage:
    def __init__(self, root: str):
        self.root = root

    def folder_for(self, patient_id: int) -> str:
        folder = os.path.join(self.root, f"{patient_id:08d}", "intake")
        os.makedirs(folder, exist_ok=True)
        return folder

    def path_for(self, patient_id: int, filename: str) -> str:
        folder = os.path.realpath(self.folder_for(patient_id))
        stem, ext = os.path.splitext(os.path.basename(filename))
        safe_stem = re.sub(r"[^A-Za-z0-9_-]", "_", stem)[:60] or "document"
        dest = os.path.realpath(os.path.join(folder, f"{uuid.uuid4().hex[:8]}_{safe_stem}{ext.lower()}"))
        if os.path.commonpath([dest, folder]) != folder:
            raise web.HTTPBadRequest(text="invalid file name")
        return dest


async def save_part(part, dest: str) -> int:
    size = 0
    with open(dest, "wb") as fh:
        while True:
            chunk = await part.read_chunk(64 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_BYTES:
                raise web.HTTPRequestEntityTooLarge(max_size=MAX_BYTES, actual_size=size)
            fh.write(chunk)
    return size


async def upload_intake(request: web.Request) -> web.Response:
    patient_id = int(request.match_info["patient_id"])
    if request.get("intake_patient") != patient_id:
        raise web.HTTPForbidden()
    storage: IntakeStorage = request.app["storage"]
    reader = await request.multipart()
    saved = []
    async for part in reader:
        if part.name != "document" or not part.filename:
            continue
        ext = os.path.splitext(part.filename)[1].lower()
        if ext not in ALLOWED_EXT:
            raise web.HTTPUnsupportedMediaType(text="file type not accepted")
        dest = storage.path_for(patient_id, part.filename)
        size = await save_part(part, dest)
        saved.append({"name": os.path.basename(dest), "bytes": size})
    log.info("patient %d uploaded %d intake document(s)", patient_id, len(saved))
    return web.json_response({"saved": saved, "at": datetime.now(timezone.utc).isoformat()})


@web.middleware
async def intake_link_auth(request, handler):
    token = request.query.get("t") or request.headers.get("X-Intake-Token", "")
    patient = request.app["links"].get(token)
    if patient is None:
        raise web.HTTPUnauthorized()
    request["intake_patient"] = patient
    return await handler(request)


def create_app(links: dict) -> web.Application:
    app = web.Application(middlewares=[intake_link_auth], client_max_size=MAX_BYTES + 1024)
    app["storage"] = IntakeStorage(os.environ.get("INTAKE_ROOT", "/srv/intake"))
    app["links"] = links
    app.router.add_post("/intake/{patient_id:\\d+}/documents", upload_intake)
    return app
