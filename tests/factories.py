from typing import Any

import factory
from django.contrib.auth.models import Group

from corporate_parenting.models import Role, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: tuple[str, ...] | None, **kwargs: object) -> None:
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


def councillor(**kwargs: object) -> User:
    return UserFactory(roles=(Role.COUNCILLOR,), **kwargs)


def officer(**kwargs: object) -> User:
    return UserFactory(roles=(Role.OFFICER,), **kwargs)


def admin(**kwargs: object) -> User:
    return UserFactory(roles=(Role.ADMIN,), **kwargs)


def partner_rep(*, organisation: Any = None, **kwargs: object) -> User:
    """A partner representative, of `organisation` or of the NHS trust "Northfield NHS"."""
    from partners.models import OrganisationKind, PartnerOrganisation, Representative

    if organisation is None:
        organisation, _ = PartnerOrganisation.objects.get_or_create(
            slug="northfield-nhs",
            defaults={
                "name": "Northfield NHS Foundation Trust",
                "kind": OrganisationKind.NHS,
                "is_statutory": True,
            },
        )
    user = UserFactory(roles=(Role.PARTNER,), **kwargs)
    Representative.objects.get_or_create(user=user, defaults={"organisation": organisation})
    return user
