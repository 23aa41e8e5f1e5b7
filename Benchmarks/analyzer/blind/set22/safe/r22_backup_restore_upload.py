"""Self-hosted wiki: admins can restore a site backup by uploading a .tar.gz."""
import logging
import os
import shutil
import tarfile
import tempfile

from flask import Blueprint, current_app, flash, redirect, request, url_for

from wiki.auth import admin_required

restore_bp = Blueprint("restore", __name__, url_prefix="/admin/restore")
log = logging.getLogger("wiki.restore")


def _save_upload(storage):
    fd, path = tempfile.mkstemp(suffix=".tar.gz")
    with os.fdopen(fd, "wb") as fh:
        shutil.copyfileobj(storage.stream, fh)
    return path


def _checked_members(tar, dest):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported member type: {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.isabs(member.name) or (target != root and not target.startswith(root + os.sep)):
            raise ValueError(f"member escapes destination: {member.name!r}")
        member.mode &= 0o755
        yield member


def restore_archive(archive_path, data_dir):
    staging = tempfile.mkdtemp(prefix="restore-")
    try:
        with tarfile.open(archive_path, "r:gz") as tar:
            members = list(_checked_members(tar, staging))
            tar.extractall(staging, members=members)
        if not os.path.isfile(os.path.join(staging, "wiki.json")):
            raise ValueError("archive is not a wiki backup")
        backup = data_dir + ".bak"
        if os.path.isdir(backup):
            shutil.rmtree(backup)
        os.rename(data_dir, backup)
        shutil.move(staging, data_dir)
    finally:
        if os.path.isdir(staging):
            shutil.rmtree(staging, ignore_errors=True)


@restore_bp.route("", methods=["POST"])
@admin_required
def upload_backup():
    storage = request.files.get("backup")
    if storage is None or not storage.filename.endswith(".tar.gz"):
        flash("Please upload a .tar.gz backup.", "error")
        return redirect(url_for("admin.settings"))
    path = _save_upload(storage)
    try:
        restore_archive(path, current_app.config["WIKI_DATA_DIR"])
    except (tarfile.TarError, ValueError) as exc:
        log.warning("restore failed: %r", exc)
        flash("Restore failed; the backup was rejected.", "error")
        return redirect(url_for("admin.settings"))
    finally:
        os.remove(path)
    flash("Backup restored.", "success")
    return redirect(url_for("admin.settings"))
