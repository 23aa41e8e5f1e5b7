"""RabbitMQ worker that transcodes uploaded videos into HLS renditions.

Jobs are published by the upload API (and by customers' automation via
the public jobs endpoint, which forwards the JSON body as-is).
"""
import logging
import os
import subprocess
from pathlib import Path

import jsonpickle
import pika

log = logging.getLogger("transcoder")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "media.transcode"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/srv/media"))
PRESETS = {
    "720p": "-vf scale=-2:720 -b:v 2800k",
    "480p": "-vf scale=-2:480 -b:v 1400k",
    "360p": "-vf scale=-2:360 -b:v 800k",
}


class TranscodeJob:
    def __init__(self, job_id, source, rendition="720p", title=""):
        self.job_id = job_id
        self.source = source
        self.rendition = rendition
        self.title = title


def decode_job(body: bytes) -> TranscodeJob:
    job = jsonpickle.decode(body.decode("utf-8"))  # VULN flow
    if isinstance(job, dict):
        job = TranscodeJob(**job)
    job.job_id = int(job.job_id)
    return job


def ffmpeg_command(job: TranscodeJob) -> str:
    src = MEDIA_ROOT / "uploads" / job.source
    out_dir = MEDIA_ROOT / "hls" / str(job.job_id)
    preset = PRESETS.get(job.rendition, PRESETS["720p"])
    return (
        f"ffmpeg -nostdin -y -i {src} {preset} -metadata title=\"{job.title}\" "
        f"-hls_time 6 -hls_playlist_type vod {out_dir}/{job.rendition}.m3u8"
    )


def handle(channel, method, _props, body: bytes) -> None:
    try:
        job = decode_job(body)
        out_dir = MEDIA_ROOT / "hls" / str(job.job_id)
        out_dir.mkdir(parents=True, exist_ok=True)
        cmd = ffmpeg_command(job)
        subprocess.run(cmd, shell=True, check=True, timeout=3600)  # VULN flow
        log.info("job %r done", job.job_id)
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except subprocess.CalledProcessError as exc:
        log.error("ffmpeg failed with %s", exc.returncode)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
    except Exception:
        log.exception("bad job message")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    log.info("waiting for jobs on %s", QUEUE)
    channel.start_consuming()


if __name__ == "__main__":
    main()
