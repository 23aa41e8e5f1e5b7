import jsonpickle
from aiohttp import web

routes = web.RouteTableDef()


class EditorSession:
    def __init__(self, doc_id, cursor=0, selections=None):
        self.doc_id = doc_id
        self.cursor = cursor
        self.selections = selections or []


@routes.post("/editor/sessions/restore")
async def restore_session(request):
    body = await request.text()
    state = jsonpickle.decode(body)  # VULN flow
    if not isinstance(state, EditorSession):
        raise web.HTTPBadRequest(text="unexpected session payload")
    request.app["sessions"][state.doc_id] = state
    return web.json_response({"doc_id": state.doc_id, "cursor": state.cursor})


@routes.get("/editor/sessions/{doc_id}")
async def export_session(request):
    state = request.app["sessions"].get(request.match_info["doc_id"])
    if state is None:
        raise web.HTTPNotFound()
    return web.Response(text=jsonpickle.encode(state), content_type="application/json")


def make_app():
    app = web.Application()
    app["sessions"] = {}
    app.add_routes(routes)
    return app
