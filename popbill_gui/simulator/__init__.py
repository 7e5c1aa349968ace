"""POPBiLL + Linkhub stand-in on loopback, for the demo mode, the tests and the benchmarks.

One port serves both services, so a client uses ``base_url`` as its API URL and its auth URL:
``POST /POPBILL_TEST/Token`` and ``POST /POPBILL/Token`` (Linkhub tokens, HMAC-checked), ``GET /Time`` and
``POST /Taxinvoice/{A}/{B}`` (SendEmail when ``X-HTTP-Method-Override: EMAIL``, AssignMgtKey when that header
is absent or empty), and the read-only look-ups below. Standard library only.

    with Simulator() as sim:
        ...  # base URL and auth URL = sim.base_url; credentials DEMO_LINK_ID / DEMO_SECRET_KEY / DEMO_CORP_NUM

The books: every company that signs in has generated invoices, sales (SELL), purchases (BUY) and a few
consigned (TRUSTEE). The demo company's (DEMO_CORP_NUM) are ``book_size`` (300) from ``book_seed``, written over
the nine months before ``book_today`` (today in Korea). Any other company's answer any date window at the same
pace: the months a call needs are made then from ``book_seed``, its CorpNum and the month alone (the same on
every start), the most recently used 36 kept in memory (ledgers.py), so the vendor's example programs (their
partner EXAMPLE_LINK_ID and CorpNum 1234567890) find invoices in their fixed windows. About a third have no
document ID on our side (issued on the website, ``interOPYN`` false): AssignMgtKey gives them one (kept for the
simulator's lifetime), and GetInfo then finds them. The look-ups always look the book up strictly; SendEmail and
AssignMgtKey accept keys that are not in it (tests and benchmarks make keys up) unless ``strict=True``.
``sim.state.add()`` puts more in.

==========================================================  ===========================================
request                                                     answer
==========================================================  ===========================================
``GET /Taxinvoice/{MgtKeyType}?DType=&SDate=&EDate=…``      Search: every filter of the vendor SDK, empty
                                                            ones too; PerPage 1..1000 (500); at most 6
                                                            months, else 400/-99000004
``GET /Taxinvoice/{MgtKeyType}/{MgtKey}``                   GetInfo (TaxinvoiceInfo); unknown -11000005
``GET /Taxinvoice/{MgtKeyType}/{MgtKey}?Detail``            GetDetailInfo (the whole invoice)
``GET /Taxinvoice/{ItemKey}?Detail``                        the detail by ItemKey; unknown -11000005
``POST /Taxinvoice/{MgtKeyType}`` + JSON array              GetInfos: the TaxinvoiceInfo of those found
==========================================================  ===========================================

Magic values (prefix match, case-sensitive; checked after the format checks, in this order):

==========================  ==============  ===========================================================
value                       call            answer
==========================  ==============  ===========================================================
MgtKey starts ``NOIP``      either          403, -99910006 calling IP address not allowed
MgtKey starts ``NOPOINT``   either          400, -99005001 not enough points
MgtKey starts ``NOTFOUND``  SendEmail       400, -11000005 invoice not found
MgtKey starts ``NOMAIL``    SendEmail       400, -11005002 mail cannot be sent in this state
ItemKey starts ``000000``   AssignMgtKey    400, -11000005 invoice not found
ItemKey starts ``111111``   AssignMgtKey    400, -11005018 invoice already has a document ID
MgtKey starts ``TAKEN``     AssignMgtKey    400, -11001038 document ID used by another invoice
CorpNum ``0000000000``      token           400, -10000012 not a member (no token issued)
==========================  ==============  ===========================================================

Other answers: an ItemKey that is not 18 digits is 400/-11000000; a receiver without "@" is 400/-11005011;
a /Taxinvoice/{A}/{B} call that is neither SendEmail nor AssignMgtKey (other override, body not JSON, or not
form-encoded ``MgtKey=``) is 400/-11000001; an unknown path or ServiceID is 404/-99000001. In the book: a second
assign to an invoice is -11005018, a document ID another invoice has is -11001038, an invoice of another
MgtKeyType is -11000005, mail for an invoice never issued (1xx) is -11005002. Invented codes (the vendor names
none): -99000001 unknown API, -99000002 unreadable request body, -99000003 bad Search parameter (named in the
message), -99000004 Search period over 6 months, -99010002 x-lh-version is not 2.0, -99010003 malformed token
request body.

Faults (``Simulator.fault`` for /Taxinvoice calls, ``Simulator.auth_fault`` for the token service) are named
in FAULTS and AUTH_FAULTS; ``Simulator.fault_next(name, times)`` faults only the next requests (a retry then
succeeds). The request is recorded even when faulted; ``RecordedRequest.kind`` is one of KINDS.
``done-then-reset`` and ``done-then-500`` CARRY OUT an AssignMgtKey or SendEmail (or issue the token) and then
reset the connection or answer an HTML 500 page: the answer is lost although the call was done. Look-ups pass them
unfaulted (and uncounted by fault_next), so the lost answer can be settled by looking the invoice up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from popbill_gui.simulator.book import BookInvoice
    from popbill_gui.simulator.names import AUTH_FAULTS, FAULTS
    from popbill_gui.simulator.server import (
        DEMO_CORP_NUM,
        DEMO_LINK_ID,
        DEMO_SECRET_KEY,
        EXAMPLE_LINK_ID,
        EXAMPLE_SECRET_KEY,
        KINDS,
        RecordedRequest,
        Simulator,
    )
    from popbill_gui.simulator.state import InvoiceBook

# Loaded on first use (PEP 562): `popbill-cli` builds its parser from names.py and never starts a server, and a
# program that only names the demo's constants does not load the HTTP server and the books.
_WHERE = {
    "AUTH_FAULTS": "names",
    "FAULTS": "names",
    "BookInvoice": "book",
    "InvoiceBook": "state",
    **dict.fromkeys(
        (
            "DEMO_CORP_NUM",
            "DEMO_LINK_ID",
            "DEMO_SECRET_KEY",
            "EXAMPLE_LINK_ID",
            "EXAMPLE_SECRET_KEY",
            "KINDS",
            "RecordedRequest",
            "Simulator",
        ),
        "server",
    ),
}

__all__ = [
    "AUTH_FAULTS",
    "DEMO_CORP_NUM",
    "DEMO_LINK_ID",
    "DEMO_SECRET_KEY",
    "EXAMPLE_LINK_ID",
    "EXAMPLE_SECRET_KEY",
    "FAULTS",
    "KINDS",
    "BookInvoice",
    "InvoiceBook",
    "RecordedRequest",
    "Simulator",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
