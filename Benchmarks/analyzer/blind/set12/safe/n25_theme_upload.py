"""Django views letting shop owners upload a storefront theme as a ZIP."""
import logging
import os
import shutil
import tempfile
import zipfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger("themes")

MAX_THEME_BYTES = 20 * 1024 * 1024
ALLOWED_SUFFIXES = {".html", ".css", ".js", ".png", ".jpg", ".svg", ".woff2", ".json"}


def theme_dir_for(shop):
    return os.path.join(settings.MEDIA_ROOT, "themes", str(shop.pk))


def stage_upload(upload):
    fd, staging_path = tempfile.mkstemp(prefix="theme-", suffix=".zip")
    with os.fdopen(fd, "wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
    return staging_path


def unpack_theme(archive_path, dest):
    written = []
    root = os.path.realpath(dest)
    with zipfile.ZipFile(archive_path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            if os.path.splitext(info.filename)[1].lower() not in ALLOWED_SUFFIXES:
                log.info("skipping %r", info.filename)
                continue
            out_path = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, out_path]) != root:
                raise zipfile.BadZipFile(f"entry outside theme root: {info.filename!r}")
            os.makedirs(os.path.dirname(out_path), exist_ok=True)
            with zf.open(info) as src, open(out_path, "wb") as dst:
                shutil.copyfileobj(src, dst)
            written.append(info.filename)
    return written


@login_required
@require_POST
def upload_theme(request):
    shop = request.user.shop
    upload = request.FILES.get("theme")
    if upload is None:
        return JsonResponse({"error": "no file uploaded"}, status=400)
    if upload.size > MAX_THEME_BYTES:
        return JsonResponse({"error": "theme too large"}, status=413)

    archive = stage_upload(upload)
    dest = theme_dir_for(shop)
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest, exist_ok=True)
    try:
        files = unpack_theme(archive, dest)
    except zipfile.BadZipFile:
        return JsonResponse({"error": "not a valid zip archive"}, status=400)
    finally:
        os.remove(archive)
    if "index.html" not in files:
        return JsonResponse({"error": "theme must contain index.html"}, status=400)
    log.info("shop %s uploaded theme with %d files", shop.pk, len(files))
    return JsonResponse({"installed": len(files)})
