"""Clip extraction service: cuts highlight reels out of full match recordings."""
import asyncio
import logging
import os
import uuid

from aiohttp import web

log = logging.getLogger("highlights")

RECORDINGS = os.environ.get("RECORDINGS_DIR", "/srv/recordings")
OUTPUT = os.environ.get("HIGHLIGHTS_DIR", "/srv/highlights")


class ClipJob:
    def __init__(self, match_id: str, start: str, end: str, title: str):
        self.id = uuid.uuid4().hex[:12]
        self.source = os.path.join(RECORDINGS, f"{match_id}.mp4")
        self.start = start
        self.end = end
        self.title = title
        self.output = os.path.join(OUTPUT, f"{self.id}.mp4")

    def command(self) -> str:
        return (
            f"ffmpeg -hide_banner -y -ss {self.start} -to {self.end} -i {self.source} "
            f'-metadata title="{self.title}" -c copy {self.output}'
        )


async def run_job(job: ClipJob):
    proc = await asyncio.create_subprocess_shell(job.command(), stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)  # VULN flow
    _, err = await proc.communicate()
    return proc.returncode, err.decode(errors="replace")[-400:]


async def create_clip(request: web.Request) -> web.Response:
    try:
        data = await request.json()
        job = ClipJob(
            str(data["match_id"]),
            str(data.get("start", "0")),
            str(data["end"]),
            str(data.get("title", "Highlight")),
        )
    except (KeyError, ValueError):
        raise web.HTTPBadRequest(text="match_id and end are required")
    rc, err = await run_job(job)
    if rc != 0:
        log.error("ffmpeg failed for job %s (rc=%s): %r", job.id, rc, err)
        raise web.HTTPUnprocessableEntity(text="could not cut clip")
    log.info("clip %s created", job.id)
    return web.json_response({"clip": job.id, "url": f"/highlights/{job.id}.mp4"})


def make_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/clips", create_clip)
    app.router.add_static("/highlights/", OUTPUT)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
