"""Reads plugin bundles uploaded by integration partners and registers their hooks."""
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

log = logging.getLogger(__name__)

ALLOWED_HOOKS = {"on_ingest", "on_export", "on_schedule"}
UPLOAD_DIR = Path("/srv/integrations/uploads")


@dataclass
class PluginManifest:
    name: str
    version: str
    entry_point: str
    hooks: list = field(default_factory=list)
    settings: dict = field(default_factory=dict)


class PluginRegistry:
    def __init__(self):
        self._plugins = {}
        self._hooks = {hook: [] for hook in ALLOWED_HOOKS}

    def read_manifest(self, bundle_path):
        with zipfile.ZipFile(bundle_path) as zf:
            raw = zf.read("plugin.yaml")
        data = yaml.safe_load(raw)
        if not isinstance(data, dict):
            raise ValueError("manifest must be a mapping")
        return PluginManifest(
            name=str(data["name"]),
            version=str(data.get("version", "0.0.0")),
            entry_point=str(data["entry_point"]),
            hooks=[h for h in data.get("hooks", []) if h in ALLOWED_HOOKS],
            settings=dict(data.get("settings") or {}),
        )

    def register(self, manifest):
        if manifest.name in self._plugins:
            log.warning("plugin %r already registered, replacing", manifest.name)
        self._plugins[manifest.name] = manifest
        for hook in manifest.hooks:
            self._hooks[hook].append(manifest.name)

    def plugins_for(self, hook):
        return [self._plugins[name] for name in self._hooks.get(hook, [])]


def scan_uploads(registry, upload_dir=UPLOAD_DIR):
    loaded = 0
    for bundle in sorted(upload_dir.glob("*.zip")):
        try:
            manifest = registry.read_manifest(bundle)
        except (KeyError, ValueError, yaml.YAMLError, zipfile.BadZipFile) as exc:
            log.error("rejected bundle %r: %s", bundle.name, type(exc).__name__)
            continue
        registry.register(manifest)
        loaded += 1
    return loaded


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    reg = PluginRegistry()
    count = scan_uploads(reg)
    log.info("registered %d plugin bundles", count)
