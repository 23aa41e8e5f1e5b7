"""Per-project webhooks fired when batch jobs finish (Tornado service fed by the Slurm epilog)."""
import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlparse

import httpx
import tornado.ioloop
import tornado.web

log = logging.getLogger("webhooks")


@dataclass
class Hook:
    url: str
    secret: str
    created: float


class HookRegistry:
    def __init__(self):
        self._hooks = {}

    def add(self, project: str, url: str, secret: str) -> Hook:
        hook = Hook(url=url, secret=secret, created=time.time())
        self._hooks.setdefault(project, []).append(hook)
        return hook

    def for_project(self, project: str):
        return list(self._hooks.get(project, []))


async def deliver(hook: Hook, event: dict) -> int:
    body = json.dumps(event, sort_keys=True).encode()
    signature = hmac.new(hook.secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-HPC-Signature": f"sha256={signature}"}
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.post(hook.url, content=body, headers=headers, timeout=10.0)  # VULN flow
    return resp.status_code


class RegisterHandler(tornado.web.RequestHandler):
    def post(self, project):
        body = json.loads(self.request.body or b"{}")
        url = body.get("url", "")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise tornado.web.HTTPError(400, reason="url must be http(s)")
        self.application.hooks.add(project, url, body.get("secret", ""))
        self.set_status(201)
        self.write({"project": project, "url": url})


class JobEventHandler(tornado.web.RequestHandler):
    async def post(self):
        event = json.loads(self.request.body)
        project = event.get("account", "")
        delivered = []
        for hook in self.application.hooks.for_project(project):
            try:
                status = await deliver(hook, event)
            except httpx.HTTPError as exc:
                log.warning("delivery to %r failed: %r", hook.url, exc)
                status = None
            delivered.append({"url": hook.url, "status": status})
        self.write({"delivered": delivered})


def make_app() -> tornado.web.Application:
    app = tornado.web.Application(
        [
            (r"/api/projects/([a-z0-9_-]+)/hooks", RegisterHandler),
            (r"/internal/job-events", JobEventHandler),
        ]
    )
    app.hooks = HookRegistry()
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8642, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
