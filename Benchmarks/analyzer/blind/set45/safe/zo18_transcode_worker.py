"""RabbitMQ consumer that transcodes uploaded lecture videos with ffmpeg."""
import json
import logging
import os
import re
import subprocess

import pika

log = logging.getLogger("transcoder")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "media.transcode"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/media")
OUTPUT_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,100}\.(mp4|mp3|webm)$")

PRESETS = {
    "720p": ["-vf", "scale=-2:720", "-c:v", "libx264", "-preset", "medium", "-crf", "23", "-c:a", "aac", "-b:a", "128k"],
    "480p": ["-vf", "scale=-2:480", "-c:v", "libx264", "-preset", "fast", "-crf", "26", "-c:a", "aac", "-b:a", "96k"],
    "audio": ["-vn", "-c:a", "libmp3lame", "-q:a", "4"],
}


def build_job(message: dict) -> dict:
    preset = message.get("preset", "720p")
    if not OUTPUT_NAME_RE.match(message["output_name"]):
        raise ValueError("invalid output name")
    job = {
        "src": os.path.join(MEDIA_ROOT, "incoming", os.path.basename(message["upload_id"])),
        "dst": os.path.join(MEDIA_ROOT, "renditions", message["output_name"]),
        "args": PRESETS.get(preset, PRESETS["720p"]),
        "title": message.get("title", ""),
    }
    return job


def render_command(job: dict) -> list:
    meta = ["-metadata", f"title={job['title']}"] if job["title"] else []
    return ["ffmpeg", "-y", "-loglevel", "error", "-i", job["src"], *job["args"], *meta, job["dst"]]


def transcode(job: dict) -> int:
    command = render_command(job)
    log.info("transcoding %r", os.path.basename(job["src"]))
    return subprocess.run(command, check=False).returncode


def on_message(channel, method, properties, body):
    try:
        message = json.loads(body)
        job = build_job(message)
    except (ValueError, KeyError) as exc:
        log.error("dropping malformed message: %r", exc)
        channel.basic_nack(method.delivery_tag, requeue=False)
        return
    status = transcode(job)
    if status == 0:
        channel.basic_ack(method.delivery_tag)
    else:
        log.error("ffmpeg exited with %s for %r", status, message.get("upload_id"))
        channel.basic_nack(method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()


if __name__ == "__main__":
    main()
