"""RabbitMQ consumer that generates product image thumbnails."""
import json
import logging
import os
import subprocess

import pika

log = logging.getLogger("thumbnailer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "media.thumbnails"
MEDIA_ROOT = "/srv/media"


class ThumbnailJob:
    def __init__(self, payload: dict):
        self.source = os.path.join(MEDIA_ROOT, payload["path"])
        self.size = payload.get("size", "256x256")
        base, _ = os.path.splitext(self.source)
        self.target = f"{base}_thumb_{self.size}.jpg"

    def command(self) -> str:
        return f"convert '{self.source}' -auto-orient -thumbnail {self.size} -strip '{self.target}'"


def on_message(channel, method, properties, body):
    try:
        job = ThumbnailJob(json.loads(body))
    except (ValueError, KeyError):
        log.warning("dropping malformed message %s", method.delivery_tag)
        channel.basic_nack(method.delivery_tag, requeue=False)
        return
    try:
        subprocess.check_call(job.command(), shell=True, timeout=120)  # VULN flow
    except subprocess.SubprocessError:
        log.exception("thumbnail failed")
        channel.basic_nack(method.delivery_tag, requeue=False)
        return
    channel.basic_ack(method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=4)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()


if __name__ == "__main__":
    main()
