"""Attachments (x-rays, lab PDFs) for patient records at the veterinary clinic."""
import logging
import os

from django.conf import settings
from django.http import FileResponse, Http404
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from clinic.models import Patient
from clinic.permissions import IsClinicStaff
from clinic.serializers import PatientSerializer

log = logging.getLogger("clinic.attachments")

ATTACHMENT_ROOT = settings.CLINIC_ATTACHMENT_ROOT
MAX_UPLOAD = 25 * 1024 * 1024


def patient_folder(patient):
    folder = os.path.join(ATTACHMENT_ROOT, f"patient_{patient.pk}")
    os.makedirs(folder, mode=0o750, exist_ok=True)
    return folder


class PatientViewSet(viewsets.ModelViewSet):
    queryset = Patient.objects.select_related("owner")
    serializer_class = PatientSerializer
    permission_classes = [permissions.IsAuthenticated, IsClinicStaff]

    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def upload(self, request, pk=None):
        patient = self.get_object()
        upload = request.FILES.get("file")
        if upload is None:
            return Response({"detail": "file is required"}, status=status.HTTP_400_BAD_REQUEST)
        if upload.size > MAX_UPLOAD:
            return Response({"detail": "file too large"}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        name = request.data.get("filename") or upload.name
        dest = os.path.join(patient_folder(patient), name)
        with open(dest, "wb") as out:  # VULN flow
            for chunk in upload.chunks():
                out.write(chunk)
        log.info("stored attachment for patient %s (%d bytes)", patient.pk, upload.size)
        return Response({"name": os.path.basename(dest)}, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["get"])
    def attachment(self, request, pk=None):
        patient = self.get_object()
        name = request.query_params.get("name", "")
        path = os.path.join(patient_folder(patient), name)
        if not name or not os.path.isfile(path):
            raise Http404("attachment not found")
        return FileResponse(open(path, "rb"), as_attachment=True)  # VULN flow

    @action(detail=True, methods=["get"])
    def attachments(self, request, pk=None):
        patient = self.get_object()
        return Response(sorted(os.listdir(patient_folder(patient))))
