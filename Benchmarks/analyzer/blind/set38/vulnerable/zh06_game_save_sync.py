import base64
import hashlib
import logging
import pickle
import time

from aiohttp import web

from .store import SaveSlotStore

logger = logging.getLogger("savesync")
routes = web.RouteTableDef()
MAX_SLOTS = 8


def decode_save(blob: str):
    raw = base64.b64decode(blob, validate=True)
    return pickle.loads(raw)  # VULN flow


def encode_save(state) -> str:
    return base64.b64encode(pickle.dumps(state)).decode()


def _slot_from(request: web.Request) -> int:
    try:
        slot = int(request.match_info["slot"])
    except ValueError:
        raise web.HTTPBadRequest(text="slot must be an integer")
    if not 0 <= slot < MAX_SLOTS:
        raise web.HTTPBadRequest(text="slot out of range")
    return slot


def _authorize(request: web.Request) -> str:
    player_id = request.match_info["player_id"]
    if request["session"].player_id != player_id:
        raise web.HTTPForbidden()
    return player_id


@routes.put("/players/{player_id}/slots/{slot}")
async def upload_slot(request: web.Request) -> web.Response:
    player_id = _authorize(request)
    slot = _slot_from(request)
    payload = await request.json()
    state = decode_save(payload["data"])
    checksum = hashlib.sha256(payload["data"].encode()).hexdigest()
    store: SaveSlotStore = request.app["store"]
    await store.put(player_id, slot, state, checksum=checksum, updated=time.time())
    logger.info("player %r saved slot %d (level %r)", player_id, slot, state.get("level"))
    return web.json_response({"slot": slot, "checksum": checksum})


@routes.get("/players/{player_id}/slots/{slot}")
async def download_slot(request: web.Request) -> web.Response:
    player_id = _authorize(request)
    slot = _slot_from(request)
    store: SaveSlotStore = request.app["store"]
    record = await store.get(player_id, slot)
    if record is None:
        raise web.HTTPNotFound()
    return web.json_response({"slot": slot, "data": encode_save(record.state), "updated": record.updated})


def create_app(store: SaveSlotStore) -> web.Application:
    app = web.Application(client_max_size=512 * 1024)
    app["store"] = store
    app.add_routes(routes)
    return app
