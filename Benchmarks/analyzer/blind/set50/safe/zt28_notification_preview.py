"""Preview page for chat notification templates (Slack / Teams)."""
import string

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.html import format_html

CHANNELS = {
    "#noc-alerts": "slack",
    "#netops": "slack",
    "NOC Escalations": "teams",
}
DEFAULT_TEMPLATE = ":rotating_light: [$severity] $alertname on $instance - $summary"
SAMPLE_ALERT = {
    "severity": "critical",
    "alertname": "InterfaceDown",
    "instance": "core-sw1.fra2:Ethernet1/49",
    "summary": "Uplink to border router is down",
}


def render_message(template: str, context: dict) -> str:
    return string.Template(template).safe_substitute(context)


def preview_block(channel: str, text: str, kind: str) -> str:
    return format_html("<div class='msg msg-{}'><b>{}</b><pre>{}</pre></div>", kind, channel, text)


@login_required
def preview(request):
    channel = request.GET.get("channel", "#noc-alerts")
    if channel not in CHANNELS:
        return HttpResponse(format_html("<p>Unknown channel: {}</p>", request.GET.get("channel")), status=404)
    template = request.GET.get("template") or DEFAULT_TEMPLATE
    text = render_message(template, SAMPLE_ALERT)
    body = preview_block(channel, text, CHANNELS[channel])
    return render(request, "integrations/preview.html", {"body": body, "channel": channel, "template": template})


@login_required
def channels(request):
    """Channels the preview page can target, grouped by chat platform."""
    grouped = {}
    for name, kind in sorted(CHANNELS.items()):
        grouped.setdefault(kind, []).append(name)
    return JsonResponse({"channels": grouped, "default_template": DEFAULT_TEMPLATE})
