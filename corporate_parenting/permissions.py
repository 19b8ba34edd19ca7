"""Who may see what: role checks for views, in one place."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from corporate_parenting.http import Visitor


def role_required(
    *roles: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Anonymous people are sent to sign in; signed-in people without one of the roles get 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_council_person(user: Visitor | None) -> bool:
    """A councillor, officer or admin, for anyone signed in or not (User.is_council_person):
    who sees what the council's people see. The public and partner representatives do not."""
    return user is not None and user.is_authenticated and user.is_council_person


def is_council_staff(user: Visitor | None) -> bool:
    """The one staff rule for anyone, signed in or not: an officer or an admin
    (User.is_council_staff)."""
    return user is not None and user.is_authenticated and user.is_council_staff
