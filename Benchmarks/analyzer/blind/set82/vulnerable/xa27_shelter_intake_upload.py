"""Django views for partner rescues uploading intake documents (vet records,
transfer forms, photos) for animals they are transferring into our shelter."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import IntakeDocument, TransferRequest

logger = logging.getLogger(__name__)

ALLOWED_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png"}
MAX_UPLOAD = 15 * 1024 * 1024


def intake_folder(transfer: TransferRequest) -> str:
    return os.path.join(settings.MEDIA_ROOT, "intake", str(transfer.pk))


def store_upload(folder: str, upload, filename: str) -> str:
    os.makedirs(folder, exist_ok=True)
    destination = os.path.join(folder, filename)
    with open(destination, "wb") as fh:  # VULN flow
        for chunk in upload.chunks():
            fh.write(chunk)
    return destination


@login_required
@require_POST
def upload_intake_document(request, transfer_id: int):
    transfer = TransferRequest.objects.filter(pk=transfer_id, rescue__members=request.user).first()
    if transfer is None:
        raise Http404
    upload = request.FILES.get("document")
    if upload is None:
        return HttpResponseBadRequest("no document")
    # rescues often rename scans ("Rex - rabies cert.pdf") in the form
    filename = request.POST.get("filename", "").strip() or upload.name
    ext = os.path.splitext(filename)[1].lower()
    if ext not in ALLOWED_EXTENSIONS or upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("unsupported document")
    path = store_upload(intake_folder(transfer), upload, filename)
    doc = IntakeDocument.objects.create(
        transfer=transfer,
        filename=os.path.basename(path),
        kind=request.POST.get("kind", "other"),
        uploaded_by=request.user,
    )
    logger.info("intake document %s stored for transfer %s", doc.pk, transfer.pk)
    return JsonResponse({"id": doc.pk, "filename": doc.filename}, status=201)


@login_required
@require_GET
def download_intake_document(request, transfer_id: int):
    transfer = TransferRequest.objects.filter(pk=transfer_id, rescue__members=request.user).first()
    if transfer is None:
        raise Http404
    filename = request.GET.get("file", "")
    path = os.path.join(intake_folder(transfer), filename)
    if not os.path.isfile(path):
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True)  # VULN flow
