"""Loads check plugins for the scanner worker.

Tenants pick which vetted plugins to enable in the console; when a scan job
starts, the worker checks the repository manifest and registers the checks
each enabled plugin exports in ``CHECKS``. Plugin code itself only ever comes
from packages installed in the worker image.
"""
import importlib
import logging
import types
from typing import Callable, Dict

import requests

log = logging.getLogger("scanner.plugins")

USER_AGENT = "zw-scanner-worker/5.1"

# plugin name -> module shipped in the worker image after security review
VETTED_PLUGINS = {
    "tls": "zw_checks.tls",
    "headers": "zw_checks.http_headers",
    "dns": "zw_checks.dns_hygiene",
    "s3": "zw_checks.s3_exposure",
}


class PluginError(RuntimeError):
    pass


class PluginLoader:
    def __init__(self, session: requests.Session = None):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.checks: Dict[str, Callable] = {}

    def fetch_manifest(self, repo_url: str) -> dict:
        resp = self.session.get(f"{repo_url.rstrip('/')}/manifest.json", timeout=15)
        resp.raise_for_status()
        return resp.json()

    def load_plugin(self, name: str) -> types.ModuleType:
        module_path = VETTED_PLUGINS.get(name)
        if module_path is None:
            raise PluginError(f"plugin {name!r} is not on the vetted list")
        module = importlib.import_module(module_path)
        for check in getattr(module, "CHECKS", []):
            self.checks[f"{name}.{check.__name__}"] = check
        return module

    def load_repository(self, repo_url: str) -> int:
        manifest = self.fetch_manifest(repo_url)
        loaded = 0
        for entry in manifest.get("plugins", []):
            try:
                self.load_plugin(str(entry["name"]))
            except PluginError as exc:
                log.warning("%s", exc)
                continue
            loaded += 1
        log.info("loaded %d plugins from %r", loaded, repo_url)
        return loaded


def prepare_worker(job) -> PluginLoader:
    loader = PluginLoader()
    for repo in job.tenant.plugin_repositories:
        try:
            loader.load_repository(repo.url)
        except (requests.RequestException, PluginError, ImportError) as exc:
            log.warning("skipping plugin repo %r: %s", repo.url, exc)
    return loader
