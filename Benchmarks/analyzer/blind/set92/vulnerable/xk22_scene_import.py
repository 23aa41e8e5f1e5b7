"""Import lighting/climate scenes shared as YAML from the community forum.

The mobile app uploads the YAML text; we validate the structure and add
the scenes to the hub.
"""
import logging
from typing import Any, Dict, List

import yaml
from aiohttp import web

log = logging.getLogger("scenes.import")

MAX_UPLOAD = 256 * 1024
ALLOWED_ACTIONS = {"light.turn_on", "light.turn_off", "climate.set_temperature",
                   "cover.open", "cover.close", "lock.lock"}


class SceneError(ValueError):
    pass


def parse_scenes(text: str) -> List[Dict[str, Any]]:
    document = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(document, dict) or "scenes" not in document:
        raise SceneError("expected a top-level 'scenes' list")
    scenes = document["scenes"]
    if not isinstance(scenes, list):
        raise SceneError("'scenes' must be a list")
    return scenes


def validate_scene(scene: Dict[str, Any]) -> Dict[str, Any]:
    name = str(scene.get("name", "")).strip()
    if not name:
        raise SceneError("scene without a name")
    steps = []
    for step in scene.get("steps", []):
        action = step.get("action")
        if action not in ALLOWED_ACTIONS:
            raise SceneError(f"unsupported action in {name!r}")
        steps.append({"action": action, "target": str(step.get("target", "")),
                      "data": dict(step.get("data", {}))})
    return {"name": name, "steps": steps}


async def import_scenes(request: web.Request) -> web.Response:
    if request.content_length and request.content_length > MAX_UPLOAD:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_UPLOAD,
                                            actual_size=request.content_length)
    body = await request.text()
    try:
        scenes = [validate_scene(s) for s in parse_scenes(body)]
    except (SceneError, yaml.YAMLError, AttributeError) as exc:
        raise web.HTTPBadRequest(text=str(exc))
    store = request.app["scenes"]
    for scene in scenes:
        store[scene["name"]] = scene
    log.info("imported %d scene(s)", len(scenes))
    return web.json_response({"imported": [s["name"] for s in scenes]})


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_UPLOAD)
    app["scenes"] = {}
    app.router.add_post("/api/scenes/import", import_scenes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8124)
