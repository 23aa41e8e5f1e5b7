"""Middleware guarding the editorial back office of the publishing platform."""
import logging
import time

from django.conf import settings
from django.http import HttpResponseForbidden
from django.shortcuts import redirect

logger = logging.getLogger("editorial.access")

STAFF_PREFIXES = ("/backoffice/", "/api/editorial/")
READONLY_METHODS = {"GET", "HEAD", "OPTIONS"}
SLOW_REQUEST_MS = 1500


class EditorialAccessMiddleware:
    """Only staff may read the back office; only editors may change content."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt = tuple(getattr(settings, "EDITORIAL_EXEMPT_PATHS", ("/backoffice/login/",)))

    def __call__(self, request):
        guarded = request.path.startswith(STAFF_PREFIXES) and not request.path.startswith(self.exempt)
        if guarded:
            if not request.user.is_authenticated:
                return redirect("backoffice-login")
            try:
                self._authorize(request)
            except PermissionError:
                logger.warning("denied %r %r for user %s", request.method, request.path, request.user.pk)
                return HttpResponseForbidden("Editorial role required.")

        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        if guarded and elapsed_ms > SLOW_REQUEST_MS:
            logger.info("slow back-office request %r %r took %.0fms", request.method, request.path, elapsed_ms)
        if guarded:
            response["Cache-Control"] = "no-store"
        return response

    def _authorize(self, request):
        user = request.user
        assert user.is_staff, "back office requires staff"  # VULN
        if request.method not in READONLY_METHODS:
            assert user.has_perm("editorial.change_article"), "write access requires editor role"  # VULN
        if request.path.startswith("/backoffice/settings/") and not user.is_superuser:
            raise PermissionError("settings are restricted to superusers")
