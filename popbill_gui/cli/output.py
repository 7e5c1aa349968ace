"""popbill-cli's exit codes and what it prints: one line a result, one clear sentence a failure, JSON when asked.

Exit codes are a contract (scripts rely on them): 0 done; 1 POPBiLL refused the call; 2 invalid input or settings,
nothing sent; 3 the service could not be reached or its answer not understood (or lost: it may have been carried
out), a batch stopped (resumable); 4 no usable credentials; 130 cancelled; 70 an internal error.
"""

from __future__ import annotations

from typing import Any

from ..core.errors import CREDENTIAL_KINDS, UNREACHABLE_KINDS, Kind, PopbillError
from ..core.models import CallResult
from .advice import hint

EXIT_OK, EXIT_REFUSED, EXIT_INVALID, EXIT_UNREACHABLE, EXIT_CREDENTIALS = 0, 1, 2, 3, 4
EXIT_INTERNAL, EXIT_CANCELLED = 70, 130


def exit_code_for(error: PopbillError) -> int:
    if error.kind in CREDENTIAL_KINDS:
        return EXIT_CREDENTIALS
    if error.kind in UNREACHABLE_KINDS:
        return EXIT_UNREACHABLE
    if error.kind is Kind.POPBILL:
        return EXIT_REFUSED
    return EXIT_INVALID  # invalid input or configuration: nothing was sent


def result_json(result: CallResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": result.code,
        "message": result.message,
        "http_status": result.http_status or None,  # None: no HTTP answer came (a lost answer settled by look-up)
        "operation": result.operation,
        "duration_ms": round(result.duration * 1000, 1),
    }
    if result.checked is not None:  # the answer was lost; looking the invoice up showed our document ID on it
        data["checked"] = result.checked
    return data


def error_json(error: PopbillError) -> dict[str, Any]:
    return {
        "code": error.code,
        "message": error.message,
        "http_status": error.http_status,
        "kind": error.kind.value,
        "hint": hint(error),
        "problems": [{"field": p.field, "key": p.key, "message": p.describe(error.lang)} for p in error.problems],
        "maybe_delivered": error.maybe_delivered,
        # After a lost AssignMgtKey answer, what looking the invoice up showed: "not_assigned" (exit 3: not carried
        # out, safe to send again) or "other_key" (exit 1: another document ID is on it).
        **({"checked": error.checked} if error.checked is not None else {}),
    }
