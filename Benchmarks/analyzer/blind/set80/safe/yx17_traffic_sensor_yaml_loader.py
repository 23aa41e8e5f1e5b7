"""Field engineers upload sensor site configs (YAML) from their laptops.

aiohttp service; configs are validated and stored for the sensor
provisioning job.
"""
import json
import logging
import os

import yaml
from aiohttp import web

log = logging.getLogger("site_configs")

CONFIG_DIR = os.environ.get("SITE_CONFIG_DIR", "/var/lib/sensors/sites")
REQUIRED_KEYS = ("site_id", "corridor", "detectors")
MAX_UPLOAD = 256 * 1024


class SiteConfigError(ValueError):
    pass


def parse_site_config(text: str) -> dict:
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise SiteConfigError("top level must be a mapping")
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise SiteConfigError("missing keys: " + ", ".join(missing))
    for det in data["detectors"]:
        if "lane" not in det or "type" not in det:
            raise SiteConfigError("each detector needs lane and type")
    return data


def store_config(cfg: dict) -> str:
    site_id = str(cfg["site_id"])
    if not site_id.isalnum():
        raise SiteConfigError("site_id must be alphanumeric")
    os.makedirs(CONFIG_DIR, exist_ok=True)
    path = os.path.join(CONFIG_DIR, f"{site_id}.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(cfg, fh, indent=2, default=str)
    return path


async def upload_config(request: web.Request) -> web.Response:
    if request.content_length and request.content_length > MAX_UPLOAD:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_UPLOAD, actual_size=request.content_length)
    text = await request.text()
    try:
        cfg = parse_site_config(text)
        path = store_config(cfg)
    except (SiteConfigError, yaml.YAMLError) as exc:
        return web.json_response({"error": str(exc)}, status=400)
    log.info("stored site config %s (%d detectors)", os.path.basename(path), len(cfg["detectors"]))
    return web.json_response({"site_id": cfg["site_id"], "detectors": len(cfg["detectors"])},
                             status=201)


async def list_configs(request: web.Request) -> web.Response:
    names = sorted(n[:-5] for n in os.listdir(CONFIG_DIR) if n.endswith(".json"))
    return web.json_response({"sites": names})


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_UPLOAD)
    app.router.add_post("/sites", upload_config)
    app.router.add_get("/sites", list_configs)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8087)
