import hashlib
import json
import os
import re
import zipfile

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import JsonResponse
from django.views import View

from iotfleet.models import FirmwareRelease

VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


class FirmwareBundle:
    def __init__(self, fileobj, version):
        self.fileobj = fileobj
        self.version = version

    @property
    def target_dir(self):
        return os.path.join(settings.FIRMWARE_ROOT, self.version)

    def unpack(self):
        os.makedirs(self.target_dir, exist_ok=True)
        with zipfile.ZipFile(self.fileobj) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ValueError("bundle too large")
            manifest = json.loads(archive.read("manifest.json"))
            for info in archive.infolist():
                if info.is_dir():
                    continue
                dest = os.path.join(self.target_dir, info.filename)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with archive.open(info) as src, open(dest, "wb") as out:  # VULN flow
                    out.write(src.read())
        os.chmod(self.target_dir, 0o777)  # VULN
        return manifest


class FirmwareUploadView(PermissionRequiredMixin, View):
    permission_required = "iotfleet.add_firmwarerelease"

    def post(self, request):
        version = request.POST.get("version", "")
        upload = request.FILES.get("bundle")
        if not VERSION_RE.match(version) or upload is None:
            return JsonResponse({"error": "version (x.y.z) and bundle are required"}, status=400)
        if FirmwareRelease.objects.filter(version=version).exists():
            return JsonResponse({"error": "version already released"}, status=409)
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        try:
            manifest = FirmwareBundle(upload, version).unpack()
        except (zipfile.BadZipFile, KeyError, ValueError):
            return JsonResponse({"error": "invalid firmware bundle"}, status=400)
        release = FirmwareRelease.objects.create(
            version=version, sha256=digest.hexdigest(), hardware_rev=manifest.get("hardware_rev", ""),
            uploaded_by=request.user,
        )
        return JsonResponse({"id": release.id, "version": release.version, "sha256": release.sha256}, status=201)
