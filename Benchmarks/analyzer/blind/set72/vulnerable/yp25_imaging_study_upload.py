"""Upload endpoint for outside imaging (single DICOM files or a tarball of a
whole study) that patients bring to a tele-dermatology / tele-radiology consult.
"""
import logging
import os
import shutil
import tarfile
import uuid

from fastapi import Depends, FastAPI, File, HTTPException, UploadFile

from consults.auth import current_patient
from consults.db import record_upload

log = logging.getLogger("imaging_upload")
app = FastAPI()

STORAGE_ROOT = os.environ.get("IMAGING_STORAGE", "/srv/consult-imaging")
ALLOWED_EXT = {".dcm", ".tar", ".tgz", ".gz", ".jpg", ".png"}


def consult_dir(consult_id: int) -> str:
    path = os.path.join(STORAGE_ROOT, "consult_%d" % consult_id)
    os.makedirs(path, exist_ok=True)
    return path


def save_upload(upload: UploadFile, folder: str) -> str:
    name = upload.filename or "upload.bin"
    if os.path.splitext(name)[1].lower() not in ALLOWED_EXT:
        raise HTTPException(status_code=415, detail="unsupported file type")
    dest = os.path.join(folder, name)
    with open(dest, "wb") as out:  # VULN flow
        shutil.copyfileobj(upload.file, out)
    return dest


def unpack_study(archive_path: str, folder: str) -> list:
    study_dir = os.path.join(folder, "study_" + uuid.uuid4().hex[:8])
    os.makedirs(study_dir)
    with tarfile.open(archive_path, "r:*") as tar:
        names = [m.name for m in tar.getmembers() if m.isfile()]
        tar.extractall(study_dir)  # VULN flow
    os.remove(archive_path)
    return [os.path.join(study_dir, n) for n in names]


@app.post("/consults/{consult_id}/imaging")
async def upload_imaging(consult_id: int, file: UploadFile = File(...), patient=Depends(current_patient)):
    if consult_id not in patient.consult_ids:
        raise HTTPException(status_code=404, detail="consult not found")
    folder = consult_dir(consult_id)
    saved = save_upload(file, folder)
    if tarfile.is_tarfile(saved):
        files = unpack_study(saved, folder)
    else:
        files = [saved]
    for path in files:
        record_upload(consult_id, patient.id, path)
    log.info("consult %d: %d imaging files stored", consult_id, len(files))
    return {"consult_id": consult_id, "files": [os.path.relpath(p, folder) for p in files]}
