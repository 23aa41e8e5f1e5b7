"""Journey planner API that answers from precomputed per-region route graphs.

The nightly build writes one pickled graph per region into GRAPH_DIR;
the API loads them lazily and runs a shortest-path search.
"""
import heapq
import logging
import os
import pickle
from functools import lru_cache
from typing import Dict, List, Tuple

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="journey-planner")
log = logging.getLogger("planner")

GRAPH_DIR = os.environ.get("GRAPH_DIR", "/var/cache/planner/graphs")
Graph = Dict[str, List[Tuple[str, int, str]]]


def graph_file(region: str) -> str:
    return os.path.join(GRAPH_DIR, region + ".pkl")


@lru_cache(maxsize=8)
def load_graph(region: str) -> Graph:
    path = graph_file(region)
    if not os.path.exists(path):
        raise HTTPException(status_code=404, detail="no graph for region")
    with open(path, "rb") as fh:  # VULN flow
        graph = pickle.load(fh)  # VULN flow
    log.info("loaded graph with %d stops", len(graph))
    return graph


def shortest_path(graph: Graph, origin: str, dest: str):
    queue = [(0, origin, [])]
    seen = set()
    while queue:
        cost, stop, legs = heapq.heappop(queue)
        if stop == dest:
            return cost, legs
        if stop in seen:
            continue
        seen.add(stop)
        for nxt, minutes, route in graph.get(stop, []):
            if nxt not in seen:
                heapq.heappush(queue, (cost + minutes, nxt, legs + [(stop, nxt, route, minutes)]))
    return None


@app.get("/plan")
def plan(region: str = Query(..., max_length=64),
         origin: str = Query(...), dest: str = Query(...)):
    graph = load_graph(region)
    if origin not in graph:
        raise HTTPException(status_code=404, detail="unknown origin stop")
    result = shortest_path(graph, origin, dest)
    if result is None:
        raise HTTPException(status_code=404, detail="no connection found")
    minutes, legs = result
    return {
        "duration_min": minutes,
        "legs": [{"from": a, "to": b, "route": r, "minutes": m} for a, b, r, m in legs],
    }


@app.get("/regions")
def regions():
    return sorted(n[:-4] for n in os.listdir(GRAPH_DIR) if n.endswith(".pkl"))
