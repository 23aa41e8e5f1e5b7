"""RabbitMQ consumer: process delivery status notifications (bounces) for hosted mailboxes."""
import email
import email.policy
import logging
import os

import pika
import psycopg2

log = logging.getLogger("bounces")

QUEUE = "mail.bounces"
HARD_BOUNCE_LIMIT = 5


def parse_dsn(raw: bytes) -> dict:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    result = {"recipient": None, "status": None, "diagnostic": ""}
    for part in msg.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in part.get_payload():
            rcpt = block.get("Final-Recipient") or block.get("Original-Recipient")
            if rcpt:
                result["recipient"] = rcpt.split(";", 1)[-1].strip().lower()
            result["status"] = block.get("Status", result["status"])
            result["diagnostic"] = str(block.get("Diagnostic-Code", ""))[:500]
    return result


class BounceRecorder:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)

    def record(self, info: dict) -> None:
        recipient = info["recipient"]
        hard = (info["status"] or "").startswith("5.")
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO bounce_log (address, status, diagnostic) "
                "VALUES (%s, %s, %s)", (recipient, info["status"], info["diagnostic"])
            )
            if hard:
                cur.execute("UPDATE mailbox_recipients SET hard_bounces = hard_bounces + 1 "
                            "WHERE address = %s", (recipient,))
                cur.execute("UPDATE mailbox_recipients SET suppressed = true "
                            "WHERE hard_bounces >= %s AND NOT suppressed", (HARD_BOUNCE_LIMIT,))
        self.conn.commit()


def main():
    logging.basicConfig(level=logging.INFO)
    recorder = BounceRecorder(os.environ["BOUNCE_DB_DSN"])
    params = pika.URLParameters(os.environ["AMQP_URL"])
    channel = pika.BlockingConnection(params).channel()
    channel.queue_declare(queue=QUEUE, durable=True)

    def on_message(ch, method, _props, body):
        info = parse_dsn(body)
        if info["recipient"]:
            try:
                recorder.record(info)
            except psycopg2.Error:
                recorder.conn.rollback()
                log.exception("failed to store bounce")
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
