"""Serves issued policy documents (schedules, certificates) to logged-in policyholders."""
import mimetypes
import os

import falcon
import redis

DOCUMENT_ROOT = os.environ.get("POLICY_DOCUMENT_ROOT", "/var/lib/policy-docs")


class SessionLookup:
    def __init__(self, client):
        self.client = client

    def holder_for(self, token):
        if not token:
            return None
        value = self.client.get(f"portal-session:{token}")
        return value.decode("ascii") if value else None


class AuthMiddleware:
    def __init__(self, sessions):
        self.sessions = sessions

    def process_request(self, req, resp):
        header = req.get_header("Authorization", default="")
        holder_id = self.sessions.holder_for(header.removeprefix("Bearer ").strip())
        if holder_id is None:
            raise falcon.HTTPUnauthorized(title="authentication required")
        req.context.holder_id = holder_id


class PolicyDocumentResource:
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def _holder_dir(self, holder_id):
        return os.path.realpath(os.path.join(self.root, holder_id))

    def on_get_index(self, req, resp):
        folder = self._holder_dir(req.context.holder_id)
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        resp.media = {"documents": names}

    def on_get(self, req, resp):
        name = req.get_param("name", required=True)
        folder = self._holder_dir(req.context.holder_id)
        path = os.path.realpath(os.path.join(folder, name))
        if not path.startswith(folder + os.sep) or not os.path.isfile(path):
            raise falcon.HTTPNotFound(title="document not found")
        resp.content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        resp.downloadable_as = os.path.basename(path)
        resp.content_length = os.path.getsize(path)
        resp.stream = open(path, "rb")


def create_app():
    sessions = SessionLookup(redis.Redis.from_url(os.environ["PORTAL_REDIS_URL"]))
    app = falcon.App(middleware=[AuthMiddleware(sessions)])
    documents = PolicyDocumentResource(DOCUMENT_ROOT)
    app.add_route("/documents", documents, suffix="index")
    app.add_route("/documents/download", documents)
    return app


app = create_app()
