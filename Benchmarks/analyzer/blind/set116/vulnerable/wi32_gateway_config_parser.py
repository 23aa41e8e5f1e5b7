"""Provisioning pipeline for newly installed trap gateways.

During installation the technician exports the gateway's device list
(XML, vendor format) from the installer app, which uploads it to the
`gateway-configs` bucket. This job picks up new exports, registers every
trap in the asset DB and moves the export to processed/.
"""
import io
import logging
import os
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

import boto3
import psycopg2

log = logging.getLogger("gw_provision")

BUCKET = os.environ.get("GW_CONFIG_BUCKET", "gateway-configs")
INCOMING = "incoming/"
PG_DSN = os.environ.get("PG_DSN", "dbname=assets")


class DeviceListHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.gateway_serial = None
        self.site_code = None
        self.devices = []
        self._text = []

    def startElement(self, name, attrs):
        self._text = []
        if name == "Gateway":
            self.gateway_serial = attrs.get("serial")
            self.site_code = attrs.get("site")
        elif name == "Device":
            self.devices.append({
                "serial": attrs.get("serial"),
                "model": attrs.get("model"),
                "zone": attrs.get("zone", ""),
                "label": "",
            })

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "Label" and self.devices:
            self.devices[-1]["label"] = "".join(self._text).strip()


def parse_export(blob: bytes) -> DeviceListHandler:
    handler = DeviceListHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(blob))  # VULN flow
    return handler


def register(conn, export: DeviceListHandler) -> int:
    with conn.cursor() as cur:
        for dev in export.devices:
            cur.execute(
                "INSERT INTO traps (serial, model, zone, label, gateway_serial, site_code) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (serial) DO UPDATE "
                "SET zone = EXCLUDED.zone, label = EXCLUDED.label, gateway_serial = EXCLUDED.gateway_serial",
                (dev["serial"], dev["model"], dev["zone"], dev["label"],
                 export.gateway_serial, export.site_code),
            )
    conn.commit()
    return len(export.devices)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    s3 = boto3.client("s3")
    conn = psycopg2.connect(PG_DSN)
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=INCOMING)
    for obj in listing.get("Contents", []):
        key = obj["Key"]
        blob = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
        try:
            export = parse_export(blob)
            count = register(conn, export)
        except (xml.sax.SAXException, psycopg2.Error):
            log.exception("failed to provision from %r", key)
            conn.rollback()
            continue
        s3.copy_object(Bucket=BUCKET, Key=key.replace(INCOMING, "processed/", 1),
                       CopySource={"Bucket": BUCKET, "Key": key})
        s3.delete_object(Bucket=BUCKET, Key=key)
        log.info("gateway %r at %r: %d traps registered", export.gateway_serial, export.site_code, count)
    conn.close()


if __name__ == "__main__":
    main()
