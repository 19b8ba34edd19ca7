"""The request a signed-in view receives.

Views behind `login_required` or `role_required` annotate `request: SignedInRequest`, so the type
checker knows `request.user` is a `User` (never AnonymousUser) there, as the decorator ensures.
"""

from django.http import HttpRequest

from corporate_parenting.models import User


class SignedInRequest(HttpRequest):
    user: User  # the decorators send anonymous people to sign in before the view runs
