"""Loads third-party check plugins for the scanner worker.

Tenants can register a plugin repository in the console; when a scan job
starts, the worker pulls the repository manifest, downloads each plugin and
registers the checks it exports in ``CHECKS``.
"""
import hashlib
import logging
import types
from typing import Callable, Dict

import requests

log = logging.getLogger("scanner.plugins")

USER_AGENT = "zw-scanner-worker/5.1"


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

    def fetch_source(self, url: str) -> str:
        resp = self.session.get(url, timeout=15)
        resp.raise_for_status()
        return resp.text

    def load_plugin(self, name: str, source: str) -> types.ModuleType:
        module = types.ModuleType(f"scanner_plugin_{name}")
        code = compile(source, f"<plugin:{name}>", "exec")
        exec(code, module.__dict__)  # VULN flow
        for check in getattr(module, "CHECKS", []):
            self.checks[f"{name}.{check.__name__}"] = check
        return module

    def load_repository(self, repo_url: str) -> int:
        manifest = self.fetch_manifest(repo_url)
        loaded = 0
        for entry in manifest.get("plugins", []):
            source = self.fetch_source(entry["source"])
            digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
            if entry.get("sha256") and entry["sha256"] != digest:
                raise PluginError(f"checksum mismatch for {entry['name']!r}")
            self.load_plugin(entry["name"], source)
            loaded += 1
        log.info("loaded %d plugins from %r", loaded, repo_url)
        return loaded


def prepare_worker(job) -> PluginLoader:
    loader = PluginLoader()
    for repo in job.tenant.plugin_repositories:
        try:
            loader.load_repository(repo.url)
        except (requests.RequestException, PluginError, SyntaxError) as exc:
            log.warning("skipping plugin repo %r: %s", repo.url, exc)
    return loader
