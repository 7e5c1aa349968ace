"""The service layer: what a user can do, once, for both faces (the window in `ui/`, the command line `cli.py`).

Qt-free. The faces hand it typed requests and get typed results; it opens the core client from the settings,
records every call in the history, and plans and runs batches with the journal. Neither face imports the client,
the transport, the token service, the history or the batch runner and journal itself. Batches are in
`service.batches` (imported when first needed: the window's start-up does not pay for them), look-ups in
`service.lookups`.
"""

from ..core.errors import Kind, PopbillError
from ..core.models import CallResult, Credentials, LinkCredentials, Token, TokenCredentials
from ..storage.errors import HistoryError
from .requests import AssignRequest, Request, ResendRequest, request_for
from .service import KEEP, CallsClosed, InFlight, Service, StoreFactory, system_store, test_connection

__all__ = [
    "KEEP",
    "AssignRequest",
    "CallResult",
    "CallsClosed",
    "Credentials",
    "HistoryError",
    "InFlight",
    "Kind",
    "LinkCredentials",
    "PopbillError",
    "Request",
    "ResendRequest",
    "Service",
    "StoreFactory",
    "Token",
    "TokenCredentials",
    "request_for",
    "system_store",
    "test_connection",
]
