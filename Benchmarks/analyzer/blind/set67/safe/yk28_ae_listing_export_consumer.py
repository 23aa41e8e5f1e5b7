"""RabbitMQ consumer: builds adverse-event listings requested from the sponsor
portal and delivers them GPG-encrypted to the requesting monitor."""
import csv
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile

import pika
import psycopg2

log = logging.getLogger("ae-export")

DELIVERY_DIR = os.environ.get("AE_DELIVERY_DIR", "/srv/sftp/outbound")
QUEUE = "exports.ae_listing"
RECIPIENT_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
REQUEST_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def dump_events(conn, study_id, out_dir):
    path = os.path.join(out_dir, "ae_listing.csv")
    with conn.cursor() as cur, open(path, "w", newline="") as fh:
        cur.execute(
            "SELECT participant_id, ae_term, meddra_pt, severity, serious, onset_date, outcome "
            "FROM adverse_events WHERE study_id = %s ORDER BY onset_date",
            (study_id,),
        )
        writer = csv.writer(fh)
        writer.writerow([d[0] for d in cur.description])
        writer.writerows(cur)
    return path


def encrypt_for(recipient, src):
    if not RECIPIENT_RE.match(recipient):
        raise ValueError(f"invalid recipient {recipient!r}")
    dst = src + ".gpg"
    cmd = ["gpg", "--batch", "--yes", "--trust-model", "always", "--recipient", recipient, "--output", dst, "--encrypt", src]
    subprocess.check_call(cmd)
    return dst


def handle_request(conn, request):
    study_id = int(request["study_id"])
    recipient = request["recipient"]
    if not REQUEST_ID_RE.match(str(request["request_id"])):
        raise ValueError("bad request id")
    work_dir = tempfile.mkdtemp(prefix="ae_export_")
    try:
        csv_path = dump_events(conn, study_id, work_dir)
        encrypted = encrypt_for(recipient, csv_path)
        target = os.path.join(DELIVERY_DIR, f"study{study_id}_ae_{request['request_id']}.csv.gpg")
        shutil.move(encrypted, target)
        return target
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def main():
    logging.basicConfig(level=logging.INFO)
    db = psycopg2.connect(os.environ["TRIALS_DSN"])
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost/"))
    channel = pika.BlockingConnection(params).channel()
    channel.queue_declare(queue=QUEUE, durable=True)

    def on_message(ch, method, properties, body):
        try:
            request = json.loads(body)
            target = handle_request(db, request)
            log.info("delivered %s", target)
        except Exception:
            log.exception("export request failed")
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
