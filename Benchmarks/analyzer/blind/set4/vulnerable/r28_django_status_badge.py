from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_control

BADGE_TEMPLATE = """<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20">
  <rect width="{width}" height="20" rx="3" fill="#555"/>
  <rect x="{split}" width="{right}" height="20" rx="3" fill="{color}"/>
  <text x="6" y="14" fill="#fff" font-family="Verdana" font-size="11">{label}</text>
  <text x="{text_x}" y="14" fill="#fff" font-family="Verdana" font-size="11">{value}</text>
</svg>"""

COLORS = {"passing": "#4c1", "failing": "#e05d44"}


@cache_control(max_age=300)
def badge(request, **kwargs):
    label = kwargs.get("label", "build")
    value = request.GET.get("value", "unknown")
    left = 10 + 7 * len(label)
    right = 10 + 7 * len(value)
    params = {
        "label": label,
        "value": value,
        "color": COLORS.get(value, "#9f9f9f"),
        "width": left + right,
        "split": left,
        "right": right,
        "text_x": left + 5,
    }
    svg = BADGE_TEMPLATE.format(**params)
    return HttpResponse(svg, content_type="image/svg+xml")  # VULN flow


urlpatterns = [path("badge/<str:label>.svg", badge, name="badge")]
