"""Lambda that registers tenant pipeline configs uploaded to the configs bucket."""
import json
import logging
import os
import urllib.parse

import boto3
import yaml

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
dynamodb = boto3.resource("dynamodb")
TABLE = dynamodb.Table(os.environ.get("PIPELINE_TABLE", "tenant-pipelines"))
REQUIRED_KEYS = {"tenant", "schedule", "steps"}
MAX_CONFIG_BYTES = 256 * 1024


def _read_object(bucket, key):
    obj = s3.get_object(Bucket=bucket, Key=key)
    if obj["ContentLength"] > MAX_CONFIG_BYTES:
        raise ValueError("config file too large")
    return obj["Body"].read().decode("utf-8")


def parse_config(text):
    config = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(config, dict):
        raise ValueError("config root must be a mapping")
    missing = REQUIRED_KEYS - config.keys()
    if missing:
        raise ValueError(f"missing keys: {sorted(missing)}")
    if not isinstance(config["steps"], list) or not config["steps"]:
        raise ValueError("steps must be a non-empty list")
    return config


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        try:
            config = parse_config(_read_object(bucket, key))
        except (ValueError, UnicodeDecodeError, yaml.YAMLError) as exc:
            logger.warning("rejected config %r: %r", key, exc)
            results.append({"key": key, "status": "rejected"})
            continue
        TABLE.put_item(
            Item={
                "tenant": str(config["tenant"]),
                "schedule": str(config["schedule"]),
                "steps": json.dumps(config["steps"], default=str),
                "source_key": key,
            }
        )
        logger.info("registered pipeline for tenant %r from %r", config["tenant"], key)
        results.append({"key": key, "status": "registered"})
    return {"statusCode": 200, "body": json.dumps(results)}
