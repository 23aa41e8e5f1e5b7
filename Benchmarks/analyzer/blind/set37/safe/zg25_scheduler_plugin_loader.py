"""Report-hook plugins for the publishing house's nightly job scheduler."""
import hashlib
import hmac
import logging
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List

from flask import Flask, abort, jsonify, request

log = logging.getLogger("scheduler.plugins")

PLUGIN_DIR = Path(__file__).resolve().parent / "plugins"
APPROVED_PLUGINS = {
    "royalty_digest": "9c1f4b7e2a6d8f03b5e7c9a1d3f5b7e9a2c4e6f8b0d2f4a6c8e0b2d4f6a8c0e2",
    "backlist_reprint_alert": "4e8a2c6f0b3d7e1a5c9f2b6d0e4a8c3f7b1d5e9a2c6f0b4d8e3a7c1f5b9d2e6a",
    "territory_rights_check": "b7d1f5a9c3e7b2d6f0a4c8e1b5d9f3a7c2e6b0d4f8a3c7e1b6d0f4a8c2e5b9d3",
}


@dataclass
class Plugin:
    name: str
    digest: str
    run: Callable[[dict], dict]


class PluginRegistry:
    def __init__(self):
        self._plugins: Dict[str, Plugin] = {}

    def register_source(self, name: str, source: str) -> Plugin:
        digest = hashlib.sha256(source.encode()).hexdigest()
        if not hmac.compare_digest(digest, APPROVED_PLUGINS[name]):
            raise ValueError("plugin source does not match the approved digest")
        module = types.ModuleType(f"scheduler_plugin_{name}")
        code = compile(source, str(PLUGIN_DIR / f"{name}.py"), "exec")
        exec(code, module.__dict__)
        hook = getattr(module, "run", None)
        if not callable(hook):
            raise ValueError("plugin must define run(context)")
        plugin = Plugin(name=name, digest=digest, run=hook)
        self._plugins[name] = plugin
        return plugin

    def names(self) -> List[str]:
        return sorted(self._plugins)

    def run(self, name: str, context: dict) -> dict:
        return self._plugins[name].run(context)


registry = PluginRegistry()
app = Flask(__name__)


@app.post("/plugins/<name>")
def load_plugin(name):
    if name not in APPROVED_PLUGINS:
        abort(404, "unknown plugin")
    source = (PLUGIN_DIR / f"{name}.py").read_text(encoding="utf-8")
    try:
        plugin = registry.register_source(name, source)
    except (SyntaxError, ValueError):
        abort(422, "plugin could not be registered")
    log.info("registered plugin %r (%s)", name, plugin.digest[:12])
    return jsonify({"name": plugin.name, "sha256": plugin.digest}), 201


@app.get("/plugins")
def list_plugins():
    return jsonify({"plugins": registry.names()})


@app.post("/jobs/<name>/run")
def run_job(name):
    if name not in registry.names():
        abort(404)
    result = registry.run(name, request.get_json(silent=True) or {})
    return jsonify({"plugin": name, "result": result})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
