"""Build-server plugin manager: installs community plugins from the marketplace."""
import hashlib
import io
import json
import logging
import os
import re
import zipfile

import requests

log = logging.getLogger("plugins")

MARKETPLACE = "https://plugins.buildbox.example.org/api"
PLUGIN_DIR = os.environ.get("BUILDBOX_PLUGIN_DIR", "/opt/buildbox/plugins")
_SAFE_COMPONENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class PluginPackage:
    def __init__(self, name, version, blob):
        if not (_SAFE_COMPONENT.match(name) and _SAFE_COMPONENT.match(version)):
            raise ValueError("invalid plugin name or version")
        self.name = name
        self.version = version
        self.archive = zipfile.ZipFile(io.BytesIO(blob))

    def manifest(self):
        return json.loads(self.archive.read("plugin.json"))

    def install_dir(self):
        return os.path.join(PLUGIN_DIR, f"{self.name}-{self.version}")


def download(name, version):
    meta = requests.get(f"{MARKETPLACE}/plugins/{name}/{version}", timeout=10).json()
    blob = requests.get(meta["download_url"], timeout=60).content
    if hashlib.sha256(blob).hexdigest() != meta["sha256"]:
        raise ValueError("checksum mismatch")
    return PluginPackage(meta["name"], meta["version"], blob)


def unpack(package):
    dest = package.install_dir()
    os.makedirs(dest, exist_ok=True)
    written = 0
    for info in package.archive.infolist():
        if info.is_dir():
            continue
        target = os.path.join(dest, info.filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:  # VULN flow
            out.write(package.archive.read(info))
        written += 1
    return dest, written


def install(name, version="latest"):
    package = download(name, version)
    manifest = package.manifest()
    if manifest.get("api_version") != 3:
        raise ValueError(f"plugin {name!r} targets unsupported API {manifest.get('api_version')!r}")
    dest, count = unpack(package)
    log.info("installed %r %r (%d files) into %s", package.name, package.version, count, dest)
    return dest
