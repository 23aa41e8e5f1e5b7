"""Django views for the museum's digitisation team: bulk image batch uploads."""
import logging
import os
import zipfile

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import DigitisationBatch

log = logging.getLogger("collections.upload")

ALLOWED_SUFFIXES = {".tif", ".tiff", ".jpg", ".jpeg", ".xml", ".csv"}
MAX_MEMBERS = 5000


def batch_directory(batch):
    return os.path.join(settings.COLLECTIONS_STORAGE, "batches", str(batch.pk))


def extract_batch(archive, dest):
    written = []
    dest = os.path.realpath(dest)
    with zipfile.ZipFile(archive) as zf:
        members = zf.infolist()
        if len(members) > MAX_MEMBERS:
            raise ValueError("too many files in batch")
        for info in members:
            if info.is_dir():
                continue
            if os.path.splitext(info.filename)[1].lower() not in ALLOWED_SUFFIXES:
                log.info("skipping %r", info.filename)
                continue
            target = os.path.realpath(os.path.join(dest, info.filename))
            if os.path.commonpath([dest, target]) != dest:
                log.warning("member escapes batch folder: %r", info.filename)
                raise ValueError("archive contains unsafe paths")
            os.makedirs(os.path.dirname(target), mode=0o750, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                for chunk in iter(lambda: src.read(1 << 16), b""):
                    dst.write(chunk)
            written.append(info.filename)
    return written


@require_POST
@permission_required("collections.add_digitisationbatch", raise_exception=True)
def upload_batch(request):
    upload = request.FILES.get("archive")
    if upload is None or not upload.name.lower().endswith(".zip"):
        return HttpResponseBadRequest("expected a .zip archive")
    batch = DigitisationBatch.objects.create(
        uploaded_by=request.user,
        accession_prefix=request.POST.get("accession_prefix", ""),
        original_name=upload.name,
    )
    try:
        files = extract_batch(upload, batch_directory(batch))
    except (zipfile.BadZipFile, ValueError) as exc:
        batch.delete()
        return HttpResponseBadRequest(f"could not read archive: {exc}")
    batch.file_count = len(files)
    batch.save(update_fields=["file_count"])
    log.info("batch %s: %d files extracted", batch.pk, len(files))
    return JsonResponse({"batch": batch.pk, "files": len(files)}, status=201)
