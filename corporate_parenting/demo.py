"""Demo data for the shared core: site settings and, when asked, the demo sign-ins.

Invented people only. Safe to run again: nothing is duplicated and nothing a user changed is reset.
"""

from dataclasses import dataclass

from corporate_parenting.models import Role, SiteSettings, User
from corporate_parenting.services import user_create_or_update


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    roles: tuple[str, ...]


DEMO_USERS = (
    DemoUser("councillor@example.org", "Priya Ashworth", (Role.COUNCILLOR,)),
    DemoUser("officer@example.org", "Dan Okafor", (Role.OFFICER,)),
    DemoUser("admin@example.org", "Morgan Blake", (Role.ADMIN,)),
)


def load_site_settings() -> SiteSettings:
    return SiteSettings.load()


def load_users(*, password: str) -> list[User]:
    """The demo sign-ins. A password is set only when the user is first made."""
    made = []
    for demo in DEMO_USERS:
        user, _ = user_create_or_update(
            email=demo.email, full_name=demo.full_name, roles=demo.roles, password=password
        )
        made.append(user)
    return made
