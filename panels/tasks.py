"""Background work for panels. Tasks take primary keys, call one service and are safe to run
twice; they are sent after the transaction that asked for them commits."""

from celery import shared_task

from panels.reports.pack import PACK_TIME_LIMIT, pack_render
from panels.reports.papers import CONVERT_TIMEOUT, report_file_convert


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


@shared_task(
    acks_late=True,
    ignore_result=True,
    time_limit=CONVERT_TIMEOUT + 60,
    soft_time_limit=CONVERT_TIMEOUT + 30,
)
def convert_report_file_task(item_id: int) -> None:
    """Convert an uploaded Word or OpenDocument report to PDF ahead of its agenda pack."""
    report_file_convert(item_id=item_id)
