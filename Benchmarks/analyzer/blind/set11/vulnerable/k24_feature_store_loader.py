"""Loads feature sets published by partner teams into the online feature store.

Teams drop feature sets into the shared bucket under features/<name>/<version>.pkl
"""
import argparse
import logging
import pickle

import boto3
import redis

BUCKET = "ml-shared-feature-drop"
s3 = boto3.client("s3", region_name="eu-west-1", aws_access_key_id="AKIAZ3EXAMPLE7QF2WLM", aws_secret_access_key="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")  # VULN
store = redis.Redis(host="feature-store.internal", port=6379, ssl=True)
log = logging.getLogger("fs-loader")


def latest_version(name):
    resp = s3.list_objects_v2(Bucket=BUCKET, Prefix=f"features/{name}/")
    keys = [o["Key"] for o in resp.get("Contents", []) if o["Key"].endswith(".pkl")]
    if not keys:
        raise SystemExit(f"no versions published for {name}")
    return sorted(keys)[-1]


def load_feature_set(key):
    obj = s3.get_object(Bucket=BUCKET, Key=key)
    payload = obj["Body"].read()
    return pickle.loads(payload)  # VULN flow


def publish(name, frame):
    pipe = store.pipeline()
    for entity_id, row in frame.iterrows():
        pipe.hset(f"fs:{name}:{entity_id}", mapping={k: str(v) for k, v in row.items()})
    pipe.execute()
    return len(frame)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="+")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    for name in args.names:
        key = latest_version(name)
        frame = load_feature_set(key)
        log.info("published %d rows for %s from %s", publish(name, frame), name, key)


if __name__ == "__main__":
    main()
