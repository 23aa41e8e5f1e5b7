"""Report-hook plugins for the publishing house's nightly job scheduler."""
import hashlib
import logging
import os
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List

from flask import Flask, abort, jsonify, request

log = logging.getLogger("scheduler.plugins")

PLUGIN_DIR = Path(os.environ.get("SCHEDULER_PLUGIN_DIR", "/var/lib/scheduler/plugins"))
MAX_SOURCE_BYTES = 64 * 1024


@dataclass
class Plugin:
    name: str
    digest: str
    run: Callable[[dict], dict]


class PluginRegistry:
    def __init__(self):
        self._plugins: Dict[str, Plugin] = {}

    def register_source(self, name: str, source: str) -> Plugin:
        module = types.ModuleType(f"scheduler_plugin_{name}")
        code = compile(source, f"<plugin {name}>", "exec")
        exec(code, module.__dict__)  # VULN flow
        hook = getattr(module, "run", None)
        if not callable(hook):
            raise ValueError("plugin must define run(context)")
        plugin = Plugin(name=name, digest=hashlib.sha256(source.encode()).hexdigest(), run=hook)
        self._plugins[name] = plugin
        return plugin

    def names(self) -> List[str]:
        return sorted(self._plugins)

    def run(self, name: str, context: dict) -> dict:
        return self._plugins[name].run(context)


registry = PluginRegistry()
app = Flask(__name__)


@app.post("/plugins/<name>")
def upload_plugin(name):
    if not name.isidentifier():
        abort(400, "plugin name must be a Python identifier")
    if (request.content_length or 0) > MAX_SOURCE_BYTES:
        abort(413)
    source = request.get_data(as_text=True)
    try:
        plugin = registry.register_source(name, source)
    except (SyntaxError, ValueError):
        abort(422, "plugin could not be registered")
    PLUGIN_DIR.mkdir(parents=True, exist_ok=True)
    (PLUGIN_DIR / f"{name}.py").write_text(source, encoding="utf-8")
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
