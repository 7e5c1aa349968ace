"""The command line's own advice: the commands and variables to use, in its words. The core's sentences say what
happened in general terms and name no command; each face adds where to go from there (the window: its Settings)."""

from __future__ import annotations

from ..core.errors import Kind, PopbillError
from ..core.messages import Lang

# key -> (Korean, English)
_ADVICE: dict[str, tuple[str, str]] = {
    "no_credentials": (
        "'popbill-cli login'으로 키링에 저장하거나 POPBILL_LINK_ID와 POPBILL_SECRET_KEY(또는 POPBILL_TOKEN)를 "
        "설정하세요.",
        "Save them with 'popbill-cli login', or set POPBILL_LINK_ID and POPBILL_SECRET_KEY (or POPBILL_TOKEN).",
    ),
    "secret_would_echo": (
        "이 터미널(Git Bash의 mintty 등)에서는 입력하는 비밀 값이 화면에 그대로 보이므로 읽지 않았습니다. "
        "저장된 것은 없습니다. winpty popbill-cli login ...으로 실행하거나, "
        "read -rs KEY; echo \"$KEY\" | popbill-cli login ...처럼 파이프로 넘기거나, 창의 설정에서 저장하세요.",
        "Not read: this terminal (such as Git Bash's mintty) would show the secret as it is typed. Nothing was "
        "saved. Run winpty popbill-cli login ..., or pipe it in (read -rs KEY; echo \"$KEY\" | popbill-cli login "
        "...), or save it in the window's Settings.",
    ),
}


def advice(key: str, lang: Lang) -> str:
    korean, english = _ADVICE[key]
    return korean if lang == "ko" else english


def hint(error: PopbillError) -> str | None:
    """What to do next, as the command line says it: the core's hint, else for missing credentials its commands."""
    if error.hint is None and error.kind is Kind.NO_CREDENTIALS:
        return advice("no_credentials", error.lang)
    return error.hint
