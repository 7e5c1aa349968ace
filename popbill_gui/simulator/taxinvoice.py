"""The simulator's Taxinvoice API: Bearer-token checks, SendEmail, AssignMgtKey and the read-only look-ups."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote

from popbill_gui.simulator import lookups, messages
from popbill_gui.simulator.state import MGT_KEY_TYPES, find_magic
from popbill_gui.simulator.wire import HandlerBase

if TYPE_CHECKING:
    from popbill_gui.simulator.server import _Token

_MGT_KEY_RE = re.compile(r"[A-Za-z0-9_-]{1,24}")
_ITEM_KEY_RE = re.compile(r"[0-9]{18}")


class TaxinvoiceAPI(HandlerBase):
    """/Taxinvoice/…: every call needs a valid Bearer token; the company is the token's CorpNum."""

    def _authenticate(self) -> _Token | None:
        """The caller's token, or None once a refusal has been sent."""
        sim = self.server.simulator
        authorization = (self.headers.get("Authorization") or "").strip()
        scheme, _, value = authorization.partition(" ")
        value = value.strip()
        if scheme.lower() != "bearer" or not value:
            self._error(401, messages.TOKEN_MISSING)
            return None
        token = sim._lookup_token(value)
        if token is None:
            self._error(401, messages.TOKEN_INVALID)
            return None
        if sim.clock() > token.expires_at:
            self._error(401, messages.TOKEN_EXPIRED)
            return None
        return token

    def _api(self, kind: str, parts: list[str], query: str, body: bytes) -> None:
        token = self._authenticate()
        if token is None:
            return
        corp_num = token.corp_num
        book = self.server.simulator.state
        language = self._language
        segments = [unquote(part) for part in parts[2:]]
        if kind == "send_email":
            self._send_email(corp_num, segments[0], segments[1], body)
        elif kind == "assign":
            self._assign(corp_num, segments[0], segments[1], body)
        elif kind == "search":
            self._reply(lookups.search(book, corp_num, segments[0], query, language))
        elif kind == "info":
            self._reply(lookups.get_info(book, corp_num, segments[0], segments[1], language))
        elif kind == "detail" and len(segments) == 2:
            self._reply(lookups.get_detail(book, corp_num, segments[0], segments[1], language))
        elif kind == "detail":
            self._reply(lookups.get_detail_by_item_key(book, corp_num, segments[0], language))
        elif kind == "infos":
            self._reply(lookups.get_infos(book, corp_num, segments[0], body, language))
        elif self.command == "POST" and len(parts) == 4:
            self._error(400, messages.REQUEST_NOT_PROCESSABLE)  # an override other than EMAIL
        else:
            self._error(404, messages.NOT_FOUND)

    def _reply(self, reply: lookups.Reply) -> None:
        status, payload = reply
        self._json(status, payload)

    def _send_email(self, corp_num: str, mgt_key_type: str, mgt_key: str, body: bytes) -> None:
        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if not isinstance(request, dict):
            self._error(400, messages.REQUEST_NOT_PROCESSABLE)
            return
        receiver = request.get("receiver")
        if mgt_key_type not in MGT_KEY_TYPES:
            self._error(400, messages.INVALID_MGT_KEY_TYPE)
            return
        if not _MGT_KEY_RE.fullmatch(mgt_key):
            self._error(400, messages.INVALID_MGT_KEY)
            return
        if not isinstance(receiver, str) or "@" not in receiver:
            self._error(400, messages.INVALID_RECEIVER)
            return
        magic = find_magic("send_email", mgt_key=mgt_key)
        if magic is not None:
            self._error(magic.status, magic.code)
            return
        book = self.server.simulator.state
        refusal = book.mail_refusal(corp_num, mgt_key_type, mgt_key)
        if refusal is not None:
            self._error(400, refusal)
            return
        book.record_mail(corp_num, mgt_key_type, mgt_key, receiver)
        self._success("send_email")

    def _assign(self, corp_num: str, item_key: str, mgt_key_type: str, body: bytes) -> None:
        content_type = (self.headers.get("Content-Type") or "").strip().lower()
        mgt_keys: list[str] | None = None
        if content_type.startswith("application/x-www-form-urlencoded"):
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
            except ValueError:
                form = {}
            mgt_keys = form.get("MgtKey")
        if mgt_keys is None or len(mgt_keys) != 1:
            self._error(400, messages.REQUEST_NOT_PROCESSABLE)
            return
        mgt_key = mgt_keys[0]
        if mgt_key_type not in MGT_KEY_TYPES:
            self._error(400, messages.INVALID_MGT_KEY_TYPE)
            return
        if not _ITEM_KEY_RE.fullmatch(item_key):
            self._error(400, messages.INVOICE_MISSING)
            return
        if not _MGT_KEY_RE.fullmatch(mgt_key):
            self._error(400, messages.INVALID_MGT_KEY)
            return
        magic = find_magic("assign", mgt_key=mgt_key, item_key=item_key)
        if magic is not None:
            self._error(magic.status, magic.code)
            return
        code = self.server.simulator.state.assign(corp_num, item_key, mgt_key_type, mgt_key)
        if code != messages.OK:
            self._error(400, code)
            return
        self._success("assign")

