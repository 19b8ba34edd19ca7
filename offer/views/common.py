"""What the offer's views share: who may do what, and where a form may send someone back to."""

from django.http import HttpRequest
from django.urls import reverse

from corporate_parenting.inputs import local_path


def safe_next(request: HttpRequest, target: str) -> str:
    """A page of this site to go back to; the offer's home when the target is anything else."""
    return local_path(request, target, reverse("offer:index"))
