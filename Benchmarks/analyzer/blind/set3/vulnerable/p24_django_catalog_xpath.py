import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

CATALOG = etree.parse("/srv/data/catalog.xml")


def find_books(author):
    expr = "//book[author/text()='%s']" % author
    return CATALOG.xpath(expr)  # VULN flow


@require_POST
def books_by_author(request):
    body = json.loads(request.body or b"{}")
    nodes = find_books(body.get("author", ""))
    books = [
        {"title": n.findtext("title"), "isbn": n.get("isbn"), "year": n.findtext("year")}
        for n in nodes
    ]
    return JsonResponse({"books": books})
