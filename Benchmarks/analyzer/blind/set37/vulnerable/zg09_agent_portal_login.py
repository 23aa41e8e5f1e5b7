"""Agent portal sign-in and sign-out for the brokerage back office."""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.generic import FormView

logger = logging.getLogger("portal.auth")


class AgentLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "inactive": "Your agent account is suspended. Contact your office manager.",
    }


def _next_url(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    return target or default


@method_decorator([csrf_protect, never_cache], name="dispatch")
class AgentLoginView(FormView):
    template_name = "portal/login.html"
    form_class = AgentLoginForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["next"] = self.request.GET.get("next", "")
        ctx["office_phone"] = getattr(settings, "BROKERAGE_SUPPORT_PHONE", "")
        return ctx

    def form_valid(self, form):
        user = form.get_user()
        login(self.request, user)
        logger.info("agent %s signed in", user.pk)
        target = _next_url(self.request, settings.LOGIN_REDIRECT_URL)
        return HttpResponseRedirect(target)  # VULN flow

    def form_invalid(self, form):
        logger.warning("failed sign-in for %r", self.request.POST.get("username", ""))
        return super().form_invalid(form)


@method_decorator(csrf_protect, name="dispatch")
class AgentLogoutView(View):
    http_method_names = ["post"]

    def post(self, request):
        user_id = request.user.pk
        logout(request)
        logger.info("agent %s signed out", user_id)
        return HttpResponseRedirect(_next_url(request, settings.LOGOUT_REDIRECT_URL))  # VULN flow
