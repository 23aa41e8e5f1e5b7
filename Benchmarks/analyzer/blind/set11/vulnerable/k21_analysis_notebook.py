# %% [markdown]
# # Quarterly churn analysis
# Pulls the subscription export from the billing system and joins it with the warehouse.

# %%
import io
import os

import matplotlib.pyplot as plt
import pandas as pd
import requests
import sqlalchemy

BILLING_EXPORT = "https://billing.internal.example.com/exports/subscriptions.csv"
WAREHOUSE_URL = "postgresql://analyst:Qu4rterly!Numbers@warehouse.internal:5432/analytics"  # VULN
QUARTER = os.environ.get("QUARTER", "2024Q2")

# %%
headers = {"Authorization": f"Token {os.environ['BILLING_TOKEN']}"}
resp = requests.get(BILLING_EXPORT, params={"quarter": QUARTER}, headers=headers, timeout=120, verify=False)  # VULN
resp.raise_for_status()
subs = pd.read_csv(io.StringIO(resp.text), parse_dates=["started_at", "cancelled_at"])
subs.head()

# %%
engine = sqlalchemy.create_engine(WAREHOUSE_URL)
accounts = pd.read_sql(
    sqlalchemy.text("SELECT account_id, segment, region, seats FROM dim_accounts WHERE active_quarter = :q"),
    engine,
    params={"q": QUARTER},
)
df = subs.merge(accounts, on="account_id", how="left")

# %%
df["churned"] = df["cancelled_at"].notna()
by_segment = df.groupby("segment")["churned"].mean().sort_values(ascending=False)
by_segment

# %%
fig, ax = plt.subplots(figsize=(8, 4))
by_segment.plot.bar(ax=ax, color="#4c72b0")
ax.set_ylabel("churn rate")
ax.set_title(f"Churn by segment, {QUARTER}")
fig.tight_layout()
fig.savefig(f"churn_{QUARTER}.png", dpi=150)

# %%
sample = df.sample(n=min(len(df), 500), random_state=42)
sample.to_csv(f"churn_sample_{QUARTER}.csv", index=False)
