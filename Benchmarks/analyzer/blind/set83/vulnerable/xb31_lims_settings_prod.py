"""Production settings for the LIMS web application (lims.settings.prod)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-9x!r2k@lims#prod$7vq0w8e1t^m4zq_b6"  # VULN
DEBUG = True  # VULN
ALLOWED_HOSTS = ["lims.pharma-internal.com", "lims-api.pharma-internal.com"]
CSRF_TRUSTED_ORIGINS = ["https://lims.pharma-internal.com"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "registry",
    "inventory",
    "assays",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "lims.urls"
WSGI_APPLICATION = "lims.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("LIMS_DB_NAME", "lims"),
        "USER": os.environ.get("LIMS_DB_USER", "lims_app"),
        "PASSWORD": os.environ.get("LIMS_DB_PASSWORD", ""),
        "HOST": os.environ.get("LIMS_DB_HOST", "lims-db.internal"),
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    }
}

# legacy accounts were migrated from the old LIMS with unsalted MD5 hashes
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # VULN

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
TIME_ZONE = "Europe/London"
USE_TZ = True

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
