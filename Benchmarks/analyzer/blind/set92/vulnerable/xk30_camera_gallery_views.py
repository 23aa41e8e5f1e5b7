"""Django views for the building security camera gallery.

Guards open ``/cameras/<id>/`` from the incident screen, which links here
with a caption describing the incident and a ``return_to`` URL.
"""
import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from .models import Camera, IncidentNote

log = logging.getLogger("security.gallery")


def camera_figure(camera, caption):
    img = escape(camera.snapshot_url)
    html = (f'<figure class="cam-tile" data-cam="{camera.pk}">'
            f'<img src="{img}" alt="{escape(camera.name)}">'
            f"<figcaption>{caption}</figcaption></figure>")
    return mark_safe(html)  # VULN flow


@login_required
@require_GET
def camera_detail(request, camera_id):
    camera = get_object_or_404(Camera, pk=camera_id, site=request.user.profile.site)
    caption = request.GET.get("caption") or camera.name
    context = {
        "camera": camera,
        "figure": camera_figure(camera, caption),
        "notes": IncidentNote.objects.filter(camera=camera).order_by("-created")[:20],
        "return_to": request.GET.get("return_to", "/incidents/"),
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
    return redirect(request.POST.get("return_to", "/incidents/"))  # VULN
