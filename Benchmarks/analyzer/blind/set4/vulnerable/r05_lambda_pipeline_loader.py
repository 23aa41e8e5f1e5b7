import logging
import urllib.parse

import boto3
import yaml

from etl.runner import PipelineRunner

log = logging.getLogger(__name__)
s3 = boto3.client("s3")


def _read_object(bucket, key):
    obj = s3.get_object(Bucket=bucket, Key=key)
    return obj["Body"].read().decode("utf-8")


def load_pipeline(bucket, key):
    raw = _read_object(bucket, key)
    spec = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(spec, dict) or "steps" not in spec:
        raise ValueError(f"invalid pipeline spec in s3://{bucket}/{key}")
    return spec


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        log.info("loading pipeline from s3://%s/%s", bucket, key)
        spec = load_pipeline(bucket, key)
        results.append(PipelineRunner(spec).run())
    return {"pipelines": len(results)}
