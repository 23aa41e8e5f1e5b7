"""Walk-in waitlist: kiosk sign-up and the lobby board (Django views).

Guests type their name on the host-stand kiosk; the lobby TV shows the
board and highlights parties whose table is ready.
"""
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_POST

from .models import Venue, WaitlistEntry

STATUS_LABELS = {
    "waiting": "Waiting",
    "ready": "Your table is ready!",
    "seated": "Seated",
}


def _badge(entry) -> str:
    label = STATUS_LABELS.get(entry.status, "")
    return format_html('<li class="wl-{}"><strong>{}</strong> &middot; party of {} <em>{}</em></li>', entry.status, entry.display_name, entry.party_size, label)


@require_GET
def lobby_board(request):
    slug = request.GET.get("venue", "")
    venue = Venue.objects.filter(slug=slug, active=True).first()
    if venue is None:
        return HttpResponse(format_html("<p>No waitlist found for <b>{}</b></p>", slug), status=404)
    entries = (
        WaitlistEntry.objects.filter(venue=venue, status__in=["waiting", "ready"])
        .order_by("created_at")[:40]
    )
    badges = [_badge(e) for e in entries]
    return render(request, "waitlist/board.html", {"venue": venue, "badges": badges})


@require_POST
def kiosk_join(request, venue_slug):
    venue = get_object_or_404(Venue, slug=venue_slug, active=True)
    name = request.POST.get("name", "").strip()[:40]
    try:
        party_size = int(request.POST.get("party_size", "2"))
    except ValueError:
        party_size = 2
    if not name or not 1 <= party_size <= 20:
        return JsonResponse({"error": "name and party size (1-20) required"}, status=400)
    entry = WaitlistEntry.objects.create(
        venue=venue,
        display_name=name,
        party_size=party_size,
        phone=request.POST.get("phone", "")[:20],
        status="waiting",
    )
    ahead = WaitlistEntry.objects.filter(venue=venue, status="waiting", created_at__lt=entry.created_at).count()
    return JsonResponse({"id": entry.pk, "parties_ahead": ahead})
