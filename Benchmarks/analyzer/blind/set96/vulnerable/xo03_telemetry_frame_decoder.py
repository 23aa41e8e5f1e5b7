"""Telemetry frame decoder worker.

Consumes downlinked frame batches from the ``tm.frames`` queue (published by
the ground station front-ends), decodes the CCSDS space packets and writes the
housekeeping values to the time-series store.
"""
import logging
import os
import pickle
import struct
import zlib

import pika

log = logging.getLogger("tm.decoder")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "tm.frames"
PRIMARY_HEADER = struct.Struct(">HHH")


class HousekeepingStore:
    def __init__(self):
        self.points = []

    def write(self, apid: int, seq: int, values: list) -> None:
        self.points.append((apid, seq, values))


class FrameDecoder:
    def __init__(self, store: HousekeepingStore):
        self.store = store

    @staticmethod
    def _unwrap(body: bytes) -> bytes:
        # front-ends compress large batches
        if body[:2] == b"\x78\x9c":
            return zlib.decompress(body)
        return body

    def decode_batch(self, body: bytes) -> int:
        raw = self._unwrap(body)
        batch = pickle.loads(raw)  # VULN flow
        frames = batch.get("frames", [])
        for frame in frames:
            self.decode_packet(bytes.fromhex(frame))
        return len(frames)

    def decode_packet(self, packet: bytes) -> None:
        if len(packet) < PRIMARY_HEADER.size:
            return
        word1, word2, length = PRIMARY_HEADER.unpack_from(packet)
        apid = word1 & 0x07FF
        seq = word2 & 0x3FFF
        start = PRIMARY_HEADER.size
        data = packet[start:start + length + 1]
        values = list(data[:16])
        self.store.write(apid, seq, values)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    decoder = FrameDecoder(HousekeepingStore())
    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=8)

    def on_message(ch, method, properties, body):
        try:
            count = decoder.decode_batch(body)
            log.info("decoded %d frames from %r", count, properties.app_id)
        except Exception:
            log.exception("bad batch, dropping")
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        channel.start_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()
