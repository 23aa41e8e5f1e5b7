"""Send SMS swarm alerts to the on-call swarm collectors.

Consumes the "swarm.reported" queue fed by the public report form and pushes
a text message through the gammu SMS daemon attached to the USB modem.
"""
import json
import logging
import os
import subprocess

import pika

log = logging.getLogger("swarm_sms")

COLLECTORS_FILE = os.environ.get("COLLECTORS_FILE", "/etc/swarmline/collectors.json")
QUEUE = "swarm.reported"


def load_collectors(path: str = COLLECTORS_FILE) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def collectors_for(postcode: str, roster: dict) -> list:
    district = postcode.replace(" ", "").upper()[:4]
    return roster.get(district, []) or roster.get("*", [])


def format_message(alert: dict) -> str:
    return "SWARM %s: %s (%s). Caller %s" % (
        alert.get("postcode", "?"),
        alert.get("location", "")[:60],
        alert.get("notes", "")[:80],
        alert.get("reporter_phone", "n/a"),
    )


def send_sms(number: str, text: str) -> bool:
    cmd = ["gammu-smsd-inject", "TEXT", number, "-text", text]
    rc = subprocess.run(cmd, check=False).returncode
    if rc != 0:
        log.error("gammu-smsd-inject exited with %d for %s", rc, number)
    return rc == 0


def make_handler(roster: dict):
    def on_message(channel, method, _properties, body):
        try:
            alert = json.loads(body)
        except ValueError:
            log.warning("dropping malformed alert")
            channel.basic_ack(delivery_tag=method.delivery_tag)
            return
        text = format_message(alert)
        sent = sum(send_sms(c["phone"], text) for c in collectors_for(alert.get("postcode", ""), roster))
        log.info("alert for %r sent to %d collectors", alert.get("postcode"), sent)
        channel.basic_ack(delivery_tag=method.delivery_tag)

    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    creds = pika.PlainCredentials(os.environ["AMQP_USER"], os.environ["AMQP_PASSWORD"])
    params = pika.ConnectionParameters(host=os.environ.get("AMQP_HOST", "localhost"), credentials=creds)
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(load_collectors()))
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
