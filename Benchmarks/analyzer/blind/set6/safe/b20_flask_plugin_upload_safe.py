import os
import shutil
import tarfile
import tempfile

from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
PLUGINS_DIR = os.path.realpath(os.environ.get("PLUGINS_DIR", "/opt/app/plugins"))


def _checked_members(tar, dest):
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"refusing special member {member.name!r}")
        target = os.path.realpath(os.path.join(dest, member.name))
        if os.path.commonpath([dest, target]) != dest:
            raise ValueError(f"member {member.name!r} escapes the plugin directory")
        yield member


def install_plugin(archive_path, plugins_dir):
    with tarfile.open(archive_path, "r:*") as tar:
        members = list(_checked_members(tar, plugins_dir))
        tar.extractall(plugins_dir, members=members)
    return [m.name for m in members]


@app.route("/admin/plugins", methods=["POST"])
def upload_plugin():
    upload = request.files.get("plugin")
    if upload is None or not upload.filename.endswith((".tar.gz", ".tgz")):
        abort(400, "expected a .tar.gz plugin bundle")
    tmpdir = tempfile.mkdtemp()
    try:
        archive = os.path.join(tmpdir, secure_filename(upload.filename))
        upload.save(archive)
        names = install_plugin(archive, PLUGINS_DIR)
    except (ValueError, tarfile.TarError) as exc:
        abort(400, str(exc))
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return jsonify(installed=len(names), files=names[:20])


@app.route("/admin/plugins")
def list_plugins():
    return jsonify(sorted(os.listdir(PLUGINS_DIR)))
