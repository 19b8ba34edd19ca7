from celery import shared_task

from corporate_parenting.history.retention import retention_apply


@shared_task(name="retention.apply")
def retention_apply_task() -> dict[str, int]:
    """Daily: remove what is past its retention period (README "Data map")."""
    return retention_apply()
