"""Batch OCR of claim documents uploaded through the mobile app."""
import json
import logging
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("ocr.pipeline")

INBOX = Path(os.environ.get("OCR_INBOX", "/srv/mobile-uploads/inbox"))
WORKDIR = Path(os.environ.get("OCR_WORKDIR", "/srv/ocr/work"))
TESSERACT = "/usr/bin/tesseract"
LANGUAGES = {"eng", "spa", "fra", "deu", "pol"}
CLAIM_REF_RE = re.compile(r"CLM-\d{4}-\d{6}")


@dataclass
class OcrJob:
    claim_ref: str
    source_path: str
    lang: str = "eng"
    dpi: int = 300

    @classmethod
    def from_manifest(cls, manifest_path: Path) -> "OcrJob":
        """manifest.json is written by the mobile upload service next to the file."""
        data = json.loads(manifest_path.read_text())
        if not CLAIM_REF_RE.fullmatch(data["claim_ref"]):
            raise ValueError("bad claim reference")
        file_name = Path(data["file_name"]).name
        lang = data.get("language", "eng")
        if lang not in LANGUAGES:
            raise ValueError("unsupported language")
        return cls(
            claim_ref=data["claim_ref"],
            source_path=str(manifest_path.parent / file_name),
            lang=lang,
            dpi=int(data.get("dpi", 300)),
        )

    @property
    def out_base(self) -> str:
        return str(WORKDIR / self.claim_ref / Path(self.source_path).stem)


class OcrRunner:
    def __init__(self, binary: str = TESSERACT):
        self.binary = binary

    def rasterise(self, job: OcrJob) -> list:
        prefix = job.out_base + "_page"
        os.makedirs(os.path.dirname(prefix), exist_ok=True)
        subprocess.run(["pdftoppm", "-r", str(job.dpi), "-png", job.source_path, prefix], check=True)
        return sorted(Path(prefix).parent.glob(Path(prefix).name + "*.png"))

    def recognise(self, job: OcrJob, image: Path) -> str:
        command = [self.binary, str(image), "stdout", "-l", job.lang, "--dpi", str(job.dpi)]
        return subprocess.check_output(command, text=True)

    def run(self, job: OcrJob) -> str:
        if job.source_path.lower().endswith(".pdf"):
            pages = self.rasterise(job)
        else:
            pages = [Path(job.source_path)]
        text = "\n\f".join(self.recognise(job, p) for p in pages)
        out = Path(job.out_base + ".txt")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
        return str(out)


def main() -> None:
    runner = OcrRunner()
    for manifest in sorted(INBOX.glob("*/manifest.json")):
        try:
            job = OcrJob.from_manifest(manifest)
            result = runner.run(job)
            log.info("OCR complete for claim %r -> %s", job.claim_ref, result)
            manifest.rename(manifest.with_suffix(".done"))
        except (subprocess.CalledProcessError, KeyError, ValueError) as exc:
            log.error("OCR failed for %s: %r", manifest, exc)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
