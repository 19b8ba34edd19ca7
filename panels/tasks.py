"""Background work for panels. Tasks take primary keys, call one service and are safe to run
twice; they are sent after the transaction that asked for them commits."""

from celery import shared_task

from panels.reports.pack import PACK_TIME_LIMIT, pack_render


@shared_task(
    acks_late=True,
    ignore_result=True,
    time_limit=PACK_TIME_LIMIT,
    soft_time_limit=PACK_TIME_LIMIT - 30,
)
def build_pack_task(build_id: int) -> None:
    """Make one agenda pack (a PackBuild row). A row that is ready, failed, or being made by
    another worker is left alone."""
    pack_render(build_id=build_id)
