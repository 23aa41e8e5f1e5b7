import hashlib

from django import forms
from django.db import transaction

from legacy.models import LegacyMember


class LegacySignupForm(forms.ModelForm):
    password = forms.CharField(widget=forms.PasswordInput, min_length=10)
    password_confirm = forms.CharField(widget=forms.PasswordInput)

    class Meta:
        model = LegacyMember
        fields = ["username", "email"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") != cleaned.get("password_confirm"):
            self.add_error("password_confirm", "Passwords do not match.")
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        member = super().save(commit=False)
        raw = self.cleaned_data["password"]
        member.password_hash = hashlib.md5(raw.encode("utf-8")).hexdigest()  # VULN
        if commit:
            member.save()
        return member
