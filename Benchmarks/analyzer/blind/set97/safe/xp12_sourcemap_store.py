"""Source map artifact store used to symbolicate JavaScript error events."""
import logging
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("sourcemaps")
SOURCEMAP_ROOT = os.environ.get("SOURCEMAP_ROOT", "/data/sourcemaps")
MAX_ARTIFACT = 50 * 1024 * 1024


class TokenAuth:
    def __init__(self, mapping: dict):
        self._tokens = mapping

    def project_for(self, header: str):
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self._tokens.get(token)


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.project = self.settings["auth"].project_for(self.request.headers.get("Authorization", ""))
        if self.project is None:
            raise tornado.web.HTTPError(401)

    def artifact_path(self, release: str, name: str) -> str:
        project_root = os.path.realpath(os.path.join(SOURCEMAP_ROOT, self.project))
        path = os.path.realpath(os.path.join(project_root, release, name))
        if os.path.commonpath([project_root, path]) != project_root or path == project_root:
            raise tornado.web.HTTPError(400, "invalid artifact name")
        return path


class ArtifactHandler(BaseHandler):
    def get(self, release, name):
        path = self.artifact_path(release, name)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        with open(path, "rb") as fh:
            self.set_header("Content-Type", "application/json")
            self.write(fh.read())

    def put(self, release, name):
        if len(self.request.body) > MAX_ARTIFACT:
            raise tornado.web.HTTPError(413)
        path = self.artifact_path(release, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(self.request.body)
        log.info("stored artifact for project %r (%d bytes)", self.project, len(self.request.body))
        self.set_status(201)


def load_tokens() -> dict:
    mapping = {}
    for line in os.environ.get("SOURCEMAP_TOKENS", "").split(","):
        if ":" in line:
            token, project = line.split(":", 1)
            mapping[token.strip()] = project.strip()
    return mapping


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/api/releases/([^/]+)/artifacts/(.+)", ArtifactHandler)],
        auth=TokenAuth(load_tokens()),
    )


if __name__ == "__main__":
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
