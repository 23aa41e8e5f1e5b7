import os
import tarfile
import uuid

from flask import Flask, jsonify, request

app = Flask(__name__)
IMPORT_ROOT = "/var/lib/importer"


def unpack(fileobj):
    dest = os.path.join(IMPORT_ROOT, uuid.uuid4().hex)
    os.makedirs(dest)
    with tarfile.open(fileobj=fileobj, mode="r:*") as archive:
        archive.extractall(dest)  # VULN flow
    return dest


@app.route("/import", methods=["POST"])
def import_bundle():
    upload = request.files.get("bundle")
    if upload is None or not upload.filename.endswith((".tar", ".tar.gz", ".tgz")):
        return jsonify(error="expected a tar archive"), 400
    dest = unpack(upload.stream)
    count = sum(len(files) for _, _, files in os.walk(dest))
    return jsonify(imported=count, location=os.path.basename(dest)), 201
