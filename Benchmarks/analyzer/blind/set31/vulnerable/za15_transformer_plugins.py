"""Falcon API that dispatches inbound integration events to transformer plugins."""
import hmac
import logging
import os
import re

import falcon

logger = logging.getLogger(__name__)

PLUGIN_PACKAGE = "integrations.transformers"
MODULE_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")


class ApiKeyMiddleware:
    def __init__(self, keys):
        self.keys = [key for key in keys if key]

    def process_request(self, req, resp):
        supplied = req.get_header("X-Api-Key") or ""
        if not any(hmac.compare_digest(supplied, key) for key in self.keys):
            raise falcon.HTTPUnauthorized(title="invalid api key")


class PluginLoader:
    def __init__(self, package):
        self.package = package
        self._cache = {}

    def load(self, module_name, entrypoint):
        key = (module_name, entrypoint)
        if key not in self._cache:
            namespace = {}
            statement = f"from {self.package}.{module_name} import {entrypoint} as transform"
            exec(statement, namespace)  # VULN flow
            self._cache[key] = namespace["transform"]
        return self._cache[key]


class EventResource:
    def __init__(self, loader):
        self.loader = loader

    def on_post(self, req, resp, integration_id):
        body = req.get_media()
        plugin = body.get("plugin") or {}
        module_name = plugin.get("module", "")
        entrypoint = plugin.get("entrypoint", "transform")
        if not MODULE_NAME.fullmatch(module_name):
            raise falcon.HTTPBadRequest(title="invalid plugin module")
        try:
            transform = self.loader.load(module_name, entrypoint)
        except ImportError:
            raise falcon.HTTPNotFound(title="plugin not installed")
        result = transform(body.get("event") or {})
        logger.info("integration %r dispatched via %r", integration_id, module_name)
        resp.media = {"integration": integration_id, "payload": result}


def create_app():
    keys = os.environ.get("INTEGRATION_API_KEYS", "").split(",")
    app = falcon.App(middleware=[ApiKeyMiddleware(keys)])
    app.add_route(
        "/integrations/{integration_id}/events",
        EventResource(PluginLoader(PLUGIN_PACKAGE)),
    )
    return app


app = create_app()
