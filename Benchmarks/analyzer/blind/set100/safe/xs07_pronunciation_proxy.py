"""Pronunciation scoring front-end.

Students record in the mobile app, upload the clip to their own cloud
storage and submit the link; we fetch the clip and forward it to the
internal scoring backend.
"""
import logging
import os
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("pronounce")

SCORER_URL = os.environ.get("SCORER_URL", "http://scorer.internal:8081/v1/score")
MAX_CLIP_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=15)
ALLOWED_AUDIO_HOSTS = frozenset({
    "storage.googleapis.com",
    "dl.dropboxusercontent.com",
    "media.tutorapp.example",
})


@dataclass
class ScoreJob:
    student_id: str
    phrase_id: int
    audio_url: str
    job_id: str = field(default_factory=lambda: uuid.uuid4().hex)


def check_audio_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_AUDIO_HOSTS or parts.port not in (None, 443):
        raise web.HTTPBadRequest(text="audio_url must point to a supported storage provider")
    return url


async def fetch_clip(session: aiohttp.ClientSession, job: ScoreJob) -> bytes:
    url = check_audio_url(job.audio_url)
    async with session.get(url, timeout=FETCH_TIMEOUT, allow_redirects=False) as resp:
        resp.raise_for_status()
        data = await resp.content.read(MAX_CLIP_BYTES + 1)
    if len(data) > MAX_CLIP_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_CLIP_BYTES, actual_size=len(data))
    return data


async def score_clip(session: aiohttp.ClientSession, job: ScoreJob, audio: bytes) -> dict:
    form = aiohttp.FormData()
    form.add_field("phrase_id", str(job.phrase_id))
    form.add_field("audio", audio, filename=f"{job.job_id}.wav", content_type="audio/wav")
    async with session.post(SCORER_URL, data=form, timeout=FETCH_TIMEOUT) as resp:
        resp.raise_for_status()
        return await resp.json()


async def handle_score(request: web.Request) -> web.Response:
    payload = await request.json()
    try:
        job = ScoreJob(
            student_id=request.headers.get("X-Student-Id", "anonymous"),
            phrase_id=int(payload["phrase_id"]),
            audio_url=str(payload["audio_url"]),
        )
    except (KeyError, TypeError, ValueError):
        raise web.HTTPBadRequest(text="phrase_id and audio_url are required")
    session: aiohttp.ClientSession = request.app["http"]
    try:
        audio = await fetch_clip(session, job)
    except aiohttp.ClientError as exc:
        log.warning("fetch failed for job %s: %r", job.job_id, exc)
        raise web.HTTPBadGateway(text="could not fetch recording")
    result = await score_clip(session, job, audio)
    return web.json_response({
        "job": job.job_id,
        "score": result.get("score"),
        "phonemes": result.get("phonemes", []),
    })


async def on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=1024 ** 2)
    app.router.add_post("/api/pronunciation/score", handle_score)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8080)
