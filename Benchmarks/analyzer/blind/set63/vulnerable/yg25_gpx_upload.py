"""Bulk GPX track upload for the running club app (zip of .gpx files)."""
import io
import logging
import os
import shutil
import zipfile

import falcon

log = logging.getLogger("tracks.upload")

STORAGE_ROOT = os.environ.get("TRACK_STORAGE", "/srv/fitness/tracks")
MAX_ARCHIVE = 25 * 1024 * 1024
MAX_MEMBERS = 500


class TrackUploadResource:
    def __init__(self, storage_root: str = STORAGE_ROOT):
        self.storage_root = storage_root

    def athlete_dir(self, athlete_id: int) -> str:
        path = os.path.join(self.storage_root, str(athlete_id))
        os.makedirs(path, exist_ok=True)
        return path

    def _extract(self, zf: zipfile.ZipFile, target_dir: str) -> list:
        saved = []
        for info in zf.infolist()[:MAX_MEMBERS]:
            if info.is_dir() or not info.filename.lower().endswith(".gpx"):
                continue
            dest = os.path.join(target_dir, info.filename)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with zf.open(info) as src, open(dest, "wb") as out:  # VULN flow
                shutil.copyfileobj(src, out)
            saved.append(os.path.relpath(dest, target_dir))
        return saved

    def on_post(self, req, resp, athlete_id):
        if req.content_length and req.content_length > MAX_ARCHIVE:
            raise falcon.HTTPPayloadTooLarge(title="archive too large")
        data = req.bounded_stream.read(MAX_ARCHIVE + 1)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                saved = self._extract(zf, self.athlete_dir(athlete_id))
        except zipfile.BadZipFile:
            raise falcon.HTTPBadRequest(title="not a zip archive")
        log.info("athlete %s uploaded %d tracks", athlete_id, len(saved))
        resp.status = falcon.HTTP_201
        resp.media = {"saved": saved}

    def on_get(self, req, resp, athlete_id):
        folder = os.path.join(self.storage_root, str(athlete_id))
        tracks = []
        for root, _, files in os.walk(folder):
            tracks.extend(os.path.relpath(os.path.join(root, f), folder) for f in files)
        resp.media = {"tracks": sorted(tracks)}


app = falcon.App()
app.add_route("/athletes/{athlete_id:int}/tracks", TrackUploadResource())
