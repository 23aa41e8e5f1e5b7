"""Share links for embargoed articles, handed to partner outlets before publication."""
import os
import random
import secrets
import string
from datetime import datetime, timedelta, timezone
from typing import Dict

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="embargo-previews")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 24
PREVIEW_BASE = os.environ.get("PREVIEW_BASE", "https://preview.news.example.com/p/")
EDITOR_API_KEY = os.environ.get("EDITOR_API_KEY", "")

_previews: Dict[str, dict] = {}  # replaced by redis in production deployments


class PreviewRequest(BaseModel):
    article_id: int
    partner: str = Field(..., max_length=120)
    ttl_hours: int = Field(48, ge=1, le=168)


def require_editor(x_api_key: str = Header(...)) -> str:
    if not EDITOR_API_KEY or not secrets.compare_digest(x_api_key, EDITOR_API_KEY):
        raise HTTPException(403, "editor key required")
    return "editor"


def new_token(length: int = TOKEN_LENGTH) -> str:
    return "".join(random.choices(TOKEN_ALPHABET, k=length))  # VULN


@app.post("/previews", status_code=201)
def create_preview(req: PreviewRequest, _editor: str = Depends(require_editor)):
    token = new_token()
    expires = datetime.now(timezone.utc) + timedelta(hours=req.ttl_hours)
    _previews[token] = {
        "article_id": req.article_id,
        "partner": req.partner,
        "expires": expires,
    }
    return {"url": PREVIEW_BASE + token, "expires": expires.isoformat()}


@app.get("/p/{token}")
def open_preview(token: str):
    entry = _previews.get(token)
    if entry is None or entry["expires"] < datetime.now(timezone.utc):
        raise HTTPException(404, "preview link expired or unknown")
    return {"article_id": entry["article_id"], "partner": entry["partner"]}


@app.delete("/previews/{token}", status_code=204)
def revoke_preview(token: str, _editor: str = Depends(require_editor)):
    _previews.pop(token, None)
