"""Ask-a-pharmacist secure messaging: thread view and message search."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html, format_html_join

from messaging.models import Message, Thread

log = logging.getLogger("messaging.views")


def _bubble_args(msg: Message):
    side = "pharmacist" if msg.sender_is_staff else "patient"
    when = msg.sent_at.strftime("%b %d, %H:%M")
    return (side, msg.sender_display_name, msg.body, when)


def render_thread_html(messages) -> str:
    return format_html_join(
        "\n",
        '<div class="bubble {}"><span class="who">{}</span><p>{}</p><time>{}</time></div>',
        (_bubble_args(m) for m in messages),
    )


def get_thread_for(user, thread_id: int) -> Thread:
    try:
        thread = Thread.objects.get(pk=thread_id)
    except Thread.DoesNotExist:
        raise Http404
    if not (user.is_staff or thread.patient_user_id == user.pk):
        raise Http404
    return thread


@login_required
def thread_view(request, thread_id: int):
    thread = get_thread_for(request.user, thread_id)
    messages = thread.messages.order_by("sent_at")
    body_html = render_thread_html(messages)
    return render(request, "messaging/thread.html", {
        "thread": thread,
        "messages_html": body_html,
    })


@login_required
def search_messages(request):
    term = request.GET.get("q", "").strip()
    qs = Message.objects.filter(thread__patient_user=request.user)
    if request.user.is_staff:
        qs = Message.objects.all()
    hits = list(qs.filter(body__icontains=term).order_by("-sent_at")[:50]) if term else []
    if not hits:
        html = format_html('<p class="empty">No messages matching <b>{}</b>.</p>', term)
        return HttpResponse(html)
    return render(request, "messaging/search.html", {"hits": hits, "term": term})
