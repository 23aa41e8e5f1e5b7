import os
import shutil

from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

WORKSPACE_ROOT = "/srv/workspaces"


def workspace_path(user, relative):
    return os.path.join(WORKSPACE_ROOT, str(user.pk), relative)


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def remove_folder(request):
    relative = request.data.get("folder", "")
    target = workspace_path(request.user, relative)
    if not os.path.isdir(target):
        return Response({"detail": "not found"}, status=404)
    shutil.rmtree(target)  # VULN flow
    return Response(status=204)
