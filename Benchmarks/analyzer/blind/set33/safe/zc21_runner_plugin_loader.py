"""Plugin loader for the CI runner: installs plugin bundles declared in pipeline config."""
import importlib.util
import logging
import os
import re
import sys
import tarfile
import tempfile
from pathlib import Path

import requests

PLUGIN_HOME = Path(os.environ.get("RUNNER_PLUGIN_HOME", "~/.runner/plugins")).expanduser()
REGISTRY_URL = os.environ.get("RUNNER_PLUGIN_REGISTRY", "https://plugins.ci-runner.dev/bundles")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")
logger = logging.getLogger("runner.plugins")


def checked_members(tar: tarfile.TarFile, destination: Path):
    base = os.path.realpath(destination)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported archive entry type: {member.name!r}")
        resolved = os.path.realpath(os.path.join(base, member.name))
        if resolved != base and not resolved.startswith(base + os.sep):
            raise ValueError(f"archive entry escapes plugin directory: {member.name!r}")
        yield member


class PluginBundle:
    def __init__(self, name: str, version: str):
        if not NAME_RE.match(name) or not VERSION_RE.match(version):
            raise ValueError("invalid plugin reference")
        self.name = name
        self.version = version

    @property
    def url(self) -> str:
        return f"{REGISTRY_URL}/{self.name}/{self.version}.tar.gz"

    @property
    def target(self) -> Path:
        return PLUGIN_HOME / self.name / self.version

    def download(self) -> Path:
        response = requests.get(self.url, timeout=30, stream=True)
        response.raise_for_status()
        with tempfile.NamedTemporaryFile(suffix=".tar.gz", delete=False) as fh:
            for chunk in response.iter_content(chunk_size=65536):
                fh.write(chunk)
        return Path(fh.name)

    def install(self, archive: Path) -> Path:
        self.target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(self.target, members=list(checked_members(tar, self.target)))
        return self.target

    def load(self):
        entry = self.target / "plugin.py"
        spec = importlib.util.spec_from_file_location(f"runner_plugins.{self.name}", entry)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module


def load_plugins(pipeline_config: dict) -> dict:
    loaded = {}
    for ref in pipeline_config.get("plugins", []):
        bundle = PluginBundle(ref["name"], ref["version"])
        if not (bundle.target / "plugin.py").exists():
            archive = bundle.download()
            try:
                bundle.install(archive)
            finally:
                archive.unlink(missing_ok=True)
        loaded[bundle.name] = bundle.load()
        logger.info("loaded plugin %r %r", bundle.name, bundle.version)
    return loaded
