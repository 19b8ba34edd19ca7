from django.http import HttpRequest


def axes_username(request: HttpRequest, credentials: dict[str, str] | None) -> str:
    """The sign-in name django-axes counts failures against.

    E-mail addresses sign in whatever their case, so the lock must not care about case either,
    or "Name@Example.org" would get five more tries than "name@example.org".
    """
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    # django-axes keeps the name in a 255-character column.
    return raw.strip().lower()[:255]
