"""aiohttp service backing the 'practice ballot' tool: voters mark a sample
ballot in the browser, save a draft, and print it to bring to the polls."""
import json
import logging
import uuid
from dataclasses import asdict, dataclass, field
from typing import Dict, List

from aiohttp import web

log = logging.getLogger("ballot_drafts")
MAX_DRAFT_BYTES = 64 * 1024


@dataclass
class BallotDraft:
    ballot_style: str
    selections: Dict[str, List[str]] = field(default_factory=dict)
    write_ins: Dict[str, str] = field(default_factory=dict)
    language: str = "en"


def restore_draft(payload: str) -> BallotDraft:
    obj = json.loads(payload)
    if not isinstance(obj, dict) or not isinstance(obj.get("ballot_style"), str):
        raise ValueError("payload is not a ballot draft")
    return BallotDraft(
        ballot_style=obj["ballot_style"],
        selections={str(k): [str(c) for c in v] for k, v in dict(obj.get("selections", {})).items()},
        write_ins={str(k): str(v) for k, v in dict(obj.get("write_ins", {})).items()},
        language=str(obj.get("language", "en")),
    )


class DraftStore:
    def __init__(self):
        self._drafts: Dict[str, BallotDraft] = {}

    def put(self, draft: BallotDraft) -> str:
        key = uuid.uuid4().hex
        self._drafts[key] = draft
        return key

    def get(self, key: str) -> BallotDraft:
        return self._drafts[key]


async def save_draft(request: web.Request) -> web.Response:
    if request.content_length and request.content_length > MAX_DRAFT_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_DRAFT_BYTES, actual_size=request.content_length)
    payload = await request.text()
    try:
        draft = restore_draft(payload)
    except Exception as exc:
        log.info("rejected draft: %r", exc)
        raise web.HTTPBadRequest(text="invalid draft")
    key = request.app["store"].put(draft)
    return web.json_response({"draft_id": key, "contests": len(draft.selections)}, status=201)


async def get_draft(request: web.Request) -> web.Response:
    try:
        draft = request.app["store"].get(request.match_info["draft_id"])
    except KeyError:
        raise web.HTTPNotFound(text="draft not found")
    return web.json_response(asdict(draft), dumps=json.dumps)


def create_app() -> web.Application:
    app = web.Application(client_max_size=MAX_DRAFT_BYTES)
    app["store"] = DraftStore()
    app.router.add_post("/practice-ballot/drafts", save_draft)
    app.router.add_get("/practice-ballot/drafts/{draft_id}", get_draft)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8097)
