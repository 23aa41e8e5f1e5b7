"""Dataset upload endpoint: accepts a zip of CSV shards and unpacks it for the loader."""
import logging
import shutil
import zipfile
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from datasets.tasks import load_dataset

logger = logging.getLogger(__name__)

MAX_MEMBERS = 500
MAX_TOTAL_BYTES = 2 * 1024**3
ALLOWED_SUFFIXES = {".csv", ".json", ".txt"}


def extract_archive(fileobj, dest):
    root = dest.resolve()
    written = []
    with zipfile.ZipFile(fileobj) as archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise ValueError("archive has too many files")
        if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
            raise ValueError("archive expands beyond the size limit")
        for info in members:
            if Path(info.filename).suffix.lower() not in ALLOWED_SUFFIXES:
                continue
            target = (root / info.filename).resolve()
            if target == root or not target.is_relative_to(root):
                raise ValueError(f"member escapes the dataset directory: {info.filename!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            written.append(target.relative_to(root).as_posix())
    return written


class DatasetUploadView(APIView):
    parser_classes = [MultiPartParser]
    permission_classes = [IsAuthenticated]

    def post(self, request):
        upload = request.FILES.get("archive")
        if upload is None:
            return Response({"detail": "archive is required"}, status=status.HTTP_400_BAD_REQUEST)
        dataset_id = uuid4().hex
        dest = Path(settings.DATASET_ROOT) / str(request.user.pk) / dataset_id
        dest.mkdir(parents=True)
        try:
            files = extract_archive(upload, dest)
        except (zipfile.BadZipFile, ValueError) as exc:
            shutil.rmtree(dest, ignore_errors=True)
            logger.info("rejected upload from user %s: %r", request.user.pk, exc)
            return Response({"detail": "invalid archive"}, status=status.HTTP_400_BAD_REQUEST)
        load_dataset.delay(request.user.pk, dataset_id, files)
        return Response({"dataset": dataset_id, "files": files}, status=status.HTTP_201_CREATED)
