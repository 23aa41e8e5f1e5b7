"""Consumes payout instructions from the 'payouts.requested' queue and executes them."""
import logging
import os
import signal
from dataclasses import dataclass

import jsonpickle
import pika

log = logging.getLogger("payouts.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "payouts.requested"
DEAD_LETTER = "payouts.failed"


@dataclass
class PayoutInstruction:
    withdrawal_id: int
    member_id: int
    amount_cents: int
    currency: str
    destination: str


class PayoutExecutor:
    def __init__(self, gateway):
        self.gateway = gateway

    def execute(self, instr: PayoutInstruction) -> str:
        if instr.amount_cents <= 0:
            raise ValueError("non-positive payout")
        result = self.gateway.create_payout(instr.destination, instr.amount_cents, instr.currency, f"wd-{instr.withdrawal_id}")
        return result.status


def decode_message(body: bytes) -> PayoutInstruction:
    text = body.decode("utf-8")
    obj = jsonpickle.decode(text)  # VULN flow
    if not isinstance(obj, PayoutInstruction):
        raise TypeError(f"unexpected message type {type(obj).__name__}")
    return obj


class Consumer:
    def __init__(self, executor: PayoutExecutor):
        self.executor = executor
        self.connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        self.channel = self.connection.channel()
        self.channel.queue_declare(queue=QUEUE, durable=True)
        self.channel.basic_qos(prefetch_count=1)

    def on_message(self, ch, method, _props, body):
        try:
            instr = decode_message(body)
            status = self.executor.execute(instr)
            log.info("withdrawal %d -> %s", instr.withdrawal_id, status)
            ch.basic_ack(delivery_tag=method.delivery_tag)
        except Exception:
            log.exception("payout failed, dead-lettering")
            ch.basic_publish(exchange="", routing_key=DEAD_LETTER, body=body)
            ch.basic_ack(delivery_tag=method.delivery_tag)

    def run(self):
        self.channel.basic_consume(queue=QUEUE, on_message_callback=self.on_message)
        signal.signal(signal.SIGTERM, lambda *_: self.channel.stop_consuming())
        self.channel.start_consuming()


if __name__ == "__main__":
    from paystream import PayStreamClient

    logging.basicConfig(level=logging.INFO)
    Consumer(PayoutExecutor(PayStreamClient())).run()
