"""RabbitMQ worker that renders tribute slideshow videos.

Families upload photos in the portal, pick a music track and name the video; the
portal publishes a job and this worker stitches the photos with ffmpeg.
"""
import json
import logging
import os
import re
import subprocess

import pika

log = logging.getLogger("tribute_video")

WORK_ROOT = "/srv/tributes/work"
MUSIC_DIR = "/srv/tributes/music"
OUTPUT_DIR = "/srv/tributes/videos"
SECONDS_PER_PHOTO = 5
QUEUE = "tribute.video.render"
OUT_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class RenderError(Exception):
    pass


def build_slideshow(job: dict) -> str:
    memorial_id = int(job["memorial_id"])
    photo_glob = os.path.join(WORK_ROOT, str(memorial_id), "photos", "*.jpg")
    track = job.get("music_track") or "amazing_grace_piano.mp3"
    out_name = job.get("output_name") or f"tribute_{memorial_id}"
    if track not in os.listdir(MUSIC_DIR):
        raise RenderError("unknown music track")
    if not OUT_NAME_RE.match(out_name):
        raise RenderError("invalid output name")
    out_path = f"{OUTPUT_DIR}/{out_name}.mp4"
    cmd = [
        "ffmpeg", "-y", "-loglevel", "error", "-framerate", f"1/{SECONDS_PER_PHOTO}",
        "-pattern_type", "glob", "-i", photo_glob, "-i", os.path.join(MUSIC_DIR, track),
        "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", out_path,
    ]
    log.info("rendering tribute for memorial %d", memorial_id)
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        raise RenderError(f"ffmpeg exited with {rc}")
    return out_path


def on_message(channel, method, properties, body: bytes) -> None:
    try:
        job = json.loads(body)
        path = build_slideshow(job)
        channel.basic_publish(
            exchange="",
            routing_key="tribute.video.done",
            body=json.dumps({"memorial_id": job["memorial_id"], "path": path}),
        )
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except (ValueError, KeyError, RenderError):
        log.exception("tribute render failed")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    log.info("waiting for render jobs on %s", QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
