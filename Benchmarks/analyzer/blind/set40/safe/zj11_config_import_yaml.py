"""Admin API: import/export feature-flag bundles as YAML."""
import io
import logging
from typing import Any

import yaml
from fastapi import Depends, FastAPI, File, HTTPException, UploadFile
from fastapi.responses import PlainTextResponse

from .auth import require_admin
from .flags import FlagRepository

log = logging.getLogger("flags.admin")
app = FastAPI()
repo = FlagRepository()

MAX_BUNDLE_BYTES = 256 * 1024


async def read_bundle(upload: UploadFile) -> str:
    data = await upload.read(MAX_BUNDLE_BYTES + 1)
    if len(data) > MAX_BUNDLE_BYTES:
        raise HTTPException(413, "bundle too large")
    return data.decode("utf-8")


def parse_bundle(text: str) -> dict[str, Any]:
    # dates and numbers come through as plain YAML scalars
    doc = yaml.load(io.StringIO(text), Loader=yaml.SafeLoader)
    if not isinstance(doc, dict) or "flags" not in doc:
        raise HTTPException(422, "bundle must contain a 'flags' mapping")
    return doc


def validate_flags(flags: dict[str, Any]) -> list[str]:
    problems = []
    for name, spec in flags.items():
        if not isinstance(spec, dict):
            problems.append(f"{name}: expected mapping")
            continue
        if "enabled" not in spec:
            problems.append(f"{name}: missing 'enabled'")
        rollout = spec.get("rollout", 100)
        if not 0 <= float(rollout) <= 100:
            problems.append(f"{name}: rollout out of range")
    return problems


@app.post("/admin/flags/import")
async def import_flags(bundle: UploadFile = File(...), dry_run: bool = False,
                       admin=Depends(require_admin)):
    text = await read_bundle(bundle)
    doc = parse_bundle(text)
    problems = validate_flags(doc["flags"])
    if problems:
        raise HTTPException(422, {"problems": problems})
    if not dry_run:
        repo.replace_all(doc["flags"], actor=admin.email)
    log.info("flag bundle imported by %s (%d flags, dry_run=%s)",
             admin.id, len(doc["flags"]), dry_run)
    return {"imported": len(doc["flags"]), "dry_run": dry_run}


@app.get("/admin/flags/export", response_class=PlainTextResponse)
def export_flags(admin=Depends(require_admin)):
    return yaml.safe_dump({"version": 3, "flags": repo.all()}, sort_keys=True)
