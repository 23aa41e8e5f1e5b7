"""Partner webhook registration for class-booking events (Tornado).

Booking partners (ClassPass-style aggregators) register a URL and we POST a
signed sample event to it before activating the subscription.
"""
import hashlib
import hmac
import json
import os
import time
from urllib.parse import urlsplit

import httpx
import tornado.escape
import tornado.ioloop
import tornado.web

SIGNING_KEY = os.environ["WEBHOOK_SIGNING_KEY"].encode()
PARTNER_DOMAINS = tuple(d.strip().lower() for d in
                        os.environ.get("PARTNER_WEBHOOK_DOMAINS", "classpass.com,mindbodyonline.com").split(","))


class WebhookSubscription:
    def __init__(self, partner_id: str, url: str):
        self.partner_id = partner_id
        self.url = url


def _approved_host(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.port not in (None, 443):
        return False
    return any(host == d or host.endswith("." + d) for d in PARTNER_DOMAINS)


def sample_event() -> dict:
    return {"type": "booking.created", "sent_at": int(time.time()),
            "data": {"class_id": 1234, "member_ref": "sample", "starts_at": "2024-05-01T07:00:00Z"}}


async def deliver(sub: WebhookSubscription, event: dict):
    if not _approved_host(sub.url):
        raise ValueError("webhook host is not an approved partner domain")
    body = json.dumps(event).encode()
    sig = hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-GymHub-Signature": sig}
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.post(sub.url, content=body, headers=headers, timeout=5.0)
    return resp.is_success, resp.status_code, resp.text[:500]


class WebhookTestHandler(tornado.web.RequestHandler):
    async def post(self):
        url = self.get_body_argument("url", "").strip()
        partner = self.get_body_argument("partner_id", "")
        if not url.startswith(("http://", "https://")):
            self.set_status(400)
            self.write(f"<p class='error'>Unsupported webhook address: {tornado.escape.xhtml_escape(url)}</p>")
            return
        sub = WebhookSubscription(partner, url)
        try:
            ok, status, preview = await deliver(sub, sample_event())
        except ValueError as exc:
            self.set_status(400)
            self.write({"delivered": False, "error": str(exc)})
            return
        except httpx.HTTPError as exc:
            self.set_status(502)
            self.write({"delivered": False, "error": type(exc).__name__})
            return
        self.write({"delivered": ok, "status": status, "response_preview": preview})


def make_app():
    return tornado.web.Application([(r"/partners/webhooks/test", WebhookTestHandler)])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
