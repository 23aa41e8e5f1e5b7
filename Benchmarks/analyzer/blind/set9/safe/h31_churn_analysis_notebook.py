# %% [markdown]
# # Churn cohort analysis
# Exported from `notebooks/churn_cohorts.ipynb`. Pulls the last N months of
# subscription events, samples accounts for manual review and plots retention.

# %%
import hashlib
import random
import sqlite3
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import yaml

CONFIG = yaml.safe_load(Path("config/churn.yaml").read_text())
DB_PATH = CONFIG.get("warehouse_snapshot", "data/warehouse_snapshot.db")
MONTHS = int(CONFIG.get("months", 12))
PLAN = CONFIG.get("plan", "pro")

# %%
def dataset_fingerprint(path: str) -> str:
    """Short content hash so figures can be traced back to a snapshot."""
    h = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:12]


print("snapshot", dataset_fingerprint(DB_PATH))

# %%
with sqlite3.connect(DB_PATH) as conn:
    events = pd.read_sql_query(
        """
        SELECT account_id, event_type, date(occurred_at) AS day
        FROM subscription_events
        WHERE plan = ? AND occurred_at >= date('now', ?)
        """,
        conn,
        params=(PLAN, f"-{MONTHS} months"),
        parse_dates=["day"],
    )
events["cohort"] = events.groupby("account_id")["day"].transform("min").dt.to_period("M")
events["period"] = events["day"].dt.to_period("M")

# %%
retention = (
    events.groupby(["cohort", "period"])["account_id"].nunique().unstack(fill_value=0)
)
retention = retention.div(retention.max(axis=1), axis=0)
retention.round(2).head(12)

# %%
rng = random.Random(CONFIG.get("seed", 42))
churned = sorted(events.loc[events["event_type"] == "cancelled", "account_id"].unique())
review_sample = rng.sample(churned, k=min(25, len(churned)))
pd.Series(review_sample, name="account_id").to_csv("out/churn_review_sample.csv", index=False)

# %%
fig, ax = plt.subplots(figsize=(10, 6))
ax.imshow(retention.values, aspect="auto", cmap="viridis")
ax.set_title(f"{PLAN} retention by monthly cohort")
ax.set_xlabel("months since signup")
ax.set_ylabel("cohort")
fig.savefig("out/retention_heatmap.png", dpi=150)
