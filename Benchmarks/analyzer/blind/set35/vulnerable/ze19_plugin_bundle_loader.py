"""Plugin marketplace: accepts plugin bundles and registers their manifests."""
import io
import logging
import zipfile
from importlib.metadata import entry_points

import yaml
from flask import Blueprint, current_app, jsonify, request

log = logging.getLogger(__name__)
bp = Blueprint("plugins", __name__, url_prefix="/plugins")

REQUIRED_KEYS = {"name", "version", "entry_point", "permissions"}
KNOWN_PERMISSIONS = {"read:issues", "write:issues", "read:repo", "notify"}
MAX_MANIFEST_BYTES = 64 * 1024


class ManifestError(ValueError):
    pass


class BundleReader:
    def __init__(self, data):
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise ManifestError("bundle is not a zip archive") from exc

    def manifest_text(self):
        try:
            info = self.archive.getinfo("plugin.yaml")
        except KeyError as exc:
            raise ManifestError("plugin.yaml missing") from exc
        if info.file_size > MAX_MANIFEST_BYTES:
            raise ManifestError("manifest too large")
        try:
            return self.archive.read(info).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ManifestError("manifest must be UTF-8") from exc

    def manifest(self):
        text = self.manifest_text()
        try:
            data = yaml.load(text, Loader=yaml.Loader)  # VULN flow
        except yaml.YAMLError as exc:
            raise ManifestError("manifest is not valid YAML") from exc
        if not isinstance(data, dict) or not isinstance(data.get("permissions"), list):
            raise ManifestError("manifest must be a mapping with a permissions list")
        missing = REQUIRED_KEYS - data.keys()
        if missing:
            raise ManifestError("missing keys: " + ", ".join(sorted(missing)))
        if set(map(str, data["permissions"])) - KNOWN_PERMISSIONS:
            raise ManifestError("unknown permissions requested")
        return data


def installed_entry_points():
    return {ep.name: ep for ep in entry_points(group="marketplace.plugins")}


@bp.route("", methods=["POST"])
def upload_plugin():
    upload = request.files.get("bundle")
    if upload is None:
        return jsonify({"error": "bundle file required"}), 400
    try:
        manifest = BundleReader(upload.read()).manifest()
    except ManifestError as exc:
        return jsonify({"error": str(exc)}), 400
    ep = installed_entry_points().get(str(manifest["entry_point"]))
    if ep is None:
        return jsonify({"error": "entry point is not installed on this server"}), 400
    registry = current_app.extensions["plugin_registry"]
    registry.register(str(manifest["name"]), str(manifest["version"]), ep.value, manifest["permissions"])
    log.info("registered plugin %r version %r", manifest["name"], manifest["version"])
    return jsonify({"name": manifest["name"], "entry_point": ep.value}), 201
