"""Settings for the billing reconciliation service."""
import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class DatabaseSettings:
    host: str
    port: int
    user: str
    password: str
    name: str

    def dsn(self):
        return f"postgresql://{self.user}:{self.password}@{self.host}:{self.port}/{self.name}"


@dataclass(frozen=True)
class PaymentSettings:
    api_base: str
    api_key: str
    webhook_secret: str


@dataclass(frozen=True)
class Settings:
    env: str
    db: DatabaseSettings
    payments: PaymentSettings
    batch_size: int = 500


def _database():
    return DatabaseSettings(
        host=os.environ.get("DB_HOST", "db.billing.internal"),
        port=int(os.environ.get("DB_PORT", "5432")),
        user=os.environ.get("DB_USER", "recon"),
        password=os.environ["DB_PASSWORD"],
        name=os.environ.get("DB_NAME", "billing"),
    )


def _payments():
    return PaymentSettings(
        api_base=os.environ.get("PAYMENTS_API", "https://api.payments.example.com/v2"),
        api_key=os.environ["PAYMENTS_API_KEY"],
        webhook_secret=os.environ["PAYMENTS_WEBHOOK_SECRET"],
    )


@lru_cache(maxsize=1)
def get_settings():
    return Settings(
        env=os.environ.get("APP_ENV", "production"),
        db=_database(),
        payments=_payments(),
        batch_size=int(os.environ.get("RECON_BATCH_SIZE", "500")),
    )


if __name__ == "__main__":
    s = get_settings()
    print(f"env={s.env} db={s.db.host}:{s.db.port}/{s.db.name} batch={s.batch_size}")
