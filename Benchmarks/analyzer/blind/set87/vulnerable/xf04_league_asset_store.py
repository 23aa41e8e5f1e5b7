"""League branding assets: logos, banners and trophy images uploaded by commissioners."""
import logging
import os
from pathlib import Path

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("league.assets")
app = FastAPI(title="league-assets")

ASSET_ROOT = Path(os.environ.get("LEAGUE_ASSET_ROOT", "/srv/league-assets"))
MAX_BYTES = 2 * 1024 * 1024


def league_dir(league_id: int) -> str:
    path = ASSET_ROOT / str(league_id)
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


async def commissioner(x_league_role: str = Header(default="")) -> str:
    if x_league_role != "commissioner":
        raise HTTPException(status_code=403, detail="commissioners only")
    return x_league_role


@app.get("/leagues/{league_id}/assets")
async def list_assets(league_id: int):
    return {"assets": sorted(os.listdir(league_dir(league_id)))}


@app.get("/leagues/{league_id}/assets/file")
async def get_asset(league_id: int, name: str):
    target = os.path.join(league_dir(league_id), name)
    if not os.path.isfile(target):
        raise HTTPException(status_code=404, detail="no such asset")
    return FileResponse(target)  # VULN flow


@app.post("/leagues/{league_id}/assets")
async def upload_asset(league_id: int, file: UploadFile = File(...), _role: str = Depends(commissioner)):
    data = await file.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="asset too large")
    dest = os.path.join(league_dir(league_id), file.filename or "upload.bin")
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(data)
    log.info("stored asset %r for league %d (%d bytes)", file.filename, league_id, len(data))
    return {"stored": os.path.basename(dest), "size": len(data)}


@app.delete("/leagues/{league_id}/assets/{asset_id}")
async def delete_asset(league_id: int, asset_id: int, _role: str = Depends(commissioner)):
    # assets are referenced by index in the listing
    names = sorted(os.listdir(league_dir(league_id)))
    if asset_id < 0 or asset_id >= len(names):
        raise HTTPException(status_code=404, detail="no such asset")
    os.remove(os.path.join(league_dir(league_id), names[asset_id]))
    return {"deleted": names[asset_id]}
