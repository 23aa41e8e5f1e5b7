"""Tornado handlers that let customer admins import hiring-pipeline
definitions (stages, scorecards, auto-reject rules) exported from another
workspace as YAML."""
import json
import logging
import os

import tornado.ioloop
import tornado.web
import yaml

from ats.pipelines import PipelineRepository, validate_pipeline

log = logging.getLogger("pipelines.import")
repo = PipelineRepository()

MAX_UPLOAD = 256 * 1024


class PipelineImportError(ValueError):
    pass


def parse_pipeline(raw: bytes) -> dict:
    text = raw.decode("utf-8")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "stages" not in doc:
        raise PipelineImportError("document must be a mapping with a 'stages' key")
    return doc


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.application.settings["session_store"].user_for(self.get_secure_cookie("sid"))

    def write_error(self, status_code, **kwargs):
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"error": self._reason}))


class PipelineImportHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, workspace_id):
        files = self.request.files.get("pipeline")
        body = files[0]["body"] if files else self.request.body
        if not body or len(body) > MAX_UPLOAD:
            raise tornado.web.HTTPError(400, reason="missing or oversized pipeline file")
        try:
            definition = parse_pipeline(body)
            validate_pipeline(definition)
        except (PipelineImportError, yaml.YAMLError, UnicodeDecodeError) as exc:
            raise tornado.web.HTTPError(422, reason=str(exc))
        pipeline_id = repo.create(int(workspace_id), definition, created_by=self.current_user.id)
        log.info("workspace %s imported pipeline %s", workspace_id, pipeline_id)
        self.set_status(201)
        self.write({"id": pipeline_id, "stages": len(definition["stages"])})


class PipelineExportHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, workspace_id, pipeline_id):
        definition = repo.get(int(workspace_id), int(pipeline_id))
        if definition is None:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "application/x-yaml")
        self.write(yaml.safe_dump(definition, sort_keys=False))


def make_app(session_store) -> tornado.web.Application:
    return tornado.web.Application([
        (r"/workspaces/(\d+)/pipelines/import", PipelineImportHandler),
        (r"/workspaces/(\d+)/pipelines/(\d+)/export", PipelineExportHandler),
    ], session_store=session_store, cookie_secret=os.environ["ATS_COOKIE_SECRET"], login_url="/login")
