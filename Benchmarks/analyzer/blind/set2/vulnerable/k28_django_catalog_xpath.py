from django.http import JsonResponse
from lxml import etree

CATALOG = etree.parse("/srv/data/catalog.xml")


def find_books(author, year=None):
    expr = "//book[author='%s']" % author
    if year:
        expr += "[@year='%s']" % year
    return CATALOG.xpath(expr)  # VULN flow


def books_by_author(request):
    nodes = find_books(request.GET.get("author", ""), request.GET.get("year"))
    books = [{"title": n.findtext("title"), "isbn": n.get("isbn")} for n in nodes]
    return JsonResponse({"books": books})
