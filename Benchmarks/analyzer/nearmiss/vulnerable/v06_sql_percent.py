from django.http import HttpResponse
from django.db import connection

def search(request):
    term = request.GET.get("q")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM items WHERE title LIKE '%%%s%%'" % term)  # VULN flow
        rows = cursor.fetchall()
    return HttpResponse(str(rows))
