"""Install plugin bundles uploaded through the admin panel."""
import json
import logging
import os
import shutil
import zipfile

log = logging.getLogger("plugins.install")

PLUGIN_DIR = os.environ.get("PLUGIN_DIR", "/opt/app/plugins")
MAX_BUNDLE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


class BundleError(Exception):
    pass


class PluginBundle:
    def __init__(self, archive_path):
        self.archive_path = archive_path
        self._zip = zipfile.ZipFile(archive_path)

    def manifest(self):
        try:
            raw = self._zip.read("plugin.json")
        except KeyError:
            raise BundleError("bundle has no plugin.json")
        data = json.loads(raw)
        if not str(data.get("name", "")).isidentifier():
            raise BundleError("invalid plugin name")
        return data

    def members(self):
        return [m for m in self._zip.infolist() if not m.is_dir()]

    def unpacked_size(self):
        return sum(m.file_size for m in self.members())

    def extract_member(self, member, dest):
        target = os.path.join(dest, member.filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with self._zip.open(member) as src, open(target, "wb") as out:  # VULN flow
            shutil.copyfileobj(src, out)
        return target

    def close(self):
        self._zip.close()


def install_bundle(archive_path):
    if os.path.getsize(archive_path) > MAX_BUNDLE_BYTES:
        raise BundleError("bundle too large")
    bundle = PluginBundle(archive_path)
    try:
        if bundle.unpacked_size() > MAX_UNPACKED_BYTES:
            raise BundleError("bundle expands too much")
        manifest = bundle.manifest()
        dest = os.path.join(PLUGIN_DIR, manifest["name"])
        os.makedirs(dest, exist_ok=True)
        written = [bundle.extract_member(m, dest) for m in bundle.members()]
        log.info("installed plugin %r (%d files)", manifest["name"], len(written))
        return dest
    finally:
        bundle.close()
