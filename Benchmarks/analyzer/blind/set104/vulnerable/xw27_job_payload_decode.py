"""Consumer for reproduction / digitisation-on-demand requests.

Requests are published to the ``reproductions`` exchange both by our public
web form and directly by partner libraries' interlibrary-loan systems.
"""
import logging
import os

import jsonpickle
import pika

log = logging.getLogger("reproductions")

QUEUE = "reproductions.requests"
RESOLUTIONS = {"300", "400", "600"}
FORMATS = {"tiff", "jpeg", "pdf"}


class ReproductionRequest:
    def __init__(self, request_id, object_number, requester_email,
                 resolution="400", fmt="tiff", notes=""):
        self.request_id = request_id
        self.object_number = object_number
        self.requester_email = requester_email
        self.resolution = resolution
        self.fmt = fmt
        self.notes = notes

    def validate(self) -> None:
        if self.resolution not in RESOLUTIONS or self.fmt not in FORMATS:
            raise ValueError("unsupported resolution or format")
        if "@" not in str(self.requester_email):
            raise ValueError("bad requester e-mail")


def decode_message(body: bytes) -> ReproductionRequest:
    text = body.decode("utf-8")
    req = jsonpickle.decode(text)  # VULN flow
    if not isinstance(req, ReproductionRequest):
        raise ValueError("unexpected payload type")
    req.validate()
    return req


def schedule(req: ReproductionRequest) -> None:
    # The imaging studio's planner polls this table.
    log.info("scheduled %r: %r at %s dpi as %s", req.request_id, req.object_number,
             req.resolution, req.fmt)


def on_message(channel, method, properties, body) -> None:
    try:
        req = decode_message(body)
    except Exception as exc:
        log.warning("dropping malformed message: %r", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    schedule(req)
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ["AMQP_URL"])
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
