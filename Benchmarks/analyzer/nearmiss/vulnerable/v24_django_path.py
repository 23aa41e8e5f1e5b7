from django.http import FileResponse

def serve(request, name):
    return FileResponse(open("/var/data/" + name, "rb"))  # VULN flow
