#!/usr/bin/env python3
"""Build the monthly liquidity coverage ratio (LCR) return and publish it
to the regulatory outbox picked up by the submission gateway."""
import argparse
import csv
import logging
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from decimal import Decimal
from typing import Dict, Iterable, List

log = logging.getLogger("regrep.lcr")

HQLA_HAIRCUTS = {"L1": Decimal("0.00"), "L2A": Decimal("0.15"), "L2B": Decimal("0.50")}
OUTFLOW_RATES = {"retail_stable": Decimal("0.05"), "retail_less_stable": Decimal("0.10"),
                 "operational": Decimal("0.25"), "non_operational": Decimal("0.40"),
                 "wholesale_fin": Decimal("1.00")}


def read_positions(path: str) -> Iterable[dict]:
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            row["amount"] = Decimal(row["amount"])
            yield row


def compute(rows: Iterable[dict]) -> Dict[str, Decimal]:
    totals: Dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        bucket = row["bucket"]
        if bucket in HQLA_HAIRCUTS:
            totals["hqla"] += row["amount"] * (1 - HQLA_HAIRCUTS[bucket])
        elif bucket in OUTFLOW_RATES:
            totals["outflows"] += row["amount"] * OUTFLOW_RATES[bucket]
        elif bucket == "inflow":
            totals["inflows"] += row["amount"] * Decimal("0.5")
    net = max(totals["outflows"] - min(totals["inflows"], totals["outflows"] * Decimal("0.75")), Decimal("1"))
    totals["net_outflows"] = net
    totals["lcr"] = (totals["hqla"] / net * 100).quantize(Decimal("0.01"))
    return totals


def write_return(totals: Dict[str, Decimal], period: str, entity: str) -> str:
    tmp_path = tempfile.mktemp(prefix=f"lcr_{entity}_{period}_", suffix=".csv")  # VULN
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["entity", "period", "metric", "value"])
        for metric in ("hqla", "outflows", "inflows", "net_outflows", "lcr"):
            writer.writerow([entity, period, metric, f"{totals[metric]:.2f}"])
    return tmp_path


def publish(tmp_path: str, outbox: str, period: str, entity: str) -> str:
    os.makedirs(outbox, exist_ok=True)
    final = os.path.join(outbox, f"LCR_{entity}_{period}.csv")
    shutil.move(tmp_path, final)
    os.chmod(final, 0o777)  # VULN
    return final


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--positions", required=True)
    ap.add_argument("--period", required=True, help="YYYY-MM")
    ap.add_argument("--entity", default="BANKCO")
    ap.add_argument("--outbox", default="/srv/regrep/outbox")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    totals = compute(read_positions(args.positions))
    if totals["lcr"] < 100:
        log.warning("LCR below 100%% for %s %s: %s", args.entity, args.period, totals["lcr"])
    tmp_path = write_return(totals, args.period, args.entity)
    final = publish(tmp_path, args.outbox, args.period, args.entity)
    log.info("published %s (LCR %s%%)", final, totals["lcr"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
