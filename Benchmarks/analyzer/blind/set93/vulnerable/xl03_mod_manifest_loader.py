"""Mod repository: upload endpoint that validates a mod package's manifest."""
import hashlib
import io
import logging
import zipfile
from typing import Any, Dict

import yaml
from fastapi import FastAPI, File, Form, HTTPException, UploadFile

log = logging.getLogger("modrepo.upload")
app = FastAPI(title="Workshop Uploads")

REQUIRED_KEYS = {"name", "version", "game", "entrypoint"}
SUPPORTED_GAMES = {"arenaforge", "skyline-rally", "deadlock-tactics"}
MAX_PACKAGE_BYTES = 64 * 1024 * 1024


class ManifestError(Exception):
    pass


def read_manifest(archive: zipfile.ZipFile) -> Dict[str, Any]:
    try:
        raw = archive.read("manifest.yaml")
    except KeyError:
        raise ManifestError("manifest.yaml missing from package")
    text = raw.decode("utf-8", errors="replace")
    manifest = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(manifest, dict):
        raise ManifestError("manifest must be a mapping")
    return manifest


def validate_manifest(manifest: Dict[str, Any], archive: zipfile.ZipFile) -> None:
    missing = REQUIRED_KEYS - manifest.keys()
    if missing:
        raise ManifestError(f"missing keys: {', '.join(sorted(missing))}")
    if manifest["game"] not in SUPPORTED_GAMES:
        raise ManifestError("unsupported game")
    if manifest["entrypoint"] not in archive.namelist():
        raise ManifestError("entrypoint not found in package")


@app.post("/v2/mods/upload")
async def upload_mod(author_id: int = Form(...), package: UploadFile = File(...)):
    blob = await package.read()
    if len(blob) > MAX_PACKAGE_BYTES:
        raise HTTPException(status_code=413, detail="package too large")
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            manifest = read_manifest(archive)
            validate_manifest(manifest, archive)
    except zipfile.BadZipFile:
        raise HTTPException(status_code=400, detail="not a zip archive")
    except ManifestError as exc:
        raise HTTPException(status_code=422, detail=str(exc))

    digest = hashlib.sha256(blob).hexdigest()
    log.info("accepted mod package author=%s sha256=%s", author_id, digest)
    return {
        "name": manifest["name"],
        "version": str(manifest["version"]),
        "game": manifest["game"],
        "sha256": digest,
    }
