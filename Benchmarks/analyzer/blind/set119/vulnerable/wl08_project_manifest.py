"""Falcon resource that accepts project manifests from client integrations.

A manifest describes the files, language pairs and deadlines for a new
localisation project. Connectors (CMS plugins, git bots) POST them as YAML.
"""
import logging
from datetime import date

import falcon
import yaml

log = logging.getLogger("projects.manifest")

REQUIRED_KEYS = ("name", "source_lang", "target_langs", "files")
MAX_MANIFEST = 256 * 1024


class ManifestError(ValueError):
    pass


def validate_manifest(manifest: dict) -> dict:
    if not isinstance(manifest, dict):
        raise ManifestError("manifest must be a mapping")
    missing = [k for k in REQUIRED_KEYS if k not in manifest]
    if missing:
        raise ManifestError("missing keys: " + ", ".join(missing))
    if not isinstance(manifest["target_langs"], list) or not manifest["target_langs"]:
        raise ManifestError("target_langs must be a non-empty list")
    deadline = manifest.get("deadline")
    if deadline is not None and not isinstance(deadline, date):
        raise ManifestError("deadline must be an ISO date")
    return manifest


class ManifestResource:
    def __init__(self, project_store):
        self.store = project_store

    def _parse(self, raw: bytes) -> dict:
        text = raw.decode("utf-8")
        return yaml.load(text, Loader=yaml.Loader)  # VULN flow

    def on_post(self, req: falcon.Request, resp: falcon.Response, account_id: int):
        if (req.content_length or 0) > MAX_MANIFEST:
            raise falcon.HTTPPayloadTooLarge(description="manifest too large")
        raw = req.bounded_stream.read()
        try:
            manifest = validate_manifest(self._parse(raw))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise falcon.HTTPBadRequest(title="Invalid YAML", description=str(exc))
        except ManifestError as exc:
            raise falcon.HTTPUnprocessableEntity(description=str(exc))

        project_id = self.store.create_project(
            account_id=account_id,
            name=manifest["name"],
            source_lang=manifest["source_lang"],
            target_langs=manifest["target_langs"],
            files=manifest["files"],
            deadline=manifest.get("deadline"),
        )
        log.info("account %s created project %s from manifest", account_id, project_id)
        resp.status = falcon.HTTP_201
        resp.media = {"project_id": project_id}


def create_app(project_store) -> falcon.App:
    app = falcon.App()
    app.add_route("/accounts/{account_id:int}/manifests", ManifestResource(project_store))
    return app
