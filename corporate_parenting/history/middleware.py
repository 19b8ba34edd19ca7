"""The audit trail's context for each request: who, the page, and the client's real address
(corporate_parenting.client decides it, trusting only the configured proxies)."""

from typing import Any

from django.http import HttpRequest
from pghistory.middleware import HistoryMiddleware

from corporate_parenting.client import client_address


class PortalHistoryMiddleware(HistoryMiddleware):
    def get_context(self, request: HttpRequest) -> dict[str, Any]:
        return {**super().get_context(request), "address": client_address(request)}
