"""Support-ticket attachment upload and download views."""
import logging
import mimetypes
import os

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.text import get_valid_filename
from django.views import View

from .models import Ticket

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def ticket_dir(ticket: Ticket) -> str:
    return os.path.join(settings.MEDIA_ROOT, "tickets", str(ticket.pk))


class AttachmentStore:
    """Thin wrapper around the on-disk layout of ticket attachments."""

    def __init__(self, ticket: Ticket):
        self.root = os.path.realpath(ticket_dir(ticket))
        os.makedirs(self.root, exist_ok=True)

    def path_for(self, filename: str) -> str:
        candidate = os.path.realpath(os.path.join(self.root, filename))
        if os.path.commonpath([self.root, candidate]) != self.root:
            raise SuspiciousFileOperation("attachment path escapes ticket directory")
        return candidate

    def save(self, upload, filename: str) -> str:
        dest = self.path_for(get_valid_filename(os.path.basename(filename)))
        with open(dest, "wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        return os.path.basename(dest)

    def listing(self):
        return sorted(os.listdir(self.root))


class AttachmentUploadView(LoginRequiredMixin, View):
    def post(self, request, ticket_id):
        ticket = get_object_or_404(Ticket, pk=ticket_id, requester=request.user)
        upload = request.FILES.get("file")
        if upload is None:
            return JsonResponse({"error": "missing file"}, status=400)
        if upload.size > MAX_UPLOAD_BYTES:
            return JsonResponse({"error": "file too large"}, status=413)
        filename = request.POST.get("filename") or upload.name
        stored = AttachmentStore(ticket).save(upload, filename)
        logger.info("ticket %s: stored attachment %r", ticket.pk, stored)
        return JsonResponse({"stored": stored}, status=201)


class AttachmentDownloadView(LoginRequiredMixin, View):
    def get(self, request, ticket_id):
        ticket = get_object_or_404(Ticket, pk=ticket_id, requester=request.user)
        name = request.GET.get("name", "")
        store = AttachmentStore(ticket)
        try:
            path = store.path_for(name)
        except SuspiciousFileOperation:
            raise Http404("attachment not found")
        if not name or not os.path.isfile(path):
            raise Http404("attachment not found")
        content_type, _ = mimetypes.guess_type(path)
        return FileResponse(
            open(path, "rb"),
            as_attachment=True,
            filename=os.path.basename(path),
            content_type=content_type or "application/octet-stream",
        )
