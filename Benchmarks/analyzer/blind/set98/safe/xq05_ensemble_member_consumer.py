"""Consumes ensemble member fields published by partner modelling centres.

Each message carries one 2-D field for one member of an ensemble run. The
field is written to disk as .npy for the blending job that runs hourly.
"""
import json
import logging
import os
import re
import zlib

import numpy as np
import pika

log = logging.getLogger("ensemble.consumer")

QUEUE = os.environ.get("ENSEMBLE_QUEUE", "ensemble.members")
OUT_DIR = os.environ.get("ENSEMBLE_OUT", "/srv/ensemble")
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class MemberMessage:
    def __init__(self, run_id: str, member: int, variable: str, grid: np.ndarray):
        if not TOKEN_RE.match(run_id) or not TOKEN_RE.match(variable):
            raise ValueError("bad identifiers in message")
        self.run_id = run_id
        self.member = member
        self.variable = variable
        self.grid = grid

    def output_path(self) -> str:
        run_dir = os.path.join(OUT_DIR, self.run_id)
        os.makedirs(run_dir, exist_ok=True)
        return os.path.join(run_dir, f"{self.variable}_m{self.member:03d}.npy")


def decode_body(body: bytes, headers: dict) -> dict:
    if headers.get("content-encoding") == "zlib":
        body = zlib.decompress(body)
    return json.loads(body.decode("utf-8"))


def handle(channel, method, properties, body):
    headers = properties.headers or {}
    try:
        payload = decode_body(body, headers)
        msg = MemberMessage(
            str(payload["run_id"]),
            int(payload["member"]),
            str(payload["variable"]),
            np.asarray(payload["grid"], dtype="float32"),
        )
    except Exception:
        log.exception("rejecting malformed message from %r", headers.get("producer", "?"))
        channel.basic_nack(method.delivery_tag, requeue=False)
        return

    path = msg.output_path()
    np.save(path, msg.grid, allow_pickle=False)
    log.info("stored run=%s member=%d var=%s shape=%s", msg.run_id, msg.member,
             msg.variable, msg.grid.shape)
    channel.basic_ack(method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ["AMQP_URL"])
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=4)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
