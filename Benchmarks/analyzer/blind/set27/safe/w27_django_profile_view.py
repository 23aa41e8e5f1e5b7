"""Member profile pages for the community forum."""
from django import forms
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html, format_html_join

from .models import Profile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["headline", "bio", "location"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 8})}


def _badge(profile):
    label = profile.headline or "Member"
    css = "badge-staff" if profile.user.is_staff else "badge-member"
    return format_html('<span class="badge {}">{}</span>', css, label)


def _bio_html(profile):
    paragraphs = [p.strip() for p in (profile.bio or "").split("\n\n") if p.strip()]
    return format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs))


def profile_detail(request, username):
    profile = get_object_or_404(Profile.objects.select_related("user"), user__username=username)
    context = {
        "profile": profile,
        "badge": _badge(profile),
        "bio_html": _bio_html(profile),
        "is_owner": request.user == profile.user,
    }
    return render(request, "profiles/detail.html", context)


@login_required
def profile_edit(request):
    profile = get_object_or_404(Profile, user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            return redirect("profile-detail", username=request.user.username)
    else:
        form = ProfileForm(instance=profile)
    return render(request, "profiles/edit.html", {"form": form})


def profile_card(request, username):
    profile = get_object_or_404(Profile, user__username=username)
    return JsonResponse(
        {"username": username, "headline": profile.headline, "location": profile.location}
    )
