"""The shared core: people who sign in, their roles, and the council's branding."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Role(models.TextChoices):
    """What a signed-in person does in the portal. Each role is a Django group of that name."""

    COUNCILLOR = "councillor", "Councillor"
    OFFICER = "officer", "Officer"
    ADMIN = "admin", "Admin"
    PARTNER = "partner", "Partner representative"


# The council's staff: officers and admins. They see every record (drafts, unpublished meetings,
# private bodies) and run the panels; the one rule for "staff" is User.is_council_staff and
# role_required(*STAFF_ROLES). (Django's own is_staff means the technical admin site only.)
STAFF_ROLES: tuple[str, ...] = (Role.OFFICER, Role.ADMIN)
# The council's people who sign in: its councillors and staff. A page for "everyone signed in"
# names these roles, so a partner representative is refused it unless the page lets them in too
# (partners.PARTNER_ROLES): they see their organisation's pages, the papers of the bodies they sit
# on and the public pages, never people's records, the audit trail or champions' engagements.
SIGNED_IN_ROLES: tuple[str, ...] = (Role.COUNCILLOR, Role.OFFICER, Role.ADMIN)
# Everyone who may sign in, partner representatives too: pages about the person themself.
EVERYONE_SIGNED_IN: tuple[str, ...] = (*SIGNED_IN_ROLES, Role.PARTNER)


class BaseModel(models.Model):
    """Every domain record knows when it was made and last changed."""

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        # E-mail addresses are stored lower-case; sign-in is not case-sensitive.
        return self.get(email__iexact=username or "")


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in: a councillor, an officer or an admin. Signs in with an e-mail address."""

    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150)
    known_as = models.CharField(
        "name to use in e-mails",
        max_length=150,
        blank=True,
        help_text="How e-mails greet them, like Jane. Left blank, the first name in their full "
        "name is used (titles such as Cllr or Dr left out).",
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text="Can use the Django admin site (technical support only)."
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()
    # The duties held, read once per object by corporate_parenting.duties.duty_kinds.
    _duty_kinds: frozenset[str] | None

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        ordering = ("full_name", "email")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.address_name or self.email

    @property
    def address_name(self) -> str:
        """The name e-mails and pages greet this person by ("Hello Jane,"): their own choice
        (known_as) when they or an admin set one, otherwise worked out from the full name."""
        return " ".join(self.known_as.split()) or name_to_address(self.full_name)

    @property
    def roles(self) -> frozenset[str]:
        """Names of this user's roles, read once per request."""
        if not hasattr(self, "_roles"):
            names = set(self.groups.values_list("name", flat=True))
            self._roles = frozenset(names & set(Role.values))
        return self._roles

    def roles_read(self, names: Iterable[str]) -> None:
        """The roles' names, read with the person (corporate_parenting.auth.PortalBackend)."""
        self._roles = frozenset(set(names) & set(Role.values))

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles)) or (self.is_superuser and Role.ADMIN in roles)

    @property
    def is_councillor(self) -> bool:
        return self.has_role(Role.COUNCILLOR)

    @property
    def is_officer(self) -> bool:
        return self.has_role(Role.OFFICER)

    @property
    def is_portal_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    @property
    def is_council_person(self) -> bool:
        """A councillor, officer or admin (SIGNED_IN_ROLES): what a page shows "signed in".
        A partner representative is signed in but is not one; AnonymousUser has no such
        attribute, so templates read it as false for the public."""
        return self.has_role(*SIGNED_IN_ROLES)

    @property
    def is_partner(self) -> bool:
        """A partner organisation's representative (partners.Representative says which)."""
        return self.has_role(Role.PARTNER)

    @property
    def is_council_staff(self) -> bool:
        """An officer or an admin (STAFF_ROLES): sees every record and runs the panels."""
        return self.has_role(*STAFF_ROLES)

    @property
    def primary_role(self) -> str | None:
        """The role whose home page this user sees: admin over officer over councillor over
        partner representative."""
        for role in (Role.ADMIN, Role.OFFICER, Role.COUNCILLOR, Role.PARTNER):
            if self.has_role(role):
                return role
        return None


# Words before a name that are not the name: "Cllr Dr Jane Smith" is greeted as Jane. Compared
# without case, full stops or commas, so "Cllr." and "DR" are titles too.
TITLES = frozenset(
    {
        "cllr",
        "councillor",
        "counsellor",
        "alderman",
        "ald",
        "mayor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "master",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "baron",
        "baroness",
        "rev",
        "revd",
        "reverend",
        "canon",
        "father",
        "fr",
        "rabbi",
        "imam",
        "the",
        "rt",
        "right",
        "hon",
        "honourable",
    }
)


def name_to_address(full_name: str) -> str:
    """The first word of a full name after any titles ("Cllr Dr Jane Smith" gives Jane, "Cllr
    Smith" gives Smith); the full name itself when it is nothing but titles."""
    words = full_name.split()
    for word in words:
        if word.lower().strip(".,") not in TITLES:
            return word.strip(",")
    return " ".join(words)


class DutyKind(models.TextChoices):
    """What an officer (or anyone) is responsible for. Pages and reminders ask who holds one."""

    LINK_OFFICER = "link_officer", "Link officer"
    REPORT_AUTHOR = "report_author", "Report author"
    REPORT_SPONSOR = "report_sponsor", "Report sponsor"
    CLERK = "clerk", "Clerk to a body"
    KPI_OWNER = "kpi_owner", "KPI owner"
    OFFER_REVIEW_LEAD = "offer_review_lead", "Offer review lead"
    PARTICIPATION_OFFICER = "participation_officer", "Participation officer"


class Duty(BaseModel):
    """A person holds a duty: the choices of a sponsor, a clerk or an offer review lead come from here.

    Granted and revoked by admins (corporate_parenting/duties.py); reads go through
    `people_with_duty` and `has_duty`, which leave deactivated people out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="duties"
    )
    kind = models.CharField(max_length=30, choices=DutyKind.choices)
    job_title = models.CharField(
        max_length=150,
        blank=True,
        help_text="As it is printed with this duty, e.g. Director of Children's Services.",
    )

    class Meta:
        ordering = ("kind", "user__full_name")
        verbose_name_plural = "duties"
        constraints = [
            models.UniqueConstraint(fields=("user", "kind"), name="duty_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()}"


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        """Not used, not cancelled and not expired: the link still works."""
        return self.filter(
            used_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(BaseModel):
    """A one-time link that lets a person set their password. Only a hash of the link's secret
    is kept; the secret itself is in the e-mail (or printed once by create_admin)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"Invitation for {self.user}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.cancelled_at is None and not self.is_expired


HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hex digits, like #1d4f91"
)


def _relative_luminance(hex_value: str) -> float:
    channels = [int(hex_value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_value: str) -> float:
    """WCAG contrast ratio of white text on this colour."""
    return 1.05 / (_relative_luminance(hex_value) + 0.05)


LOGO_URL_MESSAGE = "Enter an address starting https://, or a path on this site starting /"
LOGO_URL_BLOCKED_MESSAGE = (
    "Browsers would not show a logo from {host}: the portal's security policy "
    "(Content-Security-Policy) lets pages show images from this site only. Upload the logo "
    "file instead, or enter a path on this site starting /"
)
# A path on this site: one "/" then no space, backslash or control character ("//host" and
# "/\host" are another site to a browser).
_SITE_PATH = re.compile(r"/(?![/\\])[^\s\\\x00-\x1f\x7f]*\Z")
_HTTPS_URL = URLValidator(schemes=["https"])


def logo_url_is_safe(value: str) -> bool:
    """The header's logo: a secure web address or a path on this site. Never http: (sent in the
    clear, so changed on the way), javascript:, data: or file:."""
    if not value or _SITE_PATH.match(value):
        return True
    try:
        _HTTPS_URL(value)
    except ValidationError:
        return False
    return True


def _origin(address: str) -> tuple[str, str, int | None]:
    parts = urlsplit(address)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def _source_allows(source: str, address: str) -> bool:
    """Whether one img-src source of the Content-Security-Policy lets a page show `address`
    (an https:// address): 'self', a scheme (https:), or a host, maybe *.host, maybe a path."""
    scheme, host, port = _origin(address)
    if source == "'self'":
        return _origin(settings.PORTAL_BASE_URL) == (scheme, host, port)
    if source.lower() == "https:":
        return True
    if source.startswith("'") or source.endswith(":"):
        return False  # 'none', 'nonce-...', data:, blob: and the like
    if "://" not in source:
        source = f"https://{source}"
    try:
        allowed_scheme, allowed_host, allowed_port = _origin(source)
        path = urlsplit(source).path
    except ValueError:
        return False
    if allowed_scheme != "https" or port != allowed_port:
        return False
    if allowed_host.startswith("*."):
        if not host.endswith(allowed_host[1:]):
            return False
    elif host != allowed_host:
        return False
    if not path or path == "/":
        return True
    if path.endswith("/"):
        return urlsplit(address).path.startswith(path)
    return urlsplit(address).path == path


def logo_url_shown(value: str) -> bool:
    """The logo address is one browsers will show: safe (logo_url_is_safe), and a path on this
    site or an address the Content-Security-Policy's img-src allows."""
    if not logo_url_is_safe(value):
        return False
    if not value or _SITE_PATH.match(value):
        return True
    directives: Any = settings.CONTENT_SECURITY_POLICY.get("DIRECTIVES", {})
    sources = directives.get("img-src", directives.get("default-src", []))
    try:
        return any(_source_allows(str(source), value) for source in sources)
    except ValueError:  # a port out of range, say
        return False


def logo_upload_to(_instance: models.Model, filename: str) -> str:
    return f"branding/{filename}"


class SiteSettings(models.Model):
    """The council's branding and the portal-wide settings. There is one row."""

    council_name = models.CharField(max_length=120)
    service_name = models.CharField(max_length=120)
    brand_colour = models.CharField(
        max_length=7,
        validators=[hex_colour],
        help_text="Header colour. White text must be readable on it (contrast of 4.5 to 1 or more).",
    )
    logo_url = models.CharField(
        max_length=300,
        blank=True,
        help_text="Address of the council's logo (SVG or PNG), shown in the header when no logo file is uploaded. Leave both blank to show the name.",
    )
    logo = models.FileField(
        upload_to=logo_upload_to,
        blank=True,
        editable=False,  # only through the site settings page, which checks and cleans it
        help_text="The council's logo uploaded as a file (PNG, or SVG rebuilt from an allowlist).",
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="Where people write about the portal, its accessibility and their data.",
    )
    political_year_start_month = models.PositiveSmallIntegerField(
        default=5,
        choices=[(m, datetime.date(2000, m, 1).strftime("%B")) for m in range(1, 13)],
        help_text="The month the political (municipal) year starts. May in most councils.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    CACHE_KEY = "corporate_parenting:site-settings"

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return f"{self.council_name}: {self.service_name}"

    def clean(self) -> None:
        errors = {}
        if not logo_url_is_safe(self.logo_url):
            errors["logo_url"] = LOGO_URL_MESSAGE
        elif not logo_url_shown(self.logo_url):
            host = urlsplit(self.logo_url).hostname or "another site"
            errors["logo_url"] = LOGO_URL_BLOCKED_MESSAGE.format(host=host)
        if (
            self.brand_colour
            and HEX_COLOUR.match(self.brand_colour)
            and contrast_with_white(self.brand_colour) < 4.5
        ):
            errors["brand_colour"] = (
                "White text is hard to read on this colour: choose a darker one"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def logo_extension(self) -> str:
        return (self.logo.name or "").rsplit(".", 1)[-1] if self.logo else ""

    @property
    def logo_version(self) -> str:
        """Changes with the uploaded file (its name holds its content's hash)."""
        return (self.logo.name or "").rsplit("/", 1)[-1].split(".")[0] if self.logo else ""

    @property
    def logo_src(self) -> str:
        """What the header's logo shows: the uploaded file, served from this site at a stable
        address (the ?v= changes with the file, so browsers fetch a new one at once), otherwise
        the logo address when browsers will show it; "" for the council's name instead."""
        if self.logo:
            return f"{reverse('site_logo')}?v={self.logo_version}"
        if self.logo_url and logo_url_shown(self.logo_url):
            return self.logo_url
        return ""

    @classmethod
    def load(cls) -> SiteSettings:
        """The settings row, made from the environment defaults the first time."""
        cached = cache.get(cls.CACHE_KEY)
        if cached is not None:
            return cached
        obj, _ = cls.objects.get_or_create(
            pk=1,
            defaults={
                "council_name": settings.PORTAL_COUNCIL_NAME,
                "service_name": settings.PORTAL_SERVICE_NAME,
                "brand_colour": settings.PORTAL_BRAND_COLOUR,
                # An unsafe address in the environment, or one the browser would block, shows
                # the name instead.
                "logo_url": (
                    settings.PORTAL_LOGO_URL if logo_url_shown(settings.PORTAL_LOGO_URL) else ""
                ),
            },
        )
        cache.set(cls.CACHE_KEY, obj, 60)
        return obj


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_object(self, instance: models.Model) -> AuditEventQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
        ).select_related("actor")


class AuditEvent(models.Model):
    """Who changed what, and when: minutes, resolutions, reports, appointments and the like."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=40)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ("-at", "-pk")
        indexes = [models.Index(fields=("content_type", "object_id"))]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor}: {self.action} {self.object_repr}"


# Reminders and alerts: the outbox, opt-outs and public alert subscriptions.
from corporate_parenting.reminders.models import (  # noqa: E402, F401
    AlertSubscription,
    MailboxMessage,
    Reminder,
    ReminderOptOut,
)
