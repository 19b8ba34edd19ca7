"""Writes to the shared core: people, their roles, and the site settings."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.logo import PreparedLogo
from corporate_parenting.models import Role, SiteSettings, User, logo_upload_to


def roles_ensure() -> None:
    """The role groups exist (a migration makes them; a flushed test database may not have them)."""
    for role in Role.values:
        Group.objects.get_or_create(name=role)


@transaction.atomic
def user_create_or_update(
    *,
    email: str,
    full_name: str,
    roles: Iterable[str],
    password: str | None = None,
) -> tuple[User, bool]:
    """Make sure a person exists with these roles; never resets a password already set."""
    email = email.strip().lower()
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    role_names = set(roles)
    unknown = role_names - set(Role.values)
    if unknown:
        raise ValueError(f"Unknown roles: {', '.join(sorted(unknown))}")
    user.groups.add(*Group.objects.filter(name__in=role_names))
    return user, created


@transaction.atomic
def site_settings_update(
    *,
    site_settings: SiteSettings,
    actor: User | None = None,
    logo: PreparedLogo | None = None,
    remove_logo: bool = False,
    **fields: object,
) -> SiteSettings:
    """Change the branding. `logo` (from logo_prepare, which checks a PNG and rebuilds an SVG)
    replaces the uploaded logo; `remove_logo` takes it away. The file it replaces is deleted
    from storage once the change is committed."""
    watched = [*fields, "logo"]
    before = snapshot(site_settings, watched)
    old_logo = site_settings.logo.name or ""
    for name, value in fields.items():
        setattr(site_settings, name, value)
    site_settings.full_clean()
    if logo is not None:
        # Named by its content's hash: the same file uploaded again is the one already kept.
        name = logo_upload_to(site_settings, logo.name)
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(logo.content))
        site_settings.logo.name = name
    elif remove_logo:
        site_settings.logo.name = ""
    site_settings.save()
    if old_logo and old_logo != site_settings.logo.name:
        transaction.on_commit(lambda: default_storage.delete(old_logo))
    changes = changes_between(before, snapshot(site_settings, watched))
    if changes:
        audit_record(
            actor=actor, instance=site_settings, action="settings changed", changes=changes
        )
    # Now for this request, and again after commit in case another request cached the old row.
    cache.delete(SiteSettings.CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(SiteSettings.CACHE_KEY))
    return site_settings
