"""Admin endpoint for installing report plugins uploaded as zip bundles."""
import json
import os
import re
import shutil
import zipfile

from flask import Blueprint, abort, current_app, jsonify, request
from flask_login import current_user, login_required

bp = Blueprint("plugins", __name__, url_prefix="/admin/plugins")
PLUGIN_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{2,32}$")
MAX_UNPACKED = 50 * 1024 * 1024


def plugin_root():
    return current_app.config.get("PLUGIN_ROOT", "/srv/reports/plugins")


def install_archive(fileobj, plugin_dir):
    installed = []
    with zipfile.ZipFile(fileobj) as zf:
        if sum(info.file_size for info in zf.infolist()) > MAX_UNPACKED:
            raise ValueError("bundle expands beyond size limit")
        for member in zf.infolist():
            if member.is_dir():
                continue
            target = os.path.join(plugin_dir, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst)
            installed.append(member.filename)
    return installed


def read_manifest(plugin_dir):
    with open(os.path.join(plugin_dir, "plugin.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    if not isinstance(manifest, dict) or "entrypoint" not in manifest:
        raise ValueError("plugin.json must define an entrypoint")
    return manifest


@bp.route("", methods=["POST"])
@login_required
def upload_plugin():
    if not current_user.has_role("platform-admin"):
        abort(403)
    name = request.form.get("name", "")
    bundle = request.files.get("bundle")
    if not PLUGIN_NAME_RE.fullmatch(name) or bundle is None:
        return jsonify({"error": "name and bundle are required"}), 400
    plugin_dir = os.path.join(plugin_root(), name)
    if os.path.exists(plugin_dir):
        return jsonify({"error": "plugin already installed"}), 409
    os.makedirs(plugin_dir)
    try:
        files = install_archive(bundle.stream, plugin_dir)
        manifest = read_manifest(plugin_dir)
    except (zipfile.BadZipFile, ValueError, OSError):
        shutil.rmtree(plugin_dir, ignore_errors=True)
        return jsonify({"error": "invalid plugin bundle"}), 400
    return jsonify({"name": name, "files": len(files), "version": manifest.get("version")}), 201
