"""Broker-customisable cover letters for policy packs (preview endpoint)."""
import logging

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.views import View
from jinja2 import Environment, TemplateSyntaxError

from policies.models import CoverLetterTemplate, Policy

log = logging.getLogger(__name__)

MAX_TEMPLATE_CHARS = 20_000
_env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def policy_context(policy) -> dict:
    return {
        "policy_number": policy.number,
        "holder": policy.holder.full_name,
        "product": policy.product.display_name,
        "effective": policy.effective_date.strftime("%d %B %Y"),
        "premium": f"{policy.annual_premium:,.2f}",
        "broker": policy.broker.agency_name,
    }


def template_source(request, policy) -> str:
    body = request.POST.get("template_body")
    if body is None:
        stored = get_object_or_404(CoverLetterTemplate, broker=policy.broker, is_default=True)
        body = stored.body
    return body


class CoverLetterPreview(LoginRequiredMixin, View):
    def post(self, request, policy_number):
        policy = get_object_or_404(Policy, number=policy_number, broker__users=request.user)
        body = template_source(request, policy)
        if len(body) > MAX_TEMPLATE_CHARS:
            return HttpResponseBadRequest("template too long")
        try:
            html = _env.from_string(body).render(**policy_context(policy))  # VULN flow
        except TemplateSyntaxError as exc:
            return HttpResponseBadRequest(f"template error on line {exc.lineno}")
        log.info("rendered cover letter preview for %r by %r", policy_number, request.user.username)
        return HttpResponse(html)


class CoverLetterSave(LoginRequiredMixin, View):
    def post(self, request):
        broker = request.user.broker
        body = request.POST.get("template_body", "")
        if not body or len(body) > MAX_TEMPLATE_CHARS:
            return HttpResponseBadRequest("invalid template")
        CoverLetterTemplate.objects.update_or_create(
            broker=broker, is_default=True, defaults={"body": body}
        )
        return HttpResponse(status=204)
