"""Online voter registration application views."""
import logging

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from .models import RegistrationApplication

logger = logging.getLogger(__name__)


class RegistrationForm(forms.ModelForm):
    confirm_citizen = forms.BooleanField(required=True)
    confirm_age = forms.BooleanField(required=True)

    class Meta:
        model = RegistrationApplication
        fields = [
            "first_name",
            "last_name",
            "birth_date",
            "residential_address",
            "mailing_address",
            "drivers_license",
            "party",
        ]

    def clean_drivers_license(self):
        value = self.cleaned_data["drivers_license"].replace(" ", "").upper()
        if value and not value.isalnum():
            raise forms.ValidationError("License number may only contain letters and digits.")
        return value


class RegisterView(View):
    template_name = "registration/apply.html"
    default_next = "/registration/thanks/"

    def get_next_url(self, request) -> str:
        candidate = request.POST.get("next") or request.GET.get("next")
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
        return self.default_next

    def get(self, request):
        form = RegistrationForm()
        return render(request, self.template_name, {"form": form, "next": request.GET.get("next", "")})

    def post(self, request):
        form = RegistrationForm(request.POST)
        if not form.is_valid():
            ctx = {"form": form, "next": request.POST.get("next", "")}
            return render(request, self.template_name, ctx, status=400)
        application = form.save(commit=False)
        application.source = "online"
        application.submitted_ip = request.META.get("REMOTE_ADDR")
        application.save()
        messages.success(request, "Your registration application was received.")
        logger.info("registration application %s submitted", application.pk)
        next_url = self.get_next_url(request)
        return redirect(next_url)
