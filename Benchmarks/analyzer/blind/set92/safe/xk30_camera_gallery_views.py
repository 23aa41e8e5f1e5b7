"""Django views for the building security camera gallery.

Guards open ``/cameras/<id>/`` from the incident screen, which links here
with a caption describing the incident and a ``return_to`` URL.
"""
import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from .models import Camera, IncidentNote

log = logging.getLogger("security.gallery")


def camera_figure(camera, caption):
    return format_html(
        '<figure class="cam-tile" data-cam="{}"><img src="{}" alt="{}">'
        "<figcaption>{}</figcaption></figure>",
        camera.pk, camera.snapshot_url, camera.name, caption,
    )


def _local_url(request, url, default="/incidents/"):
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return default


@login_required
@require_GET
def camera_detail(request, camera_id):
    camera = get_object_or_404(Camera, pk=camera_id, site=request.user.profile.site)
    caption = request.GET.get("caption") or camera.name
    context = {
        "camera": camera,
        "figure": camera_figure(camera, caption),
        "notes": IncidentNote.objects.filter(camera=camera).order_by("-created")[:20],
        "return_to": _local_url(request, request.GET.get("return_to", "/incidents/")),
    }
    return render(request, "security/camera_detail.html", context)


@login_required
@require_POST
def acknowledge(request, camera_id):
    camera = get_object_or_404(Camera, pk=camera_id, site=request.user.profile.site)
    note = request.POST.get("note", "").strip()
    if not note:
        raise Http404("empty note")
    IncidentNote.objects.create(camera=camera, author=request.user, text=note[:500])
    log.info("incident note added to camera %s by %s", camera.pk, request.user.pk)
    return redirect(_local_url(request, request.POST.get("return_to", "/incidents/")))
