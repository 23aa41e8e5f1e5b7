"""Loads feature sets published by partner teams into the online feature store.

Teams drop feature sets into the shared bucket under features/<name>/<version>.csv.gz
"""
import argparse
import io
import logging

import boto3
import pandas as pd
import redis

BUCKET = "ml-shared-feature-drop"
s3 = boto3.client("s3", region_name="eu-west-1")
store = redis.Redis(host="feature-store.internal", port=6379, ssl=True)
log = logging.getLogger("fs-loader")


def latest_version(name):
    resp = s3.list_objects_v2(Bucket=BUCKET, Prefix=f"features/{name}/")
    keys = [o["Key"] for o in resp.get("Contents", []) if o["Key"].endswith(".csv.gz")]
    if not keys:
        raise SystemExit(f"no versions published for {name}")
    return sorted(keys)[-1]


def load_feature_set(key):
    obj = s3.get_object(Bucket=BUCKET, Key=key)
    payload = obj["Body"].read()
    return pd.read_csv(io.BytesIO(payload), compression="gzip", index_col="entity_id")


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
