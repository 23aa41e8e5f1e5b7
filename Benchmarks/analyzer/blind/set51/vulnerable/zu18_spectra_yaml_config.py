"""Watch-folder processor for the Raman / NMR spectra pipeline.

Anyone in the group can drop a run directory (raw ``*.csv`` spectra plus an
optional ``process.yaml`` with smoothing and peak-picking settings) into the
shared inbox; cron runs this script every five minutes.
"""
import argparse
import csv
import json
import logging
import shutil
from pathlib import Path

import yaml

log = logging.getLogger("spectra")

DEFAULTS = {"smooth_window": 11, "peak_prominence": 0.02, "normalise": True}


def read_config(run_dir: Path) -> dict:
    cfg = dict(DEFAULTS)
    cfg_file = run_dir / "process.yaml"
    if cfg_file.exists():
        with cfg_file.open() as fh:
            user_cfg = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
        if isinstance(user_cfg, dict):
            cfg.update({k: v for k, v in user_cfg.items() if k in DEFAULTS})
    return cfg


def load_spectrum(path: Path):
    xs, ys = [], []
    with path.open(newline="") as fh:
        for row in csv.reader(fh):
            try:
                xs.append(float(row[0]))
                ys.append(float(row[1]))
            except (ValueError, IndexError):
                continue
    return xs, ys


def smooth(ys, window):
    half = max(1, int(window)) // 2
    return [sum(ys[max(0, i - half):i + half + 1]) / len(ys[max(0, i - half):i + half + 1])
            for i in range(len(ys))]


def pick_peaks(xs, ys, prominence):
    top = max(ys) if ys else 1.0
    return [xs[i] for i in range(1, len(ys) - 1)
            if ys[i] > ys[i - 1] and ys[i] >= ys[i + 1] and ys[i] / top >= prominence]


def process_run(run_dir: Path, out_root: Path) -> None:
    cfg = read_config(run_dir)
    summary = {}
    for spec in sorted(run_dir.glob("*.csv")):
        xs, ys = load_spectrum(spec)
        ys = smooth(ys, cfg["smooth_window"])
        summary[spec.name] = pick_peaks(xs, ys, float(cfg["peak_prominence"]))
    (out_root / f"{run_dir.name}_peaks.json").write_text(json.dumps(summary, indent=2))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inbox", type=Path, default=Path("/shared/spectra/inbox"))
    ap.add_argument("--outdir", type=Path, default=Path("/shared/spectra/results"))
    ap.add_argument("--done", type=Path, default=Path("/shared/spectra/done"))
    args = ap.parse_args()
    for run_dir in sorted(p for p in args.inbox.iterdir() if p.is_dir()):
        try:
            process_run(run_dir, args.outdir)
            shutil.move(str(run_dir), str(args.done / run_dir.name))
        except Exception:
            log.exception("failed to process %r", run_dir.name)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
