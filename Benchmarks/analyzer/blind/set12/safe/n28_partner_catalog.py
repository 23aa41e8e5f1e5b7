#!/usr/bin/env python3
"""Polls the partner-upload S3 bucket for XML product catalogues and
converts them into JSON documents for the search indexer."""
import json
import logging
import time
from xml.parsers.expat import ExpatError

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from defusedxml import DefusedXmlException
from defusedxml import minidom

log = logging.getLogger("catalog-poller")

UPLOAD_BUCKET = "partner-catalog-uploads"
OUTPUT_BUCKET = "search-index-staging"
POLL_SECONDS = 60

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
)


def text_of(node, tag):
    found = node.getElementsByTagName(tag)
    if not found or not found[0].firstChild:
        return None
    return found[0].firstChild.nodeValue.strip()


def parse_catalog(xml_bytes):
    doc = minidom.parseString(xml_bytes, forbid_dtd=True)
    products = []
    for item in doc.getElementsByTagName("product"):
        products.append({
            "sku": item.getAttribute("sku"),
            "title": text_of(item, "title"),
            "brand": text_of(item, "brand"),
            "price": text_of(item, "price"),
            "description": text_of(item, "description"),
        })
    return products


def process_object(key):
    obj = s3.get_object(Bucket=UPLOAD_BUCKET, Key=key)
    products = parse_catalog(obj["Body"].read())
    out_key = key.rsplit(".", 1)[0] + ".json"
    s3.put_object(Bucket=OUTPUT_BUCKET, Key=out_key,
                  Body=json.dumps(products).encode(), ContentType="application/json")
    s3.delete_object(Bucket=UPLOAD_BUCKET, Key=key)
    return len(products)


def poll_once():
    resp = s3.list_objects_v2(Bucket=UPLOAD_BUCKET, Prefix="incoming/")
    for entry in resp.get("Contents", []):
        key = entry["Key"]
        if not key.endswith(".xml"):
            continue
        try:
            count = process_object(key)
            log.info("converted %r (%d products)", key, count)
        except (ExpatError, DefusedXmlException) as exc:
            log.warning("rejected XML in %r: %s", key, exc)
        except (BotoCoreError, ClientError) as exc:
            log.error("S3 error on %r: %s", key, exc)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    while True:
        poll_once()
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    main()
