"""Partner webhook registration for photo events (Django views)."""
import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .models import Webhook

logger = logging.getLogger(__name__)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)
PING_TIMEOUT = 5
# e.g. ["hooks.partner-crm.example", "api.printshop.example"]
ALLOWED_DOMAINS = tuple(getattr(settings, "WEBHOOK_ALLOWED_DOMAINS", ()))


def _signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def send_ping(endpoint: str, secret: str) -> int:
    body = json.dumps({"type": "ping", "message": "webhook registered"}).encode()
    req = urllib.request.Request(
        endpoint, data=body, method="POST",
        headers={"Content-Type": "application/json",
                 "X-Picbook-Signature": _signature(secret, body)},
    )
    try:
        with _opener.open(req, timeout=PING_TIMEOUT) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _host_allowed(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in ALLOWED_DOMAINS)


def _validate_endpoint(raw: str) -> str:
    parts = urlsplit(raw.strip())
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        raise ValueError("endpoint must be an https URL")
    if parts.port not in (None, 443) or not _host_allowed(parts.hostname):
        raise ValueError("endpoint host is not a registered partner domain")
    return parts.geturl()


@login_required
@require_POST
def register_webhook(request):
    try:
        payload = json.loads(request.body)
        endpoint = _validate_endpoint(payload["url"])
    except (ValueError, KeyError, TypeError) as exc:
        return HttpResponseBadRequest(str(exc))
    events = [e for e in payload.get("events", []) if e in ("photo.created", "photo.deleted",
                                                             "comment.created")]
    secret = secrets.token_hex(24)
    try:
        status = send_ping(endpoint, secret)
    except (urllib.error.URLError, OSError) as exc:
        return JsonResponse({"error": f"ping failed: {exc.__class__.__name__}"}, status=502)
    if status >= 400:
        return JsonResponse({"error": f"endpoint answered {status}"}, status=502)
    hook = Webhook.objects.create(owner=request.user, url=endpoint, events=events,
                                  secret=secret)
    logger.info("webhook %s registered by %s", hook.pk, request.user.pk)
    return JsonResponse({"id": hook.pk, "secret": secret, "events": events}, status=201)
