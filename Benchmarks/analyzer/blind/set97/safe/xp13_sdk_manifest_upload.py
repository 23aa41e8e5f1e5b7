"""Upload endpoint for mobile SDK build manifests.

The Gradle and Xcode plugins post an XML manifest after each release build
so the dashboard can show which SDK modules shipped in which app version.
"""
import logging
import sqlite3

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("manifests")
DB_PATH = "/var/lib/platform/manifests.db"
MAX_MANIFEST = 512 * 1024

_parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def parse_manifest(data: bytes) -> dict:
    root = etree.fromstring(data, _parser)
    if root.tag != "manifest":
        raise ValueError("root element must be <manifest>")
    sdk = root.find("sdk")
    return {
        "app_id": root.get("appId"),
        "platform": root.get("platform", "unknown"),
        "sdk_version": sdk.get("version") if sdk is not None else None,
        "modules": [m.text for m in root.iterfind("modules/module") if m.text],
        "build": root.findtext("build/number"),
        "commit": root.findtext("build/commit"),
    }


def save(project_id: int, manifest: dict) -> None:
    conn = sqlite3.connect(DB_PATH)
    try:
        conn.execute(
            "INSERT INTO manifests (project_id, app_id, platform, sdk_version, build, modules) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (project_id, manifest["app_id"], manifest["platform"], manifest["sdk_version"],
             manifest["build"], ",".join(manifest["modules"])),
        )
        conn.commit()
    finally:
        conn.close()


@app.post("/api/projects/<int:project_id>/manifests")
def upload_manifest(project_id):
    body = request.get_data(cache=False)
    if not body or len(body) > MAX_MANIFEST:
        abort(400)
    try:
        manifest = parse_manifest(body)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.info("rejected manifest for project %d: %r", project_id, exc)
        return jsonify(error="invalid manifest"), 400
    save(project_id, manifest)
    return jsonify(manifest), 201
