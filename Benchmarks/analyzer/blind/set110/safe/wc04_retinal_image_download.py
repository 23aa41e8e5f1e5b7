"""Retinal imaging archive: serves fundus and OCT captures to the viewer."""
import logging
import os
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

log = logging.getLogger("retina_archive")
app = FastAPI(title="Retina Archive")

ARCHIVE_ROOT = os.environ.get("RETINA_ARCHIVE", "/data/retina")
MEDIA_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".dcm": "application/dicom"}


class ArchiveSettings:
    def __init__(self, root: str = ARCHIVE_ROOT):
        self.root = os.path.realpath(root)
        self.modalities = ("fundus", "oct", "topography")


def get_settings() -> ArchiveSettings:
    return ArchiveSettings()


def resolve_image_path(settings: ArchiveSettings, patient_id: int, modality: str,
                       filename: str) -> str:
    if modality not in settings.modalities:
        raise HTTPException(status_code=400, detail="unknown modality")
    patient_dir = os.path.realpath(os.path.join(settings.root, f"{patient_id:08d}", modality))
    candidate = os.path.realpath(os.path.join(patient_dir, filename))
    if os.path.commonpath([candidate, patient_dir]) != patient_dir:
        raise HTTPException(status_code=400, detail="invalid file name")
    return candidate


@app.get("/patients/{patient_id}/images")
def list_images(patient_id: int, modality: str = "fundus",
                settings: ArchiveSettings = Depends(get_settings)):
    if modality not in settings.modalities:
        raise HTTPException(status_code=400, detail="unknown modality")
    folder = os.path.join(settings.root, f"{patient_id:08d}", modality)
    if not os.path.isdir(folder):
        return {"images": []}
    return {"images": sorted(os.listdir(folder))}


@app.get("/patients/{patient_id}/image")
def get_image(patient_id: int, modality: str = "fundus",
              file: str = Query(..., min_length=1),
              eye: Optional[str] = None,
              settings: ArchiveSettings = Depends(get_settings)):
    path = resolve_image_path(settings, patient_id, modality, file)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="image not found")
    ext = os.path.splitext(path)[1].lower()
    log.info("serving %s image for patient %d (eye=%r)", modality, patient_id, eye)
    return FileResponse(path, media_type=MEDIA_TYPES.get(ext, "application/octet-stream"))
