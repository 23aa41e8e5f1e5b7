"""Team file-share API: listing and downloading shared documents."""
import logging
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

logger = logging.getLogger("fileshare.api")
app = FastAPI(title="fileshare")

SHARE_ROOT = os.environ.get("SHARE_ROOT", "/srv/share")
FOLDERS = frozenset({"docs", "contracts", "media"})


@dataclass
class Principal:
    user_id: int
    team: str


@dataclass
class DownloadRequest:
    principal: Principal
    folder: str
    filename: str


class ShareStorage:
    def __init__(self, root: str = SHARE_ROOT):
        self.root = root

    def team_dir(self, team: str) -> str:
        return os.path.join(self.root, "teams", team)

    def resolve(self, req: DownloadRequest) -> str:
        if req.folder not in FOLDERS:
            raise FileNotFoundError(req.folder)
        base = os.path.realpath(os.path.join(self.team_dir(req.principal.team), req.folder))
        path = os.path.realpath(os.path.join(base, req.filename))
        if os.path.dirname(path) != base:
            raise FileNotFoundError(req.filename)
        return path

    def listing(self, team: str, folder: str) -> list:
        base = Path(self.team_dir(team)) / folder
        return sorted(p.name for p in base.iterdir() if p.is_file())


async def current_principal(authorization: str = Header(...)) -> Principal:
    from .auth import decode_session
    claims = decode_session(authorization)
    if claims is None:
        raise HTTPException(status_code=401)
    return Principal(user_id=claims["uid"], team=claims["team"])


def get_storage() -> ShareStorage:
    return ShareStorage()


@app.get("/files/{folder}")
async def list_folder(folder: str, who: Principal = Depends(current_principal),
                      storage: ShareStorage = Depends(get_storage)):
    if folder not in FOLDERS:
        raise HTTPException(status_code=404)
    return {"folder": folder, "files": storage.listing(who.team, folder)}


@app.get("/files/{folder}/download")
async def download(folder: str, name: str, who: Principal = Depends(current_principal),
                   storage: ShareStorage = Depends(get_storage)):
    req = DownloadRequest(principal=who, folder=folder, filename=name)
    try:
        path = storage.resolve(req)
    except FileNotFoundError:
        raise HTTPException(status_code=404)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    logger.info("download user=%d folder=%r name=%r", who.user_id, folder, name)
    media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, filename=os.path.basename(path))
