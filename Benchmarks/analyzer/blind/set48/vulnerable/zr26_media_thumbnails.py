"""Media library upload resource for the CMS (Falcon).

Uploaded images are stored under their original name and thumbnails are
generated with ImageMagick in the requested sizes.
"""
import logging
import os

import falcon

log = logging.getLogger("cms.media")

MEDIA_ROOT = os.environ.get("CMS_MEDIA_ROOT", "/srv/cms/media")
THUMB_DIR = os.path.join(MEDIA_ROOT, "thumbs")
DEFAULT_SIZES = ("150x150", "600x400")
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class ThumbnailError(Exception):
    pass


def make_thumbnail(src: str, size: str) -> str:
    base, ext = os.path.splitext(os.path.basename(src))
    dst = os.path.join(THUMB_DIR, f"{base}-{size}{ext}")
    cmd = f"convert '{src}' -auto-orient -thumbnail {size}^ -gravity center -extent {size} '{dst}'"
    status = os.system(cmd)  # VULN flow
    if status != 0:
        raise ThumbnailError(f"convert exited with {status}")
    return dst


class MediaResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        form = req.get_media()
        upload = None
        sizes = list(DEFAULT_SIZES)
        for part in form:
            if part.name == "file":
                if part.content_type not in IMAGE_TYPES:
                    raise falcon.HTTPUnsupportedMediaType(description="images only")
                upload = (part.secure_filename, part.stream.read())
            elif part.name == "sizes":
                sizes = [s.strip() for s in part.text.split(",") if s.strip()]
        if upload is None:
            raise falcon.HTTPBadRequest(description="file part is required")

        filename, data = upload
        path = os.path.join(MEDIA_ROOT, filename)
        with open(path, "wb") as fh:
            fh.write(data)

        thumbs = []
        for size in sizes:
            try:
                thumbs.append(os.path.basename(make_thumbnail(path, size)))
            except ThumbnailError as exc:
                log.warning("thumbnail %r for %s failed: %s", size, filename, exc)
        resp.status = falcon.HTTP_201
        resp.media = {"file": filename, "thumbnails": thumbs}


app = falcon.App()
app.add_route("/media", MediaResource())
