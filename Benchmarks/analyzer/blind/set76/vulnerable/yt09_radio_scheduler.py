#!/usr/bin/env python3
"""Nightly cron: publish tomorrow's programme schedule to the playout box.

Presenters edit YAML files on the shared 'schedules' drive; this job merges
them, checks for overlapping slots and pushes the result to the playout API
and the Icecast "now/next" metadata.
"""
import datetime as dt
import glob
import logging
import os
import sys

import requests
import yaml

SCHEDULE_GLOB = "/mnt/shared/schedules/*.yaml"
PLAYOUT_API = "http://playout.studio.local:8000/api/schedule"
ICECAST_ADMIN = "http://stream.studio.local:8000/admin/metadata"
ICECAST_USER = "admin"
ICECAST_PASSWORD = "Xm4s-b0x-2019!"  # VULN

log = logging.getLogger("scheduler")


def load_slots(path):
    with open(path, "r", encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    return doc.get("slots", []) if isinstance(doc, dict) else []


def slots_for(day, paths):
    slots = []
    for path in paths:
        for slot in load_slots(path):
            if slot.get("date") == day:
                slot["source_file"] = os.path.basename(path)
                slots.append(slot)
    slots.sort(key=lambda s: str(s["start"]))
    return slots


def check_overlaps(slots):
    problems = []
    for prev, cur in zip(slots, slots[1:]):
        if str(cur["start"]) < str(prev["end"]):
            problems.append(f"{prev['show']} ({prev['source_file']}) overlaps {cur['show']}")
    return problems


def push(slots, day):
    payload = {
        "date": day.isoformat(),
        "slots": [
            {"start": str(s["start"]), "end": str(s["end"]), "show": s["show"],
             "presenter": s.get("presenter", ""), "playlist": s.get("playlist")}
            for s in slots
        ],
    }
    resp = requests.post(PLAYOUT_API, json=payload, timeout=15)
    resp.raise_for_status()

    first = slots[0]["show"] if slots else "Overnight automation"
    meta = requests.get(
        ICECAST_ADMIN,
        params={"mount": "/live", "mode": "updinfo", "song": f"Up next: {first}"},
        auth=(ICECAST_USER, ICECAST_PASSWORD),
        timeout=10,
    )
    meta.raise_for_status()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    slots = slots_for(tomorrow, sorted(glob.glob(SCHEDULE_GLOB)))
    problems = check_overlaps(slots)
    if problems:
        for p in problems:
            log.error("schedule conflict: %r", p)
        return 2
    push(slots, tomorrow)
    log.info("published %d slots for %s", len(slots), tomorrow)
    return 0


if __name__ == "__main__":
    sys.exit(main())
