"""Agent console: ticket macro drafts are kept in a cookie between page loads."""
import logging
import time

import jsonpickle
from aiohttp import web

log = logging.getLogger("console.macros")
routes = web.RouteTableDef()

ALLOWED_ACTIONS = {"set_status", "set_priority", "add_tag", "assign", "reply"}
COOKIE = "macro_draft"
MACROS = {}


class MacroDraft:
    def __init__(self, title, actions, tags=None):
        self.title = title
        self.actions = actions
        self.tags = tags or []
        self.saved_at = time.time()

    def validate(self):
        for action in self.actions:
            if action.get("type") not in ALLOWED_ACTIONS:
                raise ValueError(f"unknown action {action.get('type')!r}")

    def as_json(self):
        return {"title": self.title, "actions": self.actions, "tags": self.tags,
                "saved_at": self.saved_at}


@routes.get("/macros/draft")
async def get_draft(request):
    if COOKIE not in request.cookies:
        return web.json_response({"draft": None})
    draft = jsonpickle.decode(request.cookies[COOKIE])  # VULN
    return web.json_response({"draft": draft.as_json()})


@routes.post("/macros/draft")
async def save_draft(request):
    data = await request.json()
    draft = MacroDraft(str(data.get("title", ""))[:120], list(data.get("actions", [])),
                       [str(t) for t in data.get("tags", [])][:10])
    resp = web.json_response({"saved": True})
    resp.set_cookie(COOKIE, jsonpickle.encode(draft), httponly=True, secure=True,
                    samesite="Strict", max_age=86400)
    return resp


@routes.post("/macros")
async def publish(request):
    if COOKIE not in request.cookies:
        raise web.HTTPBadRequest(text="no draft to publish")
    draft = jsonpickle.decode(request.cookies[COOKIE])  # VULN
    try:
        draft.validate()
    except ValueError as exc:
        raise web.HTTPUnprocessableEntity(text=str(exc))
    macro_id = len(MACROS) + 1
    MACROS[macro_id] = draft.as_json()
    resp = web.json_response({"id": macro_id}, status=201)
    resp.del_cookie(COOKIE)
    return resp


def make_app():
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8082)
