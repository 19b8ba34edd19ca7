"""Background work for annual reports: each PDF is made by the worker, taking the build's
primary key and safe to run twice; sent after the transaction that asked for it commits."""

from celery import shared_task

from annual.documents import BUILD_TIME_LIMIT, document_render


@shared_task(
    acks_late=True,
    ignore_result=True,
    time_limit=BUILD_TIME_LIMIT,
    soft_time_limit=BUILD_TIME_LIMIT - 30,
)
def build_annual_document(build_id: int) -> None:
    """Make one annual report PDF (an AnnualBuild row)."""
    document_render(build_id=build_id)
