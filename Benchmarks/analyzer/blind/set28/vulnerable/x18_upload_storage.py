"""Document upload handling for the claims portal."""
import hashlib
import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Claim, ClaimDocument

logger = logging.getLogger(__name__)

ALLOWED_TYPES = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}
MAX_SIZE = 10 * 1024 * 1024
DOCUMENT_MODE = 0o777


def storage_dir(claim_id: int) -> Path:
    path = Path(settings.CLAIMS_STORAGE) / str(claim_id)
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_upload(upload, claim_id: int) -> tuple[Path, str]:
    extension = ALLOWED_TYPES[upload.content_type]
    dest = storage_dir(claim_id) / f"{uuid.uuid4().hex}{extension}"
    sha = hashlib.sha256()
    with open(dest, "wb") as fh:
        for chunk in upload.chunks():
            sha.update(chunk)
            fh.write(chunk)
    os.chmod(dest, DOCUMENT_MODE)  # VULN
    return dest, sha.hexdigest()


@login_required
@require_POST
def upload_document(request, claim_id: int):
    claim = get_object_or_404(Claim, pk=claim_id, owner=request.user)
    upload = request.FILES.get("document")
    if upload is None:
        return HttpResponseBadRequest("missing document")
    if upload.content_type not in ALLOWED_TYPES or upload.size > MAX_SIZE:
        return HttpResponseBadRequest("unsupported file")
    dest, digest = store_upload(upload, claim.pk)
    document = ClaimDocument.objects.create(
        claim=claim,
        path=str(dest),
        sha256=digest,
        original_name=upload.name[:255],
        size=upload.size,
    )
    logger.info("claim %s: stored document %s (%d bytes)", claim.pk, document.pk, upload.size)
    return JsonResponse({"id": document.pk, "sha256": digest}, status=201)


@login_required
def list_documents(request, claim_id: int):
    claim = get_object_or_404(Claim, pk=claim_id, owner=request.user)
    docs = claim.documents.order_by("-created_at").values("id", "original_name", "size", "sha256")
    return JsonResponse({"documents": list(docs)})
