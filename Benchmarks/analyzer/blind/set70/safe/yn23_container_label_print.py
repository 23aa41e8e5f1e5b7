"""RabbitMQ consumer that prints container / pallet labels at warehouse docks."""
import json
import logging
import os
import subprocess
import tempfile

import pika

log = logging.getLogger("label_printer")

QUEUE = "warehouse.labels"
DEFAULT_PRINTER = os.environ.get("DEFAULT_LABEL_PRINTER", "dock1_zebra")
PRINTERS = {"dock1_zebra", "dock2_zebra", "dock3_zebra", "reefer_gate_zebra"}
LABEL_TEMPLATE = """^XA
^FO40,40^A0N,40,40^FD{container_no}^FS
^FO40,100^A0N,28,28^FDPOD: {pod}  WT: {weight} KG^FS
^FO40,150^XGR:BARCODE.GRF,1,1^FS
^XZ
"""


def render_label(job: dict) -> str:
    fd, zpl_path = tempfile.mkstemp(suffix=".zpl")
    with os.fdopen(fd, "w") as fh:
        fh.write(LABEL_TEMPLATE.format(
            container_no=job["container_no"],
            pod=job.get("pod", ""),
            weight=int(job.get("weight_kg", 0)),
        ))
    barcode = zpl_path.replace(".zpl", ".png")
    subprocess.call(["zint", "-b", "20", "-d", str(job["container_no"]), "-o", barcode])
    return zpl_path


def print_job(job: dict) -> None:
    printer = job.get("printer") or DEFAULT_PRINTER
    if printer not in PRINTERS:
        raise ValueError("unknown printer %r" % printer)
    copies = max(1, min(int(job.get("copies", 1)), 20))
    label_path = render_label(job)
    try:
        rc = subprocess.call(["lpr", "-P", printer, "-#", str(copies), "-o", "raw", label_path])
        if rc != 0:
            raise RuntimeError("lpr exited with %d" % rc)
    finally:
        os.unlink(label_path)


def on_message(channel, method, properties, body):
    try:
        job = json.loads(body)
        print_job(job)
    except Exception:
        log.exception("label job failed")
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    log.info("waiting for label jobs on %s", QUEUE)
    channel.start_consuming()


if __name__ == "__main__":
    main()
