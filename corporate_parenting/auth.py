from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import connection, connections, router
from django.db.models import Field, Model
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import is_verified
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.models import User


def axes_username(request: HttpRequest, credentials: dict[str, str] | None) -> str:
    """The sign-in name django-axes counts failures against.

    E-mail addresses sign in whatever their case, so the lock must not care about case either,
    or "Name@Example.org" would get five more tries than "name@example.org".
    """
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    # django-axes keeps the name in a 255-character column.
    return raw.strip().lower()[:255]


# --- the signed-in person, read once a request --------------------------------------------------

# The second-factor devices django-otp keeps: an authenticator app, and backup codes.
DEVICE_MODELS: tuple[type[Device], ...] = (TOTPDevice, StaticDevice)


def _sign_in_state_sql() -> str:
    """One query for the person, their roles' names and the persistent ids of their confirmed
    second-factor devices: what every page needs to know about whoever is signed in.

    Written out and read with a cursor rather than through the ORM, which took longer to compile
    the three subqueries (and a raw query longer to map its columns) on each request than the
    database took to answer them. Table and column names come from
    the models; the person's id and the devices' labels are parameters."""
    member: type[Model] = User.groups.through
    person = f"u.{_column(User, 'id')}"
    devices = " UNION ALL ".join(
        f"SELECT %s || d.{_column(m, 'id')} FROM {_table(m)} d "  # noqa: S608 (names from the models)
        f"WHERE d.{_column(m, 'user')} = {person} AND d.{_column(m, 'confirmed')}"
        for m in DEVICE_MODELS
    )
    roles = (
        f"SELECT g.{_column(Group, 'name')} FROM {_table(Group)} g "  # noqa: S608 (as above)
        f"JOIN {_table(member)} m ON m.{_column(member, 'group')} = g.{_column(Group, 'id')} "
        f"WHERE m.{_column(member, 'user')} = {person}"
    )
    fields = ", ".join(
        f"u.{connection.ops.quote_name(str(field.column))}" for field in User._meta.concrete_fields
    )
    return (
        f"SELECT {fields}, ARRAY({roles}), ARRAY({devices}) "  # noqa: S608 (as above)
        f"FROM {_table(User)} u WHERE {person} = %s"
    )


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field)
    return connection.ops.quote_name(str(field.column))


# Every column of the person, as a query without .only() reads them.
PERSON_FIELDS = [field.attname for field in User._meta.concrete_fields]
SIGN_IN_STATE_SQL = _sign_in_state_sql()
DEVICE_LABELS = [f"{model.model_label()}/" for model in DEVICE_MODELS]


class PortalBackend(ModelBackend):
    """Django's ModelBackend, reading with the person their roles and their confirmed
    second-factor devices, so a signed-in page asks the database once about who is looking.
    Nothing about them is kept between requests: deactivating someone, changing their roles or
    removing their device counts from their next request."""

    def get_user(self, user_id: Any) -> User | None:
        # The id as the session keeps it, already made an int by django.contrib.auth.get_user.
        database = router.db_for_read(User)
        with connections[database].cursor() as cursor:
            cursor.execute(SIGN_IN_STATE_SQL, [*DEVICE_LABELS, user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        *values, role_names, device_ids = row
        user = User.from_db(database, PERSON_FIELDS, values)
        if not self.user_can_authenticate(user):
            return None
        user.roles_read(role_names)
        user.confirmed_device_ids = frozenset(device_ids)  # type: ignore[attr-defined]
        return user


def signed_in_device(user: User, persistent_id: str) -> Device | None:
    """The confirmed device of this person's that the session says they proved, or None.

    From what PortalBackend read with the person when it did (a device whose other fields load
    when first read, as .only() leaves them); otherwise from the database, as django-otp does."""
    known = getattr(user, "confirmed_device_ids", None)
    if known is None:
        device = Device.from_persistent_id(persistent_id)
        if device is None or device.user_id != user.pk or not device.confirmed:
            return None
        return device
    if persistent_id not in known:
        return None
    label, _, pk = persistent_id.rpartition("/")
    for model in DEVICE_MODELS:
        if model.model_label() == label:
            return model.from_db(
                router.db_for_read(model), ["id", "user_id", "confirmed"], [int(pk), user.pk, True]
            )
    return None


class SignedInDeviceMiddleware:
    """django-otp's OTPMiddleware for this portal: `request.user.otp_device` is the device the
    person proved this session (None when they have not), and `is_verified()` says whether there
    is one, without another query where PortalBackend read the devices with the person."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        request.user = SimpleLazyObject(partial(self._verified, request, user))  # type: ignore[assignment]
        return self.get_response(request)

    @staticmethod
    def _verified(request: HttpRequest, user: Any) -> Any:
        user.otp_device = None
        user.is_verified = partial(is_verified, user)
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            device = signed_in_device(user, persistent_id) if persistent_id else None
            if device is None and DEVICE_ID_SESSION_KEY in request.session:
                del request.session[DEVICE_ID_SESSION_KEY]
            user.otp_device = device
        return user
