from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views import View


class BioPreviewView(LoginRequiredMixin, View):
    template_name = "profiles/preview.html"

    def format_bio(self, bio):
        paragraphs = [p.strip() for p in bio.split("\n\n") if p.strip()]
        return "".join(f"<p>{p}</p>" for p in paragraphs)

    def post(self, request):
        html = self.format_bio(request.POST.get("bio", ""))
        context = {"bio_html": mark_safe(html)}  # VULN flow
        return render(request, self.template_name, context)
