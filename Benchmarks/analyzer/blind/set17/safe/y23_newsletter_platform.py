"""Campaign preview and send views for the newsletter platform."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from jinja2 import TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from campaigns.models import Campaign, Subscriber
from campaigns.tasks import enqueue_campaign

log = logging.getLogger("newsletter.campaigns")

_jinja = SandboxedEnvironment(autoescape=True, trim_blocks=True)


def subscriber_context(subscriber):
    return {
        "first_name": subscriber.first_name,
        "email": subscriber.email,
        "unsubscribe_url": subscriber.unsubscribe_url(),
        "tier": subscriber.tier,
    }


def render_body(source, context):
    template = _jinja.from_string(source)
    return template.render(**context)


@login_required
@require_POST
def preview_campaign(request, campaign_id):
    campaign = get_object_or_404(Campaign, pk=campaign_id, account=request.user.account)
    source = request.POST.get("body") or campaign.body_template
    sample = Subscriber.objects.filter(list__account=request.user.account).first()
    if sample is None:
        return HttpResponseBadRequest("add a subscriber before previewing")
    try:
        html = render_body(source, subscriber_context(sample))
    except TemplateSyntaxError as exc:
        return HttpResponseBadRequest("template error on line %d" % exc.lineno)
    except SecurityError:
        return HttpResponseBadRequest("template uses a disallowed construct")
    log.info("preview campaign=%s user=%s", campaign.pk, request.user.pk)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


@login_required
@require_POST
def schedule_campaign(request, campaign_id):
    campaign = get_object_or_404(Campaign, pk=campaign_id, account=request.user.account)
    if campaign.status != Campaign.DRAFT:
        return HttpResponseBadRequest("campaign already scheduled")
    campaign.status = Campaign.SCHEDULED
    campaign.save(update_fields=["status"])
    enqueue_campaign.delay(campaign.pk)
    log.info("campaign %s scheduled by user %s", campaign.pk, request.user.pk)
    return_to = request.GET.get("return_to", "/campaigns/")
    if not url_has_allowed_host_and_scheme(return_to, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return_to = "/campaigns/"
    return redirect(return_to)
