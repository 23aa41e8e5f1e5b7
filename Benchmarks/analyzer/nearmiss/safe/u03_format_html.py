from django.http import HttpResponse
from django.utils.html import format_html

def hello(request):
    return HttpResponse(format_html("<b>Hello {}</b>", request.GET.get("name", "")))
