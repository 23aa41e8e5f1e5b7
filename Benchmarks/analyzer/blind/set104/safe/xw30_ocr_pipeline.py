"""OCR stage of the crowdsourced-transcription pipeline.

Volunteer project leads upload a batch (images + batch.json) through the
transcription platform; this command runs Tesseract over every page.
batch.json looks like::

    {"options": {"lang": "eng+lat"}, "pages": [{"image": "p001.tif", "ocr": {"psm": "4"}}]}
"""
import json
import logging
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import typer

app = typer.Typer(help="Run OCR over an uploaded transcription batch")
log = logging.getLogger("ocr")

DEFAULTS = {"lang": "eng", "psm": "3", "oem": "1", "dpi": "300"}
VALIDATORS = {
    "lang": re.compile(r"[a-z_]{3,12}(\+[a-z_]{3,12}){0,4}"),
    "psm": re.compile(r"1[0-3]|[0-9]"),
    "oem": re.compile(r"[0-3]"),
    "dpi": re.compile(r"[1-9]\d{1,3}"),
}


class OcrJob:
    def __init__(self, batch_dir: Path, page: dict, options: dict):
        root = batch_dir.resolve()
        self.src = (root / page["image"]).resolve()
        if root not in self.src.parents:
            raise ValueError(f"image outside batch: {page['image']!r}")
        self.out_base = root / "ocr" / self.src.stem
        self.opts = {**DEFAULTS, **options, **page.get("ocr", {})}
        for key, rx in VALIDATORS.items():
            value = str(self.opts[key])
            if not rx.fullmatch(value):
                raise ValueError(f"invalid {key}: {value!r}")
            self.opts[key] = value

    def command(self) -> list:
        return [
            "tesseract", str(self.src), str(self.out_base),
            "-l", self.opts["lang"], "--psm", self.opts["psm"], "--oem", self.opts["oem"],
            "--dpi", self.opts["dpi"], "hocr", "txt",
        ]


def run_job(job: OcrJob) -> bool:
    job.out_base.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.check_output(job.command(), stderr=subprocess.STDOUT, text=True)
    except subprocess.CalledProcessError as exc:
        log.error("tesseract failed on %r: %r", str(job.src), exc.output[-300:])
        return False
    return True


@app.command()
def run(batch_dir: Path, workers: int = typer.Option(2, min=1, max=16)) -> None:
    logging.basicConfig(level=logging.INFO)
    manifest = json.loads((batch_dir / "batch.json").read_text(encoding="utf-8"))
    options = manifest.get("options", {})
    try:
        jobs = [OcrJob(batch_dir, page, options) for page in manifest.get("pages", [])]
    except ValueError as exc:
        typer.echo(f"rejected batch: {exc}")
        raise typer.Exit(1)
    if not jobs:
        typer.echo("batch has no pages")
        raise typer.Exit(1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run_job, jobs))
    typer.echo(f"{sum(results)}/{len(jobs)} pages OCRed")
    if not all(results):
        raise typer.Exit(2)


if __name__ == "__main__":
    app()
