"""Fan vote for the encore song (Django views).

The voting page is linked from the venue screens via QR code; after voting
the fan is sent back to wherever the QR landing page says (``next``).
"""
import logging

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from .models import EncoreCandidate, Show, Vote

logger = logging.getLogger("encore")


def _badge(nickname: str, count: int) -> str:
    return f'<span class="voter-badge">{nickname} <small>#{count}</small></span>'


@require_GET
def ballot(request, show_id: int):
    show = get_object_or_404(Show, pk=show_id)
    candidates = EncoreCandidate.objects.filter(show=show).order_by("title")
    return render(request, "encore/ballot.html", {
        "show": show,
        "candidates": candidates,
        "next": request.GET.get("next", ""),
    })


@require_POST
def cast_vote(request, show_id: int):
    show = get_object_or_404(Show, pk=show_id, voting_open=True)
    candidate = get_object_or_404(EncoreCandidate, pk=request.POST.get("candidate"), show=show)
    nickname = request.POST.get("nickname", "").strip()[:32] or "anonymous"

    if Vote.objects.filter(show=show, session_key=request.session.session_key).exists():
        messages.info(request, "You already voted for this show.")
    else:
        if not request.session.session_key:
            request.session.save()
        Vote.objects.create(show=show, candidate=candidate, nickname=nickname,
                            session_key=request.session.session_key)
        count = Vote.objects.filter(show=show).count()
        messages.success(request, mark_safe("Thanks for voting! " + _badge(nickname, count)))  # VULN flow
        logger.info("vote %d for show %s", count, show.pk)

    return HttpResponseRedirect(request.POST.get("next") or show.get_absolute_url())  # VULN


@require_GET
def results(request, show_id: int):
    show = get_object_or_404(Show, pk=show_id)
    rows = (Vote.objects.filter(show=show)
            .values("candidate__title")
            .annotate(votes=Count("id"))
            .order_by("-votes"))
    return JsonResponse({"show": show.pk, "results": list(rows)})
