"""Point the vendor's popbill/linkhub SDK at the simulator, without changing the SDK's code.

Import only inside a process that has the SDK (the scratch venv), never from popbill_gui.
"""

from __future__ import annotations

import http.client
import types
from urllib.parse import urlsplit

# Copies of popbill_gui.simulator's demo credentials (the SDK's venv has no popbill_gui to import them from).
DEMO_LINK_ID = "POPBILL_GUI_DEMO"
DEMO_SECRET_KEY = "7imtb8WN0L00WXbRqA6BbJJcvWRMAzQQIpmtSJ96Fgg="
DEMO_CORP_NUM = "1248100998"


def point_sdk_at(base_url: str) -> None:
    """Send the SDK's token requests and API calls to base_url ("http://127.0.0.1:PORT")."""
    import linkhub
    import popbill.base

    # The token service URL is a supported SDK setting.
    linkhub.authURL(base_url)

    # The API hosts are hard-coded https hosts: name the simulator instead, and let the SDK's
    # "HTTPSConnection" be a plain HTTPConnection (it takes "host:port" the same way).
    netloc = urlsplit(base_url).netloc
    for name in (
        "ServiceURL_REAL",
        "ServiceURL_TEST",
        "ServiceURL_Static_REAL",
        "ServiceURL_Static_TEST",
        "ServiceURL_GA_REAL",
        "ServiceURL_GA_TEST",
    ):
        setattr(popbill.base, name, netloc)
    popbill.base.httpclient = types.SimpleNamespace(HTTPSConnection=http.client.HTTPConnection)
