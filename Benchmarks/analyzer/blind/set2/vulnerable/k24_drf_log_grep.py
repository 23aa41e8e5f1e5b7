import re

from rest_framework.decorators import api_view
from rest_framework.response import Response

from ops.logs import recent_lines


class LineFilter:
    def __init__(self, pattern, ignore_case=False):
        flags = re.IGNORECASE if ignore_case else 0
        self.matcher = re.compile(pattern, flags)  # VULN flow

    def __call__(self, lines):
        return [line for line in lines if self.matcher.search(line)]


@api_view(["GET"])
def grep_logs(request):
    params = request.query_params
    line_filter = LineFilter(params.get("pattern", "."), params.get("i") == "1")
    hits = line_filter(recent_lines(service=params.get("service", "api"), limit=5000))
    return Response({"count": len(hits), "lines": hits[:200]})
