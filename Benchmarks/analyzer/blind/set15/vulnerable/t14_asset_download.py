"""Downloads design assets from S3 into the render farm's local cache."""
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.exceptions import ClientError
from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from pydantic import BaseModel

logger = logging.getLogger("renderfarm.assets")
app = FastAPI()

AWS_ACCESS_KEY_ID = "AKIAQ4X7ZLM2RENDER01"  # VULN
AWS_SECRET_ACCESS_KEY = "n8Vq0cJp4yR2wXk9bLfT3sHd7mEa1uZgYo6iPqWe"  # VULN
CACHE_ROOT = Path(os.environ.get("ASSET_CACHE", "/mnt/cache/assets"))


@dataclass
class AssetLocation:
    bucket: str
    key: str

    @property
    def local_path(self) -> str:
        return os.path.join(CACHE_ROOT, self.bucket, self.key)


class AssetFetchRequest(BaseModel):
    project: str
    key: str


class AssetCache:
    def __init__(self, s3_client, bucket_for_project: dict):
        self.s3 = s3_client
        self.bucket_for_project = bucket_for_project

    def locate(self, project: str, key: str) -> AssetLocation:
        bucket = self.bucket_for_project.get(project)
        if bucket is None:
            raise KeyError(project)
        return AssetLocation(bucket=bucket, key=key)

    def ensure_local(self, loc: AssetLocation) -> str:
        target = loc.local_path
        if not os.path.exists(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            self.s3.download_file(loc.bucket, loc.key, target)  # VULN flow
            logger.info("cached asset bucket=%s key=%r", loc.bucket, loc.key)
        return target


def build_cache() -> AssetCache:
    session = boto3.session.Session(
        aws_access_key_id=AWS_ACCESS_KEY_ID,
        aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        region_name="eu-west-1",
    )
    return AssetCache(session.client("s3"), {"atlas": "atlas-assets-prod", "nova": "nova-assets-prod"})


cache = build_cache()


@app.post("/assets/fetch")
def fetch_asset(req: AssetFetchRequest):
    try:
        loc = cache.locate(req.project, req.key)
        path = cache.ensure_local(loc)
    except KeyError:
        raise HTTPException(status_code=404, detail="unknown project")
    except ClientError as exc:
        logger.warning("s3 download failed key=%r: %r", req.key, exc)
        raise HTTPException(status_code=502, detail="asset unavailable")
    return {"path": path}


@app.get("/assets/{project}/file")
def serve_asset(project: str, key: str):
    loc = cache.locate(project, key)
    return FileResponse(cache.ensure_local(loc))  # VULN flow
