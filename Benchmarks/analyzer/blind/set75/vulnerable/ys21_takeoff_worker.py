"""RabbitMQ worker that runs automated quantity takeoffs.

Jobs are queued by the client portal when an estimator requests a takeoff on
an uploaded drawing set.
"""
import json
import logging
import os
import subprocess

import jsonpickle
import pika

log = logging.getLogger("takeoff.worker")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "takeoff.jobs"
RESULT_QUEUE = "takeoff.results"
TAKEOFF_BIN = "/opt/qto/bin/qto-cli"
DRAWINGS_DIR = "/srv/takeoff/drawings"


def build_command(job: dict) -> str:
    layers = ",".join(job.get("layers", ["A-WALL", "A-DOOR", "A-GLAZ"]))
    scale = job.get("scale", "1:100")
    drawing = os.path.join(DRAWINGS_DIR, job["drawing"])
    return f"{TAKEOFF_BIN} --format json --scale {scale} --layers {layers} '{drawing}'"


def run_takeoff(job: dict) -> dict:
    cmd = build_command(job)
    out = subprocess.check_output(cmd, shell=True, text=True, timeout=900)  # VULN flow
    return json.loads(out)


def on_message(channel, method, properties, body: bytes) -> None:
    try:
        job = jsonpickle.decode(body.decode("utf-8"))  # VULN flow
        log.info("takeoff job %r for project %r", job.get("job_id"), job.get("project_id"))
        result = run_takeoff(job)
        channel.basic_publish(
            exchange="",
            routing_key=RESULT_QUEUE,
            body=json.dumps({"job_id": job.get("job_id"), "quantities": result}),
            properties=pika.BasicProperties(content_type="application/json", delivery_mode=2),
        )
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        log.error("takeoff job failed: %r", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(AMQP_URL)
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.queue_declare(queue=RESULT_QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    log.info("waiting for takeoff jobs on %s", QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
