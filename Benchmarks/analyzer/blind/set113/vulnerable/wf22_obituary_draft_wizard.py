"""Obituary draft wizard for the family portal.

The multi-step wizard keeps the in-progress draft client-side in a cookie so a
family member can close the browser and pick up where they left off.
"""
import base64
import binascii
import logging
from dataclasses import asdict, dataclass, field
from typing import List

import jsonpickle
from fastapi import FastAPI, Form, Request, Response

app = FastAPI(title="obituary-wizard")
log = logging.getLogger("obituary_wizard")

COOKIE = "obit_draft"
COOKIE_MAX_AGE = 30 * 24 * 3600


@dataclass
class ObituaryDraft:
    full_name: str = ""
    born: str = ""
    died: str = ""
    hometown: str = ""
    body: str = ""
    survivors: List[str] = field(default_factory=list)
    step: int = 1


def load_draft(request: Request) -> ObituaryDraft:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return ObituaryDraft()
    try:
        data = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        draft = jsonpickle.decode(data)  # VULN flow
    except (ValueError, binascii.Error, UnicodeDecodeError):
        log.info("discarding unreadable draft cookie")
        return ObituaryDraft()
    return draft if isinstance(draft, ObituaryDraft) else ObituaryDraft()


def save_draft(response: Response, draft: ObituaryDraft) -> None:
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(draft).encode("utf-8")).decode("ascii")
    response.set_cookie(COOKIE, encoded, max_age=COOKIE_MAX_AGE, httponly=True,
                        secure=True, samesite="lax")


@app.get("/wizard/draft")
def get_draft(request: Request):
    return asdict(load_draft(request))


@app.post("/wizard/basics")
def save_basics(request: Request, response: Response, full_name: str = Form(...),
                born: str = Form(""), died: str = Form(...), hometown: str = Form("")):
    draft = load_draft(request)
    draft.full_name, draft.born, draft.died, draft.hometown = full_name, born, died, hometown
    draft.step = max(draft.step, 2)
    save_draft(response, draft)
    return {"step": draft.step}


@app.post("/wizard/story")
def save_story(request: Request, response: Response, body: str = Form(...),
               survivors: str = Form("")):
    draft = load_draft(request)
    draft.body = body[:10000]
    draft.survivors = [s.strip() for s in survivors.splitlines() if s.strip()]
    draft.step = max(draft.step, 3)
    save_draft(response, draft)
    return {"step": draft.step, "words": len(draft.body.split())}


@app.post("/wizard/reset")
def reset(response: Response):
    response.delete_cookie(COOKIE)
    return {"step": 1}
