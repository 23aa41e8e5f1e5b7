import os
import tarfile
import uuid

from flask import Flask, jsonify, request

app = Flask(__name__)
IMPORT_ROOT = "/var/lib/importer"


def checked_members(archive, dest):
    root = os.path.realpath(dest)
    for member in archive.getmembers():
        if not (member.isfile() or member.isdir()):
            continue
        target = os.path.realpath(os.path.join(root, member.name))
        if target != root and not target.startswith(root + os.sep):
            raise ValueError(f"refusing to extract {member.name!r}")
        yield member


def unpack(fileobj):
    dest = os.path.join(IMPORT_ROOT, uuid.uuid4().hex)
    os.makedirs(dest)
    with tarfile.open(fileobj=fileobj, mode="r:*") as archive:
        archive.extractall(dest, members=list(checked_members(archive, dest)))
    return dest


@app.route("/import", methods=["POST"])
def import_bundle():
    upload = request.files.get("bundle")
    if upload is None or not upload.filename.endswith((".tar", ".tar.gz", ".tgz")):
        return jsonify(error="expected a tar archive"), 400
    try:
        dest = unpack(upload.stream)
    except (ValueError, tarfile.TarError):
        return jsonify(error="invalid archive"), 400
    count = sum(len(files) for _, _, files in os.walk(dest))
    return jsonify(imported=count, location=os.path.basename(dest)), 201
