"""RabbitMQ consumer that writes scheduler job events into the audit trail."""
import json
import logging
import os
import signal

import pika

AMQP_URL = os.environ.get("AMQP_URL", "amqp://mq.hpc.internal:5672/%2Fhpc")
EXCHANGE = "slurm.events"
QUEUE = "audit.job-events"

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
log = logging.getLogger("audit.consumer")
audit = logging.getLogger("audit.trail")


def describe_job(job: dict) -> tuple:
    return job.get("id"), job.get("name", ""), job.get("partition", "")


def record(event: dict) -> None:
    kind = event.get("type")
    actor = event.get("user", "unknown")
    job_id, name, partition = describe_job(event.get("job") or {})
    if kind == "submitted":
        audit.info("job %r submitted by %r name=%r partition=%r", job_id, actor, name, partition)
    elif kind == "cancelled":
        reason = event.get("reason", "")
        audit.info("job %r cancelled by %r reason=%r", job_id, actor, reason)
    elif kind == "requeued":
        audit.info("job %r requeued by %r", job_id, actor)
    else:
        log.debug("ignoring event type %r", kind)


def on_message(channel, method, properties, body):
    try:
        event = json.loads(body)
    except ValueError:
        log.warning("dropping malformed message (%d bytes)", len(body))
        channel.basic_ack(delivery_tag=method.delivery_tag)
        return
    try:
        record(event)
    except Exception:
        log.exception("failed to record event")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    params = pika.URLParameters(AMQP_URL)
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.exchange_declare(exchange=EXCHANGE, exchange_type="topic", durable=True)
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.queue_bind(queue=QUEUE, exchange=EXCHANGE, routing_key="job.#")
    channel.basic_qos(prefetch_count=50)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)

    def _stop(*_):
        channel.stop_consuming()

    signal.signal(signal.SIGTERM, _stop)
    log.info("consuming from %s", QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
