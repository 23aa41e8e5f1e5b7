import subprocess
from django.http import HttpResponse

def convert(request):
    fmt = request.POST["format"]
    subprocess.call("convert in.png out." + fmt, shell=True)  # VULN flow
    return HttpResponse("ok")
