"""OCR stage of the crowdsourced-transcription pipeline.

Volunteer project leads upload a batch (images + batch.json) through the
transcription platform; this command runs Tesseract over every page.
batch.json looks like::

    {"options": {"lang": "eng+lat"}, "pages": [{"image": "p001.tif", "ocr": {"psm": "4"}}]}
"""
import json
import logging
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import typer

app = typer.Typer(help="Run OCR over an uploaded transcription batch")
log = logging.getLogger("ocr")

DEFAULTS = {"lang": "eng", "psm": "3", "oem": "1", "dpi": "300"}


class OcrJob:
    def __init__(self, batch_dir: Path, page: dict, options: dict):
        self.src = batch_dir / page["image"]
        self.out_base = batch_dir / "ocr" / Path(page["image"]).stem
        self.opts = {**DEFAULTS, **options, **page.get("ocr", {})}

    def command(self) -> str:
        return (
            "tesseract '{src}' '{out}' -l {lang} --psm {psm} --oem {oem} --dpi {dpi} hocr txt"
        ).format(src=self.src, out=self.out_base, **self.opts)


def run_job(job: OcrJob) -> bool:
    job.out_base.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.check_output(job.command(), shell=True, stderr=subprocess.STDOUT, text=True)  # VULN flow
    except subprocess.CalledProcessError as exc:
        log.error("tesseract failed on %r: %r", str(job.src), exc.output[-300:])
        return False
    return True


@app.command()
def run(batch_dir: Path, workers: int = typer.Option(2, min=1, max=16)) -> None:
    logging.basicConfig(level=logging.INFO)
    manifest = json.loads((batch_dir / "batch.json").read_text(encoding="utf-8"))
    options = manifest.get("options", {})
    jobs = [OcrJob(batch_dir, page, options) for page in manifest.get("pages", [])]
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
