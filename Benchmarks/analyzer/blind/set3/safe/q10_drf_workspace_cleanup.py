import os
import shutil

from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

WORKSPACE_ROOT = "/srv/workspaces"


def workspace_path(user, relative):
    base = os.path.realpath(os.path.join(WORKSPACE_ROOT, str(user.pk)))
    target = os.path.realpath(os.path.join(base, relative))
    if target == base or not target.startswith(base + os.sep):
        return None
    return target


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def remove_folder(request):
    target = workspace_path(request.user, request.data.get("folder", ""))
    if target is None:
        return Response({"detail": "invalid folder"}, status=400)
    if not os.path.isdir(target):
        return Response({"detail": "not found"}, status=404)
    shutil.rmtree(target)
    return Response(status=204)
