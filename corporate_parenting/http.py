"""The request a signed-in view receives.

Views behind `login_required` or `role_required` annotate `request: SignedInRequest`, so the type
checker knows `request.user` is a `User` (never AnonymousUser) there, as the decorator ensures.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from corporate_parenting.models import User


class SignedInRequest(HttpRequest):
    user: User  # the decorators send anonymous people to sign in before the view runs


# Whoever is asking: public pages and querysets that decide visibility take either.
Visitor = User | AnonymousUser
