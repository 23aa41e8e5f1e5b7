import base64
import logging
import types

import falcon
import yaml

log = logging.getLogger("plugins")
REGISTRY = {}


def install_plugin(name, code):
    module = types.ModuleType(f"plugins.{name}")
    exec(compile(code, f"<plugin {name}>", "exec"), module.__dict__)  # VULN flow
    if hasattr(module, "setup"):
        module.setup()
    REGISTRY[name] = module
    return module


class PluginCollection:
    def on_get(self, req, resp):
        resp.media = {"plugins": sorted(REGISTRY)}

    def on_post(self, req, resp):
        raw = req.bounded_stream.read()
        manifest = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
        if not isinstance(manifest, dict) or "name" not in manifest:
            raise falcon.HTTPBadRequest(title="invalid manifest")
        name = str(manifest["name"])
        source = base64.b64decode(manifest.get("code", "")).decode("utf-8")
        install_plugin(name, source)
        log.info("installed plugin %r version %r", name, manifest.get("version"))
        resp.status = falcon.HTTP_201
        resp.media = {"installed": name}


class PluginItem:
    def on_delete(self, req, resp, name):
        if REGISTRY.pop(name, None) is None:
            raise falcon.HTTPNotFound()
        resp.status = falcon.HTTP_204


app = falcon.App()
app.add_route("/plugins", PluginCollection())
app.add_route("/plugins/{name}", PluginItem())
