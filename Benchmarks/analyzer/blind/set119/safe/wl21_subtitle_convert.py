"""Subtitle conversion/retiming service for the audiovisual localisation team."""
import codecs
import logging
import os
import subprocess
import uuid
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import FileResponse

WORK_DIR = Path(os.environ.get("SUBS_WORKDIR", "/var/lib/subs"))
FORMATS = {"srt": "srt", "vtt": "webvtt", "ass": "ass"}
log = logging.getLogger("subs")
app = FastAPI(title="subtitle-tools")


class SubtitleJob:
    def __init__(self, src: Path, fmt: str, offset: float, charenc: str):
        self.src = src
        self.fmt = fmt
        self.offset = offset
        self.charenc = charenc
        self.dst = src.with_suffix("." + fmt)

    def command(self) -> list:
        parts = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"]
        if self.charenc:
            parts += ["-sub_charenc", self.charenc]
        if self.offset:
            parts += ["-itsoffset", "%.3f" % self.offset]
        parts += ["-i", str(self.src), "-f", FORMATS[self.fmt], str(self.dst)]
        return parts

    def run(self) -> Path:
        cmd = self.command()
        log.debug("ffmpeg: %r", cmd)
        subprocess.check_output(cmd, shell=False, stderr=subprocess.STDOUT, timeout=120)
        return self.dst


def _normalise_charenc(value: str) -> str:
    try:
        return codecs.lookup(value).name if value else ""
    except LookupError:
        raise HTTPException(400, "unknown character encoding")


@app.post("/subtitles/convert")
async def convert(
    file: UploadFile = File(...),
    target_format: str = Form("vtt"),
    offset: float = Form(0.0),
    charenc: str = Form("UTF-8"),
):
    if target_format not in FORMATS:
        raise HTTPException(400, "unsupported target format")
    job_dir = WORK_DIR / uuid.uuid4().hex
    job_dir.mkdir(parents=True)
    src = job_dir / "input.sub"
    src.write_bytes(await file.read())

    job = SubtitleJob(src, target_format, offset, _normalise_charenc(charenc.strip()))
    try:
        out = job.run()
    except subprocess.CalledProcessError as exc:
        log.warning("conversion failed: %r", exc.output[-300:])
        raise HTTPException(422, "conversion failed")
    except subprocess.TimeoutExpired:
        raise HTTPException(504, "conversion timed out")
    name = Path(file.filename or "subtitles").stem + "." + target_format
    return FileResponse(out, filename=name, media_type="text/plain; charset=utf-8")
