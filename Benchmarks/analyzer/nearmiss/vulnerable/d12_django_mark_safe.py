from django.http import HttpResponse
from django.utils.safestring import mark_safe
from django.template import Template, Context

def bio(request):
    text = mark_safe(request.GET["bio"])  # VULN flow
    return HttpResponse(Template("<div>{{ t }}</div>").render(Context({"t": text})))
