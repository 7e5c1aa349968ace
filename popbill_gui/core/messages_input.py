"""Sentences about what a person gives the program, in Korean and English: the usual mistakes in an e-mail address,
batch files whose columns or types are written the clerks' way, batch templates, and an ItemKey that POPBiLL did not
find. Part of `messages.CATALOG` (merged there); keyed and worded the same way.
"""

from __future__ import annotations

INPUT_CATALOG: dict[str, tuple[str, str]] = {
    # ---- e-mail addresses: our own words for the usual mistakes, never the e-mail library's English ----
    "receiver.no_at": (
        "이메일 주소에 '@'가 없습니다(예: name@example.com).",
        "An e-mail address needs an '@' (e.g. name@example.com).",
    ),
    "receiver.many_at": (
        "이메일 주소는 하나만 적으세요('@'가 {count}개 있습니다).",
        "Enter one e-mail address only (this has {count} '@' signs).",
    ),
    "receiver.no_local": (
        "'@' 앞에 이름 부분이 없습니다(예: name@example.com).",
        "Something must come before the '@' (e.g. name@example.com).",
    ),
    "receiver.no_domain": (
        "'@' 뒤에 도메인이 없습니다(예: name@example.com).",
        "Something must come after the '@' (e.g. name@example.com).",
    ),
    "receiver.domain_dot": (
        "'@' 뒤의 도메인에 점(.)이 없습니다. 'example.com'처럼 끝까지 적으세요.",
        "The part after the '@' has no dot: write it out in full, e.g. example.com.",
    ),
    "receiver.dots": (
        "점(.)의 위치가 잘못되었습니다. 점은 맨 앞이나 맨 뒤, '@' 바로 옆에 올 수 없고 두 개를 붙여 쓸 수 없습니다.",
        "A dot is out of place: it cannot come first or last, next to the '@', or twice in a row.",
    ),
    "receiver.spaces": (
        "이메일 주소에 공백이 있습니다. 공백을 지우세요.",
        "The e-mail address contains a space: remove it.",
    ),
    "receiver.control": (
        "이메일 주소에 보이지 않는 제어 문자가 있습니다. 주소를 다시 입력하세요.",
        "The e-mail address contains an invisible control character: type it again.",
    ),
    "receiver.non_ascii": (
        "'@' 앞에는 영문, 숫자, 기호만 쓸 수 있습니다(허용되지 않는 문자: {chars}).",
        "Only letters A-Z, digits and symbols may come before the '@' (not allowed: {chars}).",
    ),
    "receiver.bad_chars": (
        "이메일 주소에 쓸 수 없는 문자가 있습니다: {chars}",
        "The e-mail address contains characters that are not allowed: {chars}",
    ),
    # ---- batch files ----
    "batch.other_operation": (
        "이 파일의 열({columns})은 '{other}' 작업에 맞습니다. 작업을 '{other}' 작업으로 바꾸세요.",
        "This file's columns ({columns}) are those of {other}: choose {other} as the operation.",
    ),
    "batch.operation.resend_email": ("이메일 재전송", "Resend email"),
    "batch.operation.assign_mgt_key": ("문서번호 할당", "Assign MgtKey"),
    "batch.template_written": (
        "머리글 아래에 한 행에 요청 하나씩 적으세요. 저장한 양식: {path}",
        "Put one request per row under the header. Template written to {path}",
    ),
    # ---- advice for a POPBiLL answer, by what was looked up ----
    "hint.item_key_not_found": (
        "이 팝빌번호의 세금계산서를 찾지 못했습니다. 팝빌번호 18자리와 문서유형(매출/매입/위수탁)을 확인하세요.",
        "No invoice has this POPBiLL number. Check its 18 digits and the type (sales, purchases or consigned).",
    ),
}
