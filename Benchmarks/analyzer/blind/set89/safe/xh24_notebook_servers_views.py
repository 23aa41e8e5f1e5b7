"""Django views listing a user's notebook servers and per-node usage for the hub admin page."""
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import NotebookServer

SERVER_COLUMNS = "id, owner, image, state, node, started_at"


def _servers_sql(owner, image=None, state=None):
    sql = "SELECT %s FROM hub_notebookserver WHERE owner = %%s" % SERVER_COLUMNS
    params = [owner]
    if image:
        sql += " AND image LIKE %s"
        params.append(f"%{image}%")
    if state:
        sql += " AND state = %s"
        params.append(state)
    return sql + " ORDER BY started_at DESC", params


def _as_dict(server):
    return {
        "id": server.id,
        "image": server.image,
        "state": server.state,
        "node": server.node,
        "started_at": server.started_at.isoformat() if server.started_at else None,
    }


@login_required
@require_GET
def my_servers(request):
    sql, params = _servers_sql(
        request.user.username,
        image=request.GET.get("image"),
        state=request.GET.get("state"),
    )
    servers = NotebookServer.objects.raw(sql, params)
    return JsonResponse({"servers": [_as_dict(s) for s in servers]})


@staff_member_required
@require_GET
def node_usage(request):
    node = request.GET.get("node", "")
    with connection.cursor() as cur:
        cur.execute("SELECT owner, COUNT(*), MIN(started_at) FROM hub_notebookserver WHERE node = %s AND state = 'running' GROUP BY owner ORDER BY 2 DESC", [node])
        rows = cur.fetchall()
    return JsonResponse(
        {
            "node": node,
            "owners": [
                {"owner": owner, "servers": count, "oldest": oldest.isoformat() if oldest else None}
                for owner, count, oldest in rows
            ],
        }
    )


@login_required
@require_GET
def server_detail(request, server_id: int):
    server = NotebookServer.objects.filter(owner=request.user.username, pk=server_id).first()
    if server is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(_as_dict(server))
