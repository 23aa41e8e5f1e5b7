import hashlib
import os
import shutil
import tempfile
from pathlib import Path


class BlobStore:
    """Content-addressed storage for build artifacts."""

    def __init__(self, root):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path_for(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:]

    def put(self, src_path) -> str:
        h = hashlib.sha256()
        with open(src_path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        digest = h.hexdigest()
        dest = self._path_for(digest)
        if not dest.exists():
            dest.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=dest.parent)
            os.close(fd)
            shutil.copyfile(src_path, tmp)
            os.replace(tmp, dest)
        return digest

    def open(self, digest: str):
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError("invalid digest")
        return self._path_for(digest).open("rb")
