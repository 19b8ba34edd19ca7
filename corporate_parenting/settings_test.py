"""Test settings: the same settings module, in the test environment."""

import os

os.environ["DJANGO_ENV"] = "test"
os.environ.setdefault("DJANGO_DEBUG", "0")

from corporate_parenting.settings import *  # noqa: F403
