"""Time-limited share links for datasets in the imaging core's storage.

Owners create a link for a dataset (optionally protected by a 6-digit PIN
sent separately to the collaborator); anyone holding the link can list and
fetch the files until it expires.
"""
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="imaging share links")

ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
LINKS: dict = {}
MAX_TTL_HOURS = 24 * 30


def make_token(length: int = 22) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def make_pin() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


@dataclass
class ShareLink:
    token: str
    dataset: str
    owner: str
    expires: float
    pin: Optional[str] = None
    hits: int = 0


class ShareRequest(BaseModel):
    dataset: str
    owner: str
    ttl_hours: int = 168
    with_pin: bool = False


@app.post("/shares")
def create_share(req: ShareRequest):
    ttl = max(1, min(req.ttl_hours, MAX_TTL_HOURS))
    link = ShareLink(
        token=make_token(),
        dataset=req.dataset,
        owner=req.owner,
        expires=time.time() + ttl * 3600,
        pin=make_pin() if req.with_pin else None,
    )
    LINKS[link.token] = link
    return {"url": f"/shares/{link.token}", "pin": link.pin, "expires": int(link.expires)}


@app.get("/shares/{token}")
def open_share(token: str, pin: Optional[str] = None):
    link = LINKS.get(token)
    if link is None or link.expires < time.time():
        raise HTTPException(status_code=404, detail="link expired or unknown")
    if link.pin is not None and not hmac.compare_digest(pin or "", link.pin):
        raise HTTPException(status_code=403, detail="PIN required")
    link.hits += 1
    return {"dataset": link.dataset, "owner": link.owner, "hits": link.hits}


@app.delete("/shares/{token}")
def revoke_share(token: str):
    if LINKS.pop(token, None) is None:
        raise HTTPException(status_code=404, detail="unknown link")
    return {"revoked": True}
