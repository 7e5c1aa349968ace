"""The simulator's answer codes and their messages in Korean and English."""

from __future__ import annotations

# Success. Code 1 is shared by both calls, so its text is keyed by operation, not by code.
OK = 1

# Codes the vendor publishes (docs/PROTOCOL.md, "Errors" and the vendor's error tables).
INVOICE_NOT_FOUND = -11000005  # no invoice for that MgtKey (or the ItemKey's invoice is missing)
INVOICE_MISSING = -11000000  # "e-Tax invoice does not exist": used for an ItemKey that is not 18 digits
REQUEST_NOT_PROCESSABLE = -11000001  # the request could not be dispatched (bad override, bad body)
INVALID_MGT_KEY_TYPE = -11010008
INVALID_MGT_KEY = -11001035
MGT_KEY_IN_USE = -11001038
ALREADY_HAS_MGT_KEY = -11005018
MAIL_NOT_SENDABLE = -11005002
INVALID_RECEIVER = -11005011
NOT_ENOUGH_POINTS = -99005001
IP_NOT_ALLOWED = -99910006
TOKEN_MISSING = -10000034
TOKEN_INVALID = -10000033
TOKEN_EXPIRED = -99000026
NOT_A_MEMBER = -10000012  # vendor table: no member for that LinkID and business registration number
LINKHUB_DATE_OUT_OF_WINDOW = -99010004
LINKHUB_SIGNATURE_MISMATCH = -99010007

# Codes invented for the simulator: the vendor's tables name none for these cases.
NOT_FOUND = -99000001  # unknown path, unknown ServiceID or method
LINKHUB_BAD_VERSION = -99010002  # x-lh-version is not "2.0"
LINKHUB_BAD_REQUEST = -99010003  # token request body is not {"access_id": 10 digits, "scope": [..."member"]}
BAD_REQUEST_BODY = -99000002  # request body unreadable: bad Content-Length or chunking, or over 1 MiB
BAD_SEARCH = -99000003  # a Search parameter is missing or malformed (the message names it)
SEARCH_RANGE_TOO_LONG = -99000004  # SDate to EDate covers more than 6 months

KO = "ko"
EN = "en"

# code -> (Korean, English)
MESSAGES: dict[int, tuple[str, str]] = {
    INVOICE_NOT_FOUND: (
        "해당 문서번호의 세금계산서가 존재하지 않습니다.",
        "Document ID does not exist.",
    ),
    INVOICE_MISSING: (
        "세금계산서 정보가 존재하지 않습니다. 팝빌번호(ItemKey)를 확인하세요.",
        "The e-Tax invoice does not exist. Check the ItemKey.",
    ),
    REQUEST_NOT_PROCESSABLE: (
        "세금계산서 요청을 처리할 수 없습니다.",
        "Unable to process the request for the e-Tax invoice.",
    ),
    INVALID_MGT_KEY_TYPE: (
        "문서번호 유형이 올바르지 않습니다.",
        "Invalid MgtKeyType.",
    ),
    INVALID_MGT_KEY: (
        "문서번호가 올바르지 않습니다. 영문, 숫자, '-', '_' 조합으로 1~24자까지 입력할 수 있습니다.",
        "Invalid document ID. Use 1 to 24 letters, digits, '-' or '_'.",
    ),
    MGT_KEY_IN_USE: (
        "다른 세금계산서에서 이미 사용 중인 문서번호입니다.",
        "The document ID is already used by another e-Tax invoice.",
    ),
    ALREADY_HAS_MGT_KEY: (
        "이미 문서번호가 할당된 세금계산서입니다.",
        "The e-Tax invoice already has a document ID.",
    ),
    MAIL_NOT_SENDABLE: (
        "세금계산서의 현재 상태에서는 메일을 전송할 수 없습니다.",
        "The mail cannot be sent in the e-Tax invoice's current state.",
    ),
    INVALID_RECEIVER: (
        "수신자 이메일 주소가 올바르지 않습니다.",
        "Invalid receiver email address.",
    ),
    NOT_ENOUGH_POINTS: (
        "포인트가 부족합니다.",
        "Not enough points.",
    ),
    IP_NOT_ALLOWED: (
        "허용되지 않은 IP 주소에서 호출하였습니다.",
        "The calling IP address is not allowed.",
    ),
    TOKEN_MISSING: (
        "인증 토큰이 입력되지 않았습니다.",
        "Auth token is not entered.",
    ),
    TOKEN_INVALID: (
        "인증 토큰 해석에 실패하였습니다.",
        "Token interpretation failed.",
    ),
    TOKEN_EXPIRED: (
        "인증 토큰의 유효기간이 만료되었습니다.",
        "The session token has expired.",
    ),
    NOT_A_MEMBER: (
        "연동회원으로 가입되지 않은 사업자번호입니다.",
        "No member exists for this LinkID and business registration number.",
    ),
    LINKHUB_DATE_OUT_OF_WINDOW: (
        "요청 시간이 허용 범위를 벗어났습니다. 컴퓨터의 시간을 확인하세요.",
        "The request time is outside the accepted window. Check the computer's clock.",
    ),
    LINKHUB_SIGNATURE_MISMATCH: (
        "링크허브 인증 정보가 일치하지 않습니다. LinkID와 SecretKey를 확인하세요.",
        "LINKHUB authentication failed: check the LinkID and SecretKey.",
    ),
    NOT_FOUND: (
        "요청한 API를 찾을 수 없습니다.",
        "The requested API does not exist.",
    ),
    LINKHUB_BAD_VERSION: (
        "지원하지 않는 API 버전입니다.",
        "Unsupported API version.",
    ),
    LINKHUB_BAD_REQUEST: (
        "토큰 요청 형식이 올바르지 않습니다.",
        "Malformed token request.",
    ),
    BAD_REQUEST_BODY: (
        "요청 본문을 읽을 수 없습니다.",
        "The request body cannot be read.",
    ),
    BAD_SEARCH: (
        "검색 조건이 올바르지 않습니다.",
        "Invalid search parameter.",
    ),
    SEARCH_RANGE_TOO_LONG: (
        "조회 기간은 최대 6개월입니다. 기간을 나누어 조회하세요.",
        "The search period is at most 6 months: search one period at a time.",
    ),
}

# operation -> (Korean, English), for code 1
SUCCESS_MESSAGES: dict[str, tuple[str, str]] = {
    "send_email": ("이메일 재전송 완료", "Email has been resent."),
    "assign": ("할당 완료", "Document ID has been assigned."),
}


def language_of(accept_language: str | None) -> str:
    """English when Accept-Language starts with "en", Korean (the server's default) otherwise."""
    if accept_language is not None and accept_language.strip().lower().startswith("en"):
        return EN
    return KO


def message(code: int, language: str) -> str:
    """The error message for a code in a language ("ko" or "en")."""
    ko, en = MESSAGES[code]
    return en if language == EN else ko


def success_message(operation: str, language: str) -> str:
    """The success message of an operation ("send_email" or "assign")."""
    ko, en = SUCCESS_MESSAGES[operation]
    return en if language == EN else ko
