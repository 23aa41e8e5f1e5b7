"""aiohttp service that prepares one-way video interview recordings for
reviewers: transcodes the candidate's upload to a web-friendly size."""
import asyncio
import logging
import os

from aiohttp import web

log = logging.getLogger("video.transcode")

UPLOAD_DIR = os.environ.get("VIDEO_UPLOAD_DIR", "/srv/interviews/raw")
OUTPUT_DIR = os.environ.get("VIDEO_OUTPUT_DIR", "/srv/interviews/web")
FFMPEG = os.environ.get("FFMPEG_BIN", "ffmpeg")
PRESETS = {"480p": 480, "720p": 720, "1080p": 1080}
FORMATS = {"mp4", "webm"}


class TranscodeJob:
    def __init__(self, recording: str, height: int, fmt: str):
        self.recording = os.path.basename(recording)
        self.height = height
        self.fmt = fmt

    @property
    def source(self) -> str:
        return os.path.join(UPLOAD_DIR, self.recording)

    @property
    def target(self) -> str:
        stem = os.path.splitext(os.path.basename(self.recording))[0]
        return os.path.join(OUTPUT_DIR, f"{stem}-{self.height}p.{self.fmt}")

    def command(self) -> list:
        return [FFMPEG, "-y", "-loglevel", "error", "-i", self.source,
                "-vf", f"scale=-2:{self.height}", "-c:v", "libx264", "-preset", "veryfast",
                "-c:a", "aac", self.target]


async def run_job(job: TranscodeJob) -> int:
    cmd = job.command()
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, stderr = await proc.communicate()
    if proc.returncode != 0:
        log.error("ffmpeg exited %s: %s", proc.returncode, stderr.decode(errors="replace")[:500])
    return proc.returncode


async def transcode(request: web.Request) -> web.Response:
    body = await request.json()
    recording = body.get("recording")
    preset = body.get("preset", "720p")
    fmt = body.get("format", "mp4")
    if not recording or preset not in PRESETS or fmt not in FORMATS:
        raise web.HTTPBadRequest(text="recording, a valid preset and format are required")
    if recording.startswith("-") or os.path.basename(recording) != recording:
        raise web.HTTPBadRequest(text="invalid recording name")
    job = TranscodeJob(recording, PRESETS[preset], fmt)
    if not os.path.exists(job.source):
        raise web.HTTPNotFound(text="recording not found")
    rc = await run_job(job)
    if rc != 0:
        raise web.HTTPInternalServerError(text="transcode failed")
    return web.json_response({"output": os.path.basename(job.target)})


def make_app() -> web.Application:
    app = web.Application(client_max_size=1024 ** 2)
    app.router.add_post("/interviews/transcode", transcode)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8093)
