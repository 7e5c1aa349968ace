"""The simulator's Linkhub token service: POST /{ServiceID}/Token with the LINKHUB signature and date check."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from datetime import datetime, timezone

from popbill_gui.simulator import messages
from popbill_gui.simulator.state import find_magic
from popbill_gui.simulator.wire import HandlerBase

SERVICE_IDS = ("POPBILL_TEST", "POPBILL")
LINKHUB_VERSION = "2.0"
LH_DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
EXPIRATION_FORMAT = "%Y-%m-%dT%H:%M:%S.000Z"

# [0-9], not \d: \d also matches non-ASCII digits.
_LH_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_CORP_NUM_RE = re.compile(r"[0-9]{10}")


def format_utc(timestamp: float, fmt: str) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime(fmt)


class TokenService(HandlerBase):
    """Issues session tokens for a CorpNum when the request is signed with the simulator's SecretKey."""


    def _token(self, path: str, body: bytes) -> None:
        sim = self.server.simulator
        service_id = path.split("/")[1]
        if service_id not in SERVICE_IDS:
            self._error(404, messages.NOT_FOUND)
            return

        authorization = (self.headers.get("Authorization") or "").split(" ")
        partner_key = sim.partners.get(authorization[1]) if len(authorization) == 3 else None
        if partner_key is None or authorization[0] != "LINKHUB" or not authorization[2]:
            self._error(401, messages.LINKHUB_SIGNATURE_MISMATCH)
            return
        link_id = authorization[1]

        date = self.headers.get("x-lh-date") or ""
        try:
            if not _LH_DATE_RE.fullmatch(date):
                raise ValueError(date)
            dated = datetime.strptime(date, LH_DATE_FORMAT).replace(tzinfo=timezone.utc).timestamp()
        except ValueError:
            self._error(401, messages.LINKHUB_DATE_OUT_OF_WINDOW)
            return
        if abs(dated - sim.clock()) > sim.max_skew:
            self._error(401, messages.LINKHUB_DATE_OUT_OF_WINDOW)
            return

        version = self.headers.get("x-lh-version")
        if version != LINKHUB_VERSION:
            self._error(400, messages.LINKHUB_BAD_VERSION)
            return

        forwarded = self.headers.get("x-lh-forwarded")
        lines = ["POST", base64.b64encode(hashlib.sha256(body).digest()).decode("ascii"), date]
        if forwarded is not None:
            lines.append(forwarded)
        lines += [version, path]
        expected = base64.b64encode(hmac.new(partner_key, "\n".join(lines).encode("utf-8"), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, authorization[2].encode("utf-8", "replace")):
            self._error(401, messages.LINKHUB_SIGNATURE_MISMATCH)
            return

        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if not isinstance(request, dict):
            self._error(400, messages.LINKHUB_BAD_REQUEST)
            return
        access_id = request.get("access_id")
        scope = request.get("scope")
        if (
            not isinstance(access_id, str)
            or not _CORP_NUM_RE.fullmatch(access_id)
            or not isinstance(scope, list)
            or not all(isinstance(item, str) for item in scope)
            or "member" not in scope
        ):
            self._error(400, messages.LINKHUB_BAD_REQUEST)
            return
        magic = find_magic("token", corp_num=access_id)
        if magic is not None:
            self._error(magic.status, magic.code)
            return

        token, expires_at = sim._issue_token(service_id, access_id)
        self._json(
            200,
            {
                "session_token": token,
                "serviceID": service_id,
                "linkID": link_id,
                "usercode": "DEMO",
                "ipaddress": self.client_address[0],
                "scope": scope,
                "expiration": format_utc(expires_at, EXPIRATION_FORMAT),
            },
        )

