"""Community profile pages with a tier badge next to the member's name."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, UpdateView

BADGE_COLOURS = {
    "bronze": "#cd7f32",
    "silver": "#c0c0c0",
    "gold": "#d4af37",
}


class Profile(models.Model):
    user = models.OneToOneField("auth.User", on_delete=models.CASCADE)
    display_name = models.CharField(max_length=80)
    bio = models.TextField(blank=True)
    tier = models.CharField(max_length=16, default="bronze")

    def get_absolute_url(self):
        return reverse("profile-detail", args=[self.pk])


def render_badge(profile: Profile) -> str:
    label = profile.display_name
    colour = BADGE_COLOURS.get(profile.tier, "#999999")
    html = f'<span class="badge" style="background:{colour}">{label}</span>'
    return mark_safe(html)  # VULN flow


class ProfileDetailView(DetailView):
    model = Profile
    template_name = "community/profile_detail.html"
    context_object_name = "profile"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["badge"] = render_badge(self.object)
        context["is_owner"] = self.request.user.pk == self.object.user_id
        return context


class ProfileUpdateView(LoginRequiredMixin, UpdateView):
    model = Profile
    fields = ["display_name", "bio"]
    template_name = "community/profile_form.html"

    def get_object(self, queryset=None):
        return Profile.objects.get(user=self.request.user)

    def form_valid(self, form):
        form.instance.display_name = form.cleaned_data["display_name"].strip()
        return super().form_valid(form)
