"""Media download service for customer asset collections."""
import json
import logging
import os
from functools import lru_cache
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

app = FastAPI(title="media-download")
logger = logging.getLogger("media")

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/srv/media")).resolve()
KEYS_FILE = Path(os.environ.get("MEDIA_KEYS_FILE", "/etc/media/keys.json"))


class Account:
    def __init__(self, name: str, collections: list[str]):
        self.name = name
        self.collections = frozenset(collections)


@lru_cache(maxsize=1)
def accounts() -> dict[str, Account]:
    raw = json.loads(KEYS_FILE.read_text(encoding="utf-8"))
    return {key: Account(entry["name"], entry["collections"]) for key, entry in raw.items()}


def current_account(x_api_key: str = Header(...)) -> Account:
    account = accounts().get(x_api_key)
    if account is None:
        raise HTTPException(status_code=401, detail="invalid api key")
    return account


def resolve_media(collection: str, filename: str) -> Path:
    return MEDIA_ROOT / collection / filename


@app.get("/media/{collection}")
async def listing(collection: str, account: Account = Depends(current_account)):
    if collection not in account.collections:
        raise HTTPException(status_code=403, detail="collection not available")
    base = MEDIA_ROOT / collection
    if not base.is_dir():
        raise HTTPException(status_code=404, detail="not found")
    files = sorted(p.name for p in base.iterdir() if p.is_file())
    return {"collection": collection, "files": files}


@app.get("/media/{collection}/{filename:path}")
async def download(collection: str, filename: str, account: Account = Depends(current_account)):
    if collection not in account.collections:
        raise HTTPException(status_code=403, detail="collection not available")
    path = resolve_media(collection, filename)
    if not path.is_file():
        raise HTTPException(status_code=404, detail="not found")
    logger.info("%s downloading %r from %r", account.name, filename, collection)
    return FileResponse(path)  # VULN flow
