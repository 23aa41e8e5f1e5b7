import json
import os

import boto3
import yaml

BUCKET = os.environ.get("CONFIG_BUCKET", "tenant-configs")

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIA4EXAMPLEQ7ZL2KJM",
    aws_secret_access_key="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",  # VULN
)


def _response(status, payload):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(payload),
    }


def handler(event, context):
    tenant = event.get("pathParameters", {}).get("tenant")
    if not tenant or not tenant.isalnum():
        return _response(400, {"error": "bad tenant"})

    try:
        config = yaml.load(event["body"], Loader=yaml.Loader)  # VULN
    except yaml.YAMLError as exc:
        return _response(400, {"error": str(exc)})

    if not isinstance(config, dict) or "features" not in config:
        return _response(422, {"error": "missing features section"})

    s3.put_object(Bucket=BUCKET, Key=f"{tenant}/config.json", Body=json.dumps(config).encode())
    return _response(200, {"tenant": tenant, "features": sorted(config["features"])})
