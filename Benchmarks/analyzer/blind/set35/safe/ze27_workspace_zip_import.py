"""Workspace import: restores a project from an uploaded zip export (Falcon)."""
import io
import logging
import os
import uuid
import zipfile

import falcon

log = logging.getLogger(__name__)

WORKSPACE_ROOT = os.environ.get("WORKSPACE_ROOT", "/srv/workspaces")
MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_EXTRACTED_BYTES = 500 * 1024 * 1024


class ArchiveRestorer:
    def __init__(self, root):
        self.root = root

    def restore(self, workspace_id, data):
        target = os.path.realpath(os.path.join(self.root, workspace_id))
        os.makedirs(target, exist_ok=True)
        restored = []
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if sum(info.file_size for info in entries) > MAX_EXTRACTED_BYTES:
                raise falcon.HTTPBadRequest(title="archive expands beyond the size limit")
            for info in entries:
                if info.is_dir():
                    continue
                dest = os.path.realpath(os.path.join(target, info.filename))
                if os.path.commonpath([target, dest]) != target:
                    raise falcon.HTTPBadRequest(title="archive entry outside workspace")
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with archive.open(info) as src, open(dest, "wb") as out:
                    out.write(src.read())
                restored.append(info.filename)
        return restored


class WorkspaceImportResource:
    def __init__(self, restorer):
        self.restorer = restorer

    def on_post(self, req, resp):
        if req.content_length is None or req.content_length > MAX_ARCHIVE_BYTES:
            raise falcon.HTTPBadRequest(title="archive missing or too large")
        data = req.bounded_stream.read()
        workspace_id = uuid.uuid4().hex
        try:
            files = self.restorer.restore(workspace_id, data)
        except zipfile.BadZipFile:
            raise falcon.HTTPBadRequest(title="invalid archive")
        log.info("workspace %s restored with %d files", workspace_id, len(files))
        resp.status = falcon.HTTP_201
        resp.media = {"workspace": workspace_id, "files": len(files)}


def create_app():
    app = falcon.App()
    app.add_route("/workspaces/import", WorkspaceImportResource(ArchiveRestorer(WORKSPACE_ROOT)))
    return app
