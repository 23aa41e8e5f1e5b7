import hmac
import importlib
import logging
import os

import falcon
import yaml

log = logging.getLogger("plugins")
REGISTRY = {}
ALLOWED_PLUGINS = {"slack_notify", "csv_export", "audit_trail"}
MAX_MANIFEST = 64 * 1024


def require_admin(req):
    token = req.get_header("X-Admin-Token") or ""
    if not hmac.compare_digest(token, os.environ["PLUGIN_ADMIN_TOKEN"]):
        raise falcon.HTTPUnauthorized(title="admin token required")


class PluginCollection:
    def on_get(self, req, resp):
        resp.media = {"plugins": sorted(REGISTRY), "available": sorted(ALLOWED_PLUGINS)}

    def on_post(self, req, resp):
        require_admin(req)
        if (req.content_length or 0) > MAX_MANIFEST:
            raise falcon.HTTPPayloadTooLarge()
        manifest = yaml.safe_load(req.bounded_stream.read(MAX_MANIFEST))
        if not isinstance(manifest, dict) or manifest.get("name") not in ALLOWED_PLUGINS:
            raise falcon.HTTPBadRequest(title="unknown plugin")
        name = manifest["name"]
        settings = manifest.get("settings") or {}
        if not isinstance(settings, dict):
            raise falcon.HTTPBadRequest(title="settings must be a mapping")
        module = importlib.import_module(f"myapp.plugins.{name}")
        REGISTRY[name] = module.setup(settings)
        log.info("enabled plugin %s", name)
        resp.status = falcon.HTTP_201
        resp.media = {"enabled": name}


class PluginItem:
    def on_delete(self, req, resp, name):
        require_admin(req)
        if REGISTRY.pop(name, None) is None:
            raise falcon.HTTPNotFound()
        resp.status = falcon.HTTP_204


app = falcon.App()
app.add_route("/plugins", PluginCollection())
app.add_route("/plugins/{name}", PluginItem())
