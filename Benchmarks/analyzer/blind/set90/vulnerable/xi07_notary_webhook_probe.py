"""Partner webhook management for the remote online notarization platform.

Title companies and lenders register a callback URL that receives
notarization lifecycle events. The "test" endpoint lets them fire a sample
event and see what their endpoint answered.
"""
import json
import logging
import time

import requests
import tornado.ioloop
import tornado.web

log = logging.getLogger("ron.webhooks")


class WebhookRegistry:
    def __init__(self):
        self._hooks = {}

    def set(self, partner_id, url, secret):
        self._hooks[partner_id] = {"url": url, "secret": secret, "updated": time.time()}

    def get(self, partner_id):
        return self._hooks.get(partner_id)


registry = WebhookRegistry()


def sample_event(partner_id):
    return {
        "event": "notarization.completed",
        "partner": partner_id,
        "session_id": "test-session",
        "sent_at": int(time.time()),
    }


def deliver(hook, event):
    headers = {"X-Notary-Event": event["event"], "X-Notary-Secret": hook["secret"]}
    resp = requests.post(hook["url"], json=event, headers=headers, timeout=5)  # VULN flow
    return resp.status_code, resp.text[:2000]


class WebhookHandler(tornado.web.RequestHandler):
    def put(self, partner_id):
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid JSON")
        url = body.get("url", "")
        if not url.startswith(("http://", "https://")):
            raise tornado.web.HTTPError(400, "url must be http(s)")
        registry.set(partner_id, url, body.get("secret", ""))
        log.info("webhook updated for partner %r", partner_id)
        self.finish({"partner": partner_id, "url": url})


class WebhookTestHandler(tornado.web.RequestHandler):
    def post(self, partner_id):
        hook = registry.get(partner_id)
        if hook is None:
            raise tornado.web.HTTPError(404, "no webhook registered")
        try:
            status, body = deliver(hook, sample_event(partner_id))
        except requests.RequestException as exc:
            self.set_status(502)
            self.finish({"error": type(exc).__name__})
            return
        self.finish({"status": status, "response": body})


def make_app():
    return tornado.web.Application(
        [
            (r"/partners/([\w-]+)/webhook", WebhookHandler),
            (r"/partners/([\w-]+)/webhook/test", WebhookTestHandler),
        ]
    )


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
