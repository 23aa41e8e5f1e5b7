"""RabbitMQ worker that runs traceroutes requested from the NOC chat bot."""
import ipaddress
import json
import logging
import os
import re
import subprocess

import pika

log = logging.getLogger("trace-worker")

AMQP_URL = os.environ["AMQP_URL"]
REQUEST_QUEUE = "netdiag.trace.requests"
RESULT_EXCHANGE = "netdiag.results"
PROTOCOL_FLAGS = {"icmp": ["-I"], "tcp": ["-T"], "udp": []}
HOSTNAME_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63})*$")


def checked_target(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        if len(value) <= 253 and HOSTNAME_RE.match(value):
            return value
    raise ValueError(f"invalid target {value!r}")


class TraceJob:
    def __init__(self, message: dict):
        self.request_id = str(message["id"])
        self.target = checked_target(message["target"])
        self.max_hops = min(max(int(message.get("max_hops", 30)), 1), 64)
        self.protocol = message.get("protocol", "icmp")
        self.requested_by = message.get("user", "unknown")

    def command(self) -> list:
        flags = PROTOCOL_FLAGS.get(self.protocol, ["-I"])
        return ["traceroute", *flags, "-m", str(self.max_hops), "-w", "2", self.target]


class TraceWorker:
    def __init__(self, channel):
        self.channel = channel

    def run_job(self, job: TraceJob) -> dict:
        log.info("trace %s to %r requested by %r", job.request_id, job.target, job.requested_by)
        try:
            output = subprocess.check_output(job.command(), stderr=subprocess.STDOUT, text=True, timeout=120)
            status = "ok"
        except subprocess.CalledProcessError as exc:
            output, status = exc.output, "error"
        except subprocess.TimeoutExpired:
            output, status = "", "timeout"
        return {"id": job.request_id, "status": status, "output": output}

    def on_message(self, ch, method, properties, body):
        try:
            job = TraceJob(json.loads(body))
        except (ValueError, KeyError) as exc:
            log.warning("rejecting malformed job: %r", exc)
            ch.basic_nack(method.delivery_tag, requeue=False)
            return
        result = self.run_job(job)
        ch.basic_publish(exchange=RESULT_EXCHANGE, routing_key=job.request_id, body=json.dumps(result))
        ch.basic_ack(method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=REQUEST_QUEUE, durable=True)
    channel.exchange_declare(exchange=RESULT_EXCHANGE, exchange_type="direct", durable=True)
    channel.basic_qos(prefetch_count=1)
    worker = TraceWorker(channel)
    channel.basic_consume(queue=REQUEST_QUEUE, on_message_callback=worker.on_message)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
