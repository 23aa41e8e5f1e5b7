# %% [markdown]
# # Weekly line yield review
# Combines the per-shift yield snapshots that line supervisors drop into the shared
# folder and highlights the stations with the largest scrap contribution.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

DROP_DIR = Path("/mnt/plant-share/yield-snapshots")
REPORT_DIR = Path.home() / "reports" / "yield"
REPORT_DIR.mkdir(parents=True, exist_ok=True)
WEEK = pd.Timestamp.today().to_period("W")
week_tag = f"{WEEK.start_time:%Y-%m-%d}"

# %%
snapshot_paths = sorted(DROP_DIR.glob(f"{week_tag}_*.csv"))
print(f"{len(snapshot_paths)} shift snapshots found for week of {week_tag}")
frames = [pd.read_csv(path) for path in snapshot_paths]
shifts = pd.concat(frames, ignore_index=True)
shifts["shift_start"] = pd.to_datetime(shifts["shift_start"])

# %%
by_station = (
    shifts.groupby(["line", "station"], as_index=False)
    .agg(units_in=("units_in", "sum"), units_good=("units_good", "sum"), scrap=("scrap", "sum"))
    .assign(first_pass_yield=lambda d: d["units_good"] / d["units_in"])
)
by_station["scrap_share"] = by_station["scrap"] / by_station["scrap"].sum()
worst = by_station.sort_values("scrap_share", ascending=False).head(10)
worst

# %%
daily = (
    shifts.set_index("shift_start")
    .groupby("line")
    .resample("D")[["units_in", "units_good"]]
    .sum()
    .reset_index()
)
daily["fpy"] = daily["units_good"] / daily["units_in"]

fig, ax = plt.subplots(figsize=(10, 5))
for line, grp in daily.groupby("line"):
    ax.plot(grp["shift_start"], grp["fpy"], marker="o", label=line)
ax.axhline(0.97, color="grey", linestyle="--", linewidth=1, label="target")
ax.set_ylabel("First-pass yield")
ax.set_title(f"Daily first-pass yield, week of {week_tag}")
ax.legend()
fig.tight_layout()
fig.savefig(REPORT_DIR / f"fpy_{week_tag}.png", dpi=150)

# %%
with pd.ExcelWriter(REPORT_DIR / f"yield_review_{week_tag}.xlsx") as writer:
    by_station.to_excel(writer, sheet_name="stations", index=False)
    worst.to_excel(writer, sheet_name="top_scrap", index=False)
    daily.to_excel(writer, sheet_name="daily", index=False)
print("report written to", REPORT_DIR)
