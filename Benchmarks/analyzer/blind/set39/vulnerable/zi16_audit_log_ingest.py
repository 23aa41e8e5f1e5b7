import base64
import json
import logging
import os
from datetime import datetime, timezone

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

dynamodb = boto3.resource("dynamodb")
TABLE = dynamodb.Table(os.environ.get("AUDIT_TABLE", "audit-events"))
SENSITIVE_ACTIONS = {"role.grant", "user.delete", "payout.approve", "api_key.create"}


def _decode(record):
    return json.loads(base64.b64decode(record["kinesis"]["data"]))


def _describe(event):
    return "actor={} action={} target={}".format(
        event.get("actor"), event.get("action"), event.get("target")
    )


def _store(event, seq):
    TABLE.put_item(
        Item={
            "pk": f"ACTOR#{event.get('actor', 'unknown')}",
            "sk": f"{event.get('ts', '')}#{seq}",
            "action": str(event.get("action", "")),
            "target": str(event.get("target", "")),
            "source_ip": str(event.get("source_ip", "")),
            "ingested_at": datetime.now(timezone.utc).isoformat(),
        }
    )


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        seq = record["kinesis"]["sequenceNumber"]
        try:
            audit = _decode(record)
        except (ValueError, KeyError):
            logger.warning("undecodable record seq=%s", seq)
            failures.append({"itemIdentifier": seq})
            continue
        summary = _describe(audit)
        level = logging.WARNING if audit.get("action") in SENSITIVE_ACTIONS else logging.INFO
        logger.log(level, "audit event %s", summary)  # VULN flow
        try:
            _store(audit, seq)
        except Exception:
            logger.exception("failed to persist audit record seq=%s", seq)
            failures.append({"itemIdentifier": seq})
    return {"batchItemFailures": failures}
