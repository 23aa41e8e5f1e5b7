from django.http import HttpResponse
from myapp.models import Person

def people(request):
    name = request.GET.get("name")
    rows = Person.objects.raw("SELECT * FROM myapp_person WHERE last_name = %s", [name])
    return HttpResponse(", ".join(p.first_name for p in rows))
