"""Stem downloads and sign-in views for the artist dashboard."""
import logging
import mimetypes
import os

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.http import (
    FileResponse,
    Http404,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

log = logging.getLogger("artists.stems")

STEMS_ROOT = getattr(settings, "STEMS_ROOT", "/srv/media/stems")
DEFAULT_LANDING = "/dashboard/library/"


def _stem_path(artist_slug, filename):
    artist_dir = os.path.join(STEMS_ROOT, artist_slug)
    return os.path.join(artist_dir, filename)


def _user_owns_artist(user, artist_slug):
    return user.artist_profiles.filter(slug=artist_slug).exists()


@require_GET
def download_stem(request, artist_slug):
    if not request.user.is_authenticated:
        return HttpResponseForbidden("sign in required")
    if not _user_owns_artist(request.user, artist_slug):
        return HttpResponseForbidden("not your catalogue")
    filename = request.GET.get("file", "")
    path = _stem_path(artist_slug, filename)
    if not os.path.isfile(path):
        raise Http404("stem not found")
    content_type, _ = mimetypes.guess_type(path)
    log.info("stem download user=%s artist=%r", request.user.pk, artist_slug)
    response = FileResponse(open(path, "rb"), content_type=content_type or "audio/wav")  # VULN flow
    response["Content-Disposition"] = 'attachment; filename="%s"' % os.path.basename(path)
    return response


@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.method == "GET":
        return render(request, "artists/sign_in.html", {"next": request.GET.get("next", "")})
    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        log.info("failed sign-in for username=%r", request.POST.get("username", ""))
        return render(request, "artists/sign_in.html", {"error": True}, status=401)
    login(request, user)
    return HttpResponseRedirect(request.POST.get("next") or DEFAULT_LANDING)  # VULN
