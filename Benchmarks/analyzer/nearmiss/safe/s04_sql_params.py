from django.db import connection
from django.http import HttpResponse

def search(request):
    q = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM items WHERE title = %s", [q])
        return HttpResponse(str(cursor.fetchall()))
