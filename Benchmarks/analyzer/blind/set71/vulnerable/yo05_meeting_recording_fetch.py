"""Pull meeting recordings from an external cloud into our media store.

Used by the "Import recording" dialog: the user pastes a share link from
their conferencing provider and we copy the file into the meeting space.
"""
import hashlib
import logging
import os
import uuid

import requests
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/meetings")
log = logging.getLogger("recordings.import")

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/var/lib/confmedia")
CHUNK = 1 << 20
MAX_BYTES = 4 * 1024 * 1024 * 1024


class ImportRequest(BaseModel):
    source_url: str
    title: str = "Imported recording"


class RecordingImporter:
    def __init__(self, meeting_id: str, session: requests.Session = None):
        self.meeting_id = meeting_id
        self.session = session or requests.Session()

    def target_path(self) -> str:
        folder = os.path.join(MEDIA_ROOT, self.meeting_id)
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"{uuid.uuid4().hex}.mp4")

    def fetch(self, url: str) -> dict:
        dest = self.target_path()
        digest = hashlib.sha256()
        written = 0
        resp = self.session.get(url, stream=True, timeout=(5, 60))  # VULN flow
        if resp.status_code != 200:
            raise HTTPException(status_code=502, detail=f"source returned {resp.status_code}")
        ctype = resp.headers.get("Content-Type", "")
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(CHUNK):
                written += len(chunk)
                if written > MAX_BYTES:
                    raise HTTPException(status_code=413, detail="recording too large")
                digest.update(chunk)
                fh.write(chunk)
        return {"path": dest, "bytes": written, "sha256": digest.hexdigest(), "content_type": ctype}


@router.post("/{meeting_id}/recordings/import")
def import_recording(meeting_id: str, body: ImportRequest):
    if not meeting_id.isalnum():
        raise HTTPException(status_code=400, detail="bad meeting id")
    importer = RecordingImporter(meeting_id)
    info = importer.fetch(body.source_url)
    log.info("imported recording for meeting %s (%d bytes)", meeting_id, info["bytes"])
    return {"title": body.title, **info}
