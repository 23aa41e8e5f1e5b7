import json
import os

import boto3
import yaml

BUCKET = os.environ.get("CONFIG_BUCKET", "tenant-configs")

# credentials come from the Lambda execution role
s3 = boto3.client("s3")


def _response(status, payload):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(payload),
    }


def handler(event, context):
    tenant = (event.get("pathParameters") or {}).get("tenant")
    if not tenant or not tenant.isalnum():
        return _response(400, {"error": "bad tenant"})

    try:
        config = yaml.safe_load(event["body"])
    except yaml.YAMLError as exc:
        return _response(400, {"error": str(exc)})

    if not isinstance(config, dict) or "features" not in config:
        return _response(422, {"error": "missing features section"})

    s3.put_object(Bucket=BUCKET, Key=f"{tenant}/config.json", Body=json.dumps(config, default=str).encode())
    return _response(200, {"tenant": tenant, "features": sorted(map(str, config["features"]))})
