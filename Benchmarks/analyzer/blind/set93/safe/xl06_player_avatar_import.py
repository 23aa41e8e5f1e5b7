"""Player profile service: import an avatar from a remote URL."""
import hashlib
import io
import logging
import os
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from PIL import Image
from pydantic import BaseModel

log = logging.getLogger("profiles.avatar")
app = FastAPI()

AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/static/avatars")
MAX_BYTES = 4 * 1024 * 1024
FETCH_TIMEOUT = 6
ALLOWED_HOSTS = {
    "avatars.steamstatic.com",
    "cdn.discordapp.com",
    "static-cdn.jtvnw.net",
}


class AvatarImport(BaseModel):
    url: str
    crop: bool = True


class AvatarFetcher:
    def __init__(self, source_url: str):
        self.source_url = source_url.strip()
        parsed = urlparse(self.source_url)
        if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
            raise HTTPException(status_code=400, detail="avatar host not allowed")

    def download(self) -> bytes:
        resp = requests.get(self.source_url, timeout=FETCH_TIMEOUT, stream=True, allow_redirects=False)
        resp.raise_for_status()
        body = resp.raw.read(MAX_BYTES + 1, decode_content=True)
        if len(body) > MAX_BYTES:
            raise HTTPException(status_code=413, detail="image too large")
        return body


def normalise(image_bytes: bytes, crop: bool) -> bytes:
    img = Image.open(io.BytesIO(image_bytes)).convert("RGB")
    if crop:
        side = min(img.size)
        img = img.crop((0, 0, side, side))
    img = img.resize((256, 256))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


@app.post("/players/{player_id}/avatar/import")
def import_avatar(player_id: int, body: AvatarImport):
    fetcher = AvatarFetcher(body.url)
    try:
        raw = fetcher.download()
    except requests.RequestException as exc:
        raise HTTPException(status_code=502, detail=f"could not fetch avatar: {exc}")
    try:
        png = normalise(raw, body.crop)
    except Exception:
        raise HTTPException(status_code=415, detail="unsupported image")
    name = hashlib.sha256(png).hexdigest() + ".png"
    with open(os.path.join(AVATAR_DIR, name), "wb") as fh:
        fh.write(png)
    log.info("player %d avatar updated -> %s", player_id, name)
    return {"avatar": f"/static/avatars/{name}"}

