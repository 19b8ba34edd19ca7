"""Settings for the corporate parenting portal.

One module for every environment: what differs between development, test and production
comes from the environment (see the settings table in README.md). DJANGO_ENV picks the
defaults: "development" (the default) and "test" may run with development secrets; "production"
refuses to start without them.
"""

import contextlib
import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from csp.constants import NONCE, NONE, SELF

from corporate_parenting.checks import base_url_problem

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise environ.ImproperlyConfigured(
        f"DJANGO_ENV must be development, test or production, not {DJANGO_ENV!r}"
    )
IS_PRODUCTION = DJANGO_ENV == "production"
IS_TEST = DJANGO_ENV == "test"

DEBUG = env.bool("DJANGO_DEBUG", default=DJANGO_ENV == "development")


def development_secret_key(path: Path) -> str:
    """This checkout's own key, made on the first run and read from path after: a key written in
    the repository would sign every checkout's links and sessions alike. The file is made whole
    before it gets its name, so a second process starting at the same time (the autoreloader,
    a worker) reads the same key, never half of one."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    handle, draft = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.")  # mode 0600
    try:
        with os.fdopen(handle, "w") as file:
            file.write(secrets.token_urlsafe(50) + "\n")
        try:
            os.link(draft, path)  # refused if another process made it first: theirs is kept
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            os.replace(draft, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(draft)
    return path.read_text().strip()


if IS_PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
else:
    # Development and test only: never used when DJANGO_ENV=production.
    if IS_TEST or "SECRET_KEY" in env.ENVIRON:
        # Tests sign with a fixed key of their own, unless they are given one.
        SECRET_KEY = env.str(
            "SECRET_KEY", default="test-only-insecure-key-not-for-development-or-production-0123"
        )
    else:
        SECRET_KEY = development_secret_key(
            Path(env.str("SECRET_KEY_FILE", default=str(BASE_DIR / ".secret_key")))
        )
    ALLOWED_HOSTS = env.list(
        "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver", "[::1]"]
    )

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_tables2",
    "django_filters",
    "axes",
    "csp",
    "corporate_parenting",
    "champions",
    "panels",
    "events",
    "offer",
    "strategy",
    "voice",
    "partners",
    "annual",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "corporate_parenting.urls"
WSGI_APPLICATION = "corporate_parenting.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "corporate_parenting.context_processors.portal",
            ],
        },
    },
]

# Database: DATABASE_URL, or an embedded PostgreSQL under .pgdata/ outside production.
if IS_PRODUCTION or "DATABASE_URL" in env.ENVIRON:
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    from corporate_parenting.embedded_db import embedded_database_settings

    DATABASES = {"default": embedded_database_settings(BASE_DIR / ".pgdata")}
# Keep connections between requests (not in tests, where each test owns its connection).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if IS_TEST else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "corporate_parenting.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the person's roles and second-factor devices with them.
    "corporate_parenting.auth.PortalBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if IS_TEST:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Repeated failed sign-ins lock that account from that address for a while.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The sign-in form posts the e-mail address as "username" (Django's AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "corporate_parenting.auth.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# The largest report annex accepted; the proxy in front must allow a request this size.
REPORT_ANNEX_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
# Uploaded and built files (papers, annexes, evidence, the logo, packs): under MEDIA_ROOT on this
# server's disk, or, when AWS_STORAGE_BUCKET_NAME is set, in an S3-compatible object store that
# every web and worker container shares (corporate_parenting/storage.py, README "Deployment").
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
if AWS_STORAGE_BUCKET_NAME:
    _default_storage: dict[str, Any] = {
        "BACKEND": "corporate_parenting.object_storage.ObjectStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            # None: boto3's own chain (an instance or task role) finds the credentials.
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
            # MinIO and most S3-compatible stores answer at one address for every bucket.
            "addressing_style": env.str(
                "AWS_S3_ADDRESSING_STYLE", default="path" if AWS_S3_ENDPOINT_URL else "auto"
            ),
            "signature_version": "s3v4",
            # As on disk: a second file of the same name is given a name of its own, never
            # written over the first.
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production, WhiteNoise serves straight from static/ (no collectstatic needed).
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
WHITENOISE_AUTOREFRESH = not IS_PRODUCTION

# One cache for every process: charts, report PDFs, the offer's printable sections, the open data
# API's pages and throttle, the sign-in, feedback and e-mail limits, site settings, sessions and
# navigation. With more than one web or worker process, CACHE_URL must name a shared Redis
# (rediscache://host:6379/1: Django's own RedisCache), or each process counts and caches alone;
# without it (`make run`) the cache is this process's memory.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

# E-mail: console in development, memory in tests, EMAIL_URL (smtp://...) in production.
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL",
    default="memorymail://" if IS_TEST else "consolemail://",
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="corporate-parenting@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with no broker, tasks run in-process when they are sent.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# --- Reminders and alerts (corporate_parenting/reminders; README "Reminders") -----------------
# Beat's schedule is static here. Nothing runs from 01:00 to 02:59 local time, when the clocks
# change: a job there could run twice, or not at all, on those two Sundays.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE: dict[str, dict[str, Any]] = {
    # Ask each app what is due today and write the outbox rows (idempotent).
    "reminders-plan": {"task": "reminders.plan", "schedule": crontab(hour="6", minute="15")},
    # Send what is due: claim rows, queue them to the workers, retry what waits for a retry.
    "reminders-dispatch": {
        "task": "reminders.dispatch",
        "schedule": crontab(minute="*/5", hour="0,3-23"),
    },
}
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
# A task not acknowledged within this time is given to another worker. Every countdown and lease
# stays below it (a test checks).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
CELERY_TASK_IGNORE_RESULT = True
# The address e-mails link to (the workers have no request to take it from). `make run` gives
# the address it serves on; production refuses to start without its https:// address, as
# without SECRET_KEY (corporate_parenting/checks.py, which `check --deploy` runs everywhere).
PORTAL_BASE_URL = env.str(
    "PORTAL_BASE_URL", default="" if IS_PRODUCTION else "http://127.0.0.1:8000"
).rstrip("/")
if IS_PRODUCTION and (_base_url_problem := base_url_problem(PORTAL_BASE_URL)):
    raise environ.ImproperlyConfigured(_base_url_problem)
if env.str("EMAIL_BACKEND", default=""):
    # e.g. the database backend (corporate_parenting.reminders.mailbox) in tests and demos.
    EMAIL_BACKEND = env.str("EMAIL_BACKEND")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
REMINDERS_SEND_HOUR = env.int("REMINDERS_SEND_HOUR", default=8)
REMINDERS_EVENT_DAYS_BEFORE = env.list("REMINDERS_EVENT_DAYS_BEFORE", cast=int, default=[7, 1])
REMINDERS_ACTION_DAYS_BEFORE = env.int("REMINDERS_ACTION_DAYS_BEFORE", default=10)
REMINDERS_REPORT_DAYS_BEFORE = env.list("REMINDERS_REPORT_DAYS_BEFORE", cast=int, default=[7, 1])
REMINDERS_AGENDA_DAYS_BEFORE = env.int("REMINDERS_AGENDA_DAYS_BEFORE", default=3)
REMINDERS_DBS_WINDOW_DAYS = env.int("REMINDERS_DBS_WINDOW_DAYS", default=60)
# Months into the political year at which champions behind their target are told.
REMINDERS_CHAMPION_CHECKPOINTS = env.list(
    "REMINDERS_CHAMPION_CHECKPOINTS", cast=int, default=[4, 8, 11]
)
REMINDERS_TRAINING_GRACE_DAYS = env.int("REMINDERS_TRAINING_GRACE_DAYS", default=60)
# How long a one-time link to set a password lasts: an invitation, and the first admin's.
INVITATION_EXPIRY_DAYS = env.int("INVITATION_EXPIRY_DAYS", default=7)
ADMIN_INVITATION_EXPIRY_DAYS = env.int("ADMIN_INVITATION_EXPIRY_DAYS", default=14)
REMINDERS_BATCH_SIZE = env.int("REMINDERS_BATCH_SIZE", default=25)
REMINDERS_DISPATCH_LIMIT = env.int("REMINDERS_DISPATCH_LIMIT", default=20000)
REMINDERS_SENDING_LEASE_SECONDS = env.int("REMINDERS_SENDING_LEASE_SECONDS", default=900)
REMINDERS_MAX_ATTEMPTS = env.int("REMINDERS_MAX_ATTEMPTS", default=6)
REMINDERS_LINK_MAX_AGE_DAYS = env.int("REMINDERS_LINK_MAX_AGE_DAYS", default=60)
REMINDERS_CONFIRM_MAX_AGE_DAYS = env.int("REMINDERS_CONFIRM_MAX_AGE_DAYS", default=7)
# --- end of reminders and alerts -------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
DJANGO_TABLES2_TEMPLATE = "django_tables2/govuk.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "govuk-table"}

# Council branding: defaults for the site settings an admin can change in the portal.
PORTAL_COUNCIL_NAME = env.str("PORTAL_COUNCIL_NAME", default="Anytown Council")
PORTAL_SERVICE_NAME = env.str("PORTAL_SERVICE_NAME", default="Corporate parenting")
PORTAL_BRAND_COLOUR = env.str("PORTAL_BRAND_COLOUR", default="#1d4f91")
PORTAL_LOGO_URL = env.str("PORTAL_LOGO_URL", default="")
PORTAL_PHASE = env.str("PORTAL_PHASE", default="Beta")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# Sessions are read from the default cache and written to it and the database (cached_db), so a
# signed-in page does not ask the database for its session. A cache each process keeps to itself
# (locmem, when CACHE_URL is not set) can hold a session another process has since changed or
# ended (signed out, second factor passed), so production reads sessions from the database
# unless the cache is shared. Development and tests serve from one process.
_CACHE_SHARED = not CACHES["default"]["BACKEND"].endswith((".LocMemCache", ".DummyCache"))
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if _CACHE_SHARED or not IS_PRODUCTION
    else "django.contrib.sessions.backends.db"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint reports each rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Trust (issue 13): second factor at sign-in, audit trail, retention -----------------------
# Officers and admins (and councillors who opt in) enter a code from an authenticator app or a
# backup code after their password (corporate_parenting/two_factor.py). On in production and in
# tests; off by default in development (DEBUG), so demo sign-ins work without a phone.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The history of governance records: triggers kept by django-pgtrigger, installed on every
    # migrate (the test database is made by migrations too), events in corporate_parenting/history.
    "pgtrigger",
    "pghistory",
    "corporate_parenting.history",
]
# The Django admin: superusers only, governance records read-only (corporate_parenting/admin_site.py).
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = (
    "corporate_parenting.admin_site.PortalAdminConfig"
)
PGTRIGGER_MIGRATIONS = False
PGTRIGGER_INSTALL_ON_MIGRATE = True
LOGGING["loggers"]["pgtrigger"] = {"level": "WARNING"}  # one line per trigger at each migrate
# Who made a change and at which address, kept with each history event.
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = PORTAL_SERVICE_NAME
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    # django-otp's OTPMiddleware, using the devices read with the person.
    "corporate_parenting.auth.SignedInDeviceMiddleware",
    "corporate_parenting.two_factor.SecondFactorMiddleware",
    "corporate_parenting.history.middleware.PortalHistoryMiddleware",
]
# Retention (corporate_parenting/history/retention.py, README "Data map"): days each is kept.
RETENTION_DAYS = {
    "sign_in_attempts": env.int("RETENTION_SIGN_IN_DAYS", default=90),
    "old_packs": env.int("RETENTION_OLD_PACK_DAYS", default=30),
}
# Daily at 04:30, outside 01:00-02:59 when the clocks change.
CELERY_BEAT_SCHEDULE["retention-apply"] = {
    "task": "retention.apply",
    "schedule": crontab(hour="4", minute="30"),
}
# --- end of trust -----------------------------------------------------------------------------

# --- Trust (issue 13): client address, sign-in throttle, headers ------------------------------
# Behind the council's TLS proxy every request comes from the proxy. X-Forwarded-For is believed
# only from these addresses or networks (corporate_parenting/client.py); the sign-in lockout, the
# sign-in throttle, the feedback limit and the audit trail all use the address it gives.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "corporate_parenting.client.axes_client_address"
# Failed sign-ins from one address across all accounts (password spraying) before that address
# is refused for the rest of the window (corporate_parenting/throttle.py).
SIGN_IN_ADDRESS_LIMIT = env.int("SIGN_IN_ADDRESS_LIMIT", default=30)
SIGN_IN_ADDRESS_WINDOW_MINUTES = env.int("SIGN_IN_ADDRESS_WINDOW_MINUTES", default=15)
# How often one e-mail address may be asked about, whoever asks: password reset links, and
# public alert sign-ups (corporate_parenting/client.py). Counted in the cache.
PASSWORD_RESET_EMAIL_LIMIT = env.int("PASSWORD_RESET_EMAIL_LIMIT", default=5)
PASSWORD_RESET_EMAIL_WINDOW_MINUTES = env.int("PASSWORD_RESET_EMAIL_WINDOW_MINUTES", default=60)
ALERT_SIGN_UP_EMAIL_LIMIT = env.int("ALERT_SIGN_UP_EMAIL_LIMIT", default=5)
ALERT_SIGN_UP_EMAIL_WINDOW_MINUTES = env.int("ALERT_SIGN_UP_EMAIL_WINDOW_MINUTES", default=60)
# Outermost, so every response gets the headers (corporate_parenting/headers.py).
MIDDLEWARE.insert(0, "corporate_parenting.headers.TrustHeadersMiddleware")
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# --- end of trust: client address, throttle, headers -------------------------------------------
