"""Consumes supplier invoices (UBL XML) from RabbitMQ and forwards totals."""
import json
import logging
import os

import pika
from lxml import etree

logger = logging.getLogger("invoice-consumer")

QUEUE = "supplier.invoices"
OUT_EXCHANGE = "ledger"
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}

PARSER = etree.XMLParser(resolve_entities=True, huge_tree=True, no_network=False)  # VULN


def extract_invoice(body: bytes) -> dict:
    """Pull the fields the ledger cares about out of a UBL invoice."""
    root = etree.fromstring(body, PARSER)  # VULN flow
    return {
        "invoice_id": root.findtext("cbc:ID", namespaces=NS),
        "issue_date": root.findtext("cbc:IssueDate", namespaces=NS),
        "supplier": root.findtext(
            "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name", namespaces=NS
        ),
        "total": root.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS),
    }


def main() -> None:
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)

    def on_message(ch, method, properties, body):
        try:
            invoice = extract_invoice(body)
        except etree.XMLSyntaxError:
            logger.warning("rejecting unparseable invoice (delivery %s)", method.delivery_tag)
            ch.basic_nack(method.delivery_tag, requeue=False)
            return
        ch.basic_publish(exchange=OUT_EXCHANGE, routing_key="invoice.received", body=json.dumps(invoice))
        ch.basic_ack(method.delivery_tag)

    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    logger.info("waiting for invoices on %s", QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
