"""Settings for the Productivity Plans service.

Every value the service reads from its environment is read here, in one place,
with a safe default for a single laptop (SQLite, console email, debug off unless
asked). `.env.example` lists the same names.
"""

import os
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotoConfig

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The key in the repository keeps `make run` zero-set-up. It is public, so nothing signed with it
# can be trusted: with DEBUG off the service refuses to start on it (config/startup.py, called by
# wsgi.py and asgi.py, and the `check --deploy` error security.E100).
REPOSITORY_SECRET_KEY = "dev-only-insecure-key-change-me-in-any-deployment"  # public on purpose; refused with DEBUG off  # nosec B105
SECRET_KEY = os.environ.get("SECRET_KEY", REPOSITORY_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    # Only for the static files and templates it ships: Swagger UI, served by the app at /api/docs.
    "ninja",
    "core",
    "accounts",
    "councils",
    "plans",
    "governance",
    "meetings",
    "submissions",
    "monitoring",
    "analysis",
    "portal",
    "api",
    "worklist",
    # Demo data built through the real services; holds management commands only.
    "devdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy header on every response, published files included.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Published plans and the index of councils: files written at publication, served like static files.
    "portal.middleware.PublishedFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session has passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    # Signed-in people who owe a second factor are sent to give it (accounts/middleware.py).
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Reads only a flag set on a refused sign-in: no table is touched on any other request.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "core.context_processors.service",
                "worklist.context_processors.navigation",
            ],
            "builtins": ["core.templatetags.govuk"],
        },
    },
]

# Every Django form renders GOV.UK Frontend markup (label, hint, error message, field).
FORM_RENDERER = "core.forms.GovUKFormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

_sqlite_path = os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{_sqlite_path}", conn_max_age=60),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A web process and a task worker share the file: wait for locks and use WAL.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Results many people read (the register's rows, the explorer's counts) are shared by every app server
# through the database, the one store they all have (decision 0027). The table is made by a migration
# (core/migrations/0002_cache_table.py). CACHE_BACKEND and CACHE_LOCATION override it.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "shared_cache"),
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000")), "CULL_FREQUENCY": 4},
    }
}
# After a change retires the panel summary and the explorer's counts, a task works them out again at once, so
# the first reader after the change does not wait for them (core/shared_cache.py, analysis/summaries/tasks.py).
WARM_SHARED_RESULTS = env_bool("WARM_SHARED_RESULTS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while the account or the address is locked out (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "accounts:home_for_user"
LOGOUT_REDIRECT_URL = "portal:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# static/govuk/ links to the built GOV.UK Frontend bundle in node_modules (only the bundle:
# collecting the whole package, Sass and all, is slow).
STATICFILES_DIRS = [BASE_DIR / "static"]
# The compiled GOV.UK CSS asks for /assets/fonts/... and /assets/images/... at the site root.
WHITENOISE_ROOT = BASE_DIR / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get("STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Object storage for everything the service writes (published plans, agenda packs, imported plan
# documents, audit anchors), so several app servers and workers share one store: any S3-compatible
# store, by bucket name. Credentials come from the usual AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY variables (or the machine's role). Names are never overwritten, as on disk.
OBJECT_STORAGE_BUCKET = os.environ.get("OBJECT_STORAGE_BUCKET", "")
if OBJECT_STORAGE_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": OBJECT_STORAGE_BUCKET,
            "endpoint_url": os.environ.get("OBJECT_STORAGE_ENDPOINT_URL") or None,
            "region_name": os.environ.get("OBJECT_STORAGE_REGION") or None,
            "location": os.environ.get("OBJECT_STORAGE_PREFIX", ""),
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
            # Fail fast while the store is unreachable (the visitor gets the 503 page, a worker retries later)
            # rather than hold a request for minutes; brief errors are retried by botocore itself.
            "client_config": BotoConfig(
                s3={"addressing_style": os.environ.get("OBJECT_STORAGE_ADDRESSING_STYLE", "auto")},
                connect_timeout=3,
                read_timeout=10,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        },
    }
# Set on every app server and worker of a deployment with more than one machine (deploy/): the service then
# refuses to start without the shared store rather than write files to its own disk, where no other machine
# would find them (config/startup.py).
REQUIRE_OBJECT_STORAGE = env_bool("REQUIRE_OBJECT_STORAGE", False)

# A task worker that has not said it is alive for this long is taken as lost, and the task it was running is
# queued again for another worker (core/workers.py).
TASK_WORKER_LOST_AFTER_SECONDS = float(os.environ.get("TASK_WORKER_LOST_AFTER_SECONDS", "60"))

# The Ed25519 key that signs the audit log's head (decision 0024), kept outside the database and the file
# store: base64 of the 32-byte private key or PEM in AUDIT_SIGNING_KEY, or a file named by AUDIT_SIGNING_KEY_FILE.
# With neither set (a laptop), a key file is made on first use in the git-ignored .local/ folder.
AUDIT_SIGNING_KEY = os.environ.get("AUDIT_SIGNING_KEY", "")
AUDIT_SIGNING_KEY_FILE = os.environ.get("AUDIT_SIGNING_KEY_FILE", "") or str(
    BASE_DIR / ".local" / "audit-signing-key.pem"
)
AUDIT_SIGNING_KEY_GENERATE = env_bool(
    "AUDIT_SIGNING_KEY_GENERATE", not (os.environ.get("AUDIT_SIGNING_KEY") or os.environ.get("AUDIT_SIGNING_KEY_FILE"))
)

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "productivity-plans@example.gov.uk")
# SMTP, used when EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
# The department's returns team: told of every submission.
DEPARTMENT_RETURNS_EMAIL = env_list("DEPARTMENT_RETURNS_EMAIL", "productivity-plans-returns@example.gov.uk")
# Automatic reminders go to councils that have not submitted this many days before their deadline.
RETURN_REMINDER_DAYS = sorted({int(days) for days in env_list("RETURN_REMINDER_DAYS", "14,7,1")}, reverse=True)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Production (docs/security.md, "Production settings"): HTTPS only, and browsers told to keep to it.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind a proxy that ends TLS, the header it sets, as "HTTP_X_FORWARDED_PROTO,https".
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = tuple(os.environ["SECURE_PROXY_SSL_HEADER"].split(",", 1))
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from this site only; no
# inline script or style anywhere, no plug-ins, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Two-factor sign-in (django-otp: an authenticator app's codes, and recovery codes). Everyone who
# signs in must set it up when DEBUG is off; the demo (`make run`, DEBUG on) leaves it optional.
# Anyone who has set it up is always asked for a code.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", not DEBUG)
OTP_TOTP_ISSUER = "Productivity plans"
# The admin never shows an authenticator's secret or its QR code; support staff may only remove a device.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
RECOVERY_CODE_COUNT = 10

# Guessing passwords (django-axes, accounts/lockout.py): after 5 failures for one account or 20 from
# one address, sign-in is refused for the cool-off period. API tokens: 20 failures per address.
AXES_FAILURE_LIMIT = 5
AXES_ADDRESS_FAILURE_LIMIT = 20
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "accounts.lockout.AccountAndAddressHandler"
AXES_COOLOFF_TIME = float(os.environ.get("SIGN_IN_COOL_OFF_HOURS", "0.25"))  # hours
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# A success does not wipe the count: signing in to one account must not clear an address's guesses at others.
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
# Behind a proxy, how many proxies stand in front (their X-Forwarded-For entries are skipped).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# API tokens end this many days after they are issued.
API_TOKEN_LIFETIME_DAYS = int(os.environ.get("API_TOKEN_LIFETIME_DAYS", "90"))

# Where the register of councils is read from when no path is given.
COUNCILS_CSV = Path(os.environ.get("COUNCILS_CSV", BASE_DIR / "councils/data/english_councils_2024.csv"))

SERVICE_NAME = "Productivity plans"
# The service's public address, for links in emails sent by the task worker (no request to ask).
# scripts/run.sh (`make run`) sets it from the host and port it serves on unless it is set already.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
