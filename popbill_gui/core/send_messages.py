"""The sentences about what was sent and what became of it, in Korean and English: the history that cannot be
written, calls in flight, lost answers settled by looking the invoice up, edited files, rows left out, verify.

Part of the one catalog (`messages.CATALOG` merges this table in). Look sentences up with `messages.text`.
"""

from __future__ import annotations

SEND_CATALOG: dict[str, tuple[str, str]] = {
    # ---- the history file cannot be written (storage/errors.py HistoryFailure.cause) ----
    "history.failure.busy": (
        "다른 프로그램이 기록 파일({path})을 오래 쓰고 있어 기다리다 멈췄습니다. 그 프로그램이 끝나면 다시 하세요",
        "another program kept the history file ({path}) busy for too long; try again once it has finished",
    ),
    "history.failure.full": (
        "디스크가 가득 차서 기록 파일({path})에 쓸 수 없습니다. 공간을 확보하세요",
        "the disk is full, so the history file ({path}) cannot be written; free some space",
    ),
    "history.failure.corrupt": (
        "기록 파일({path})이 손상되었습니다. 파일을 다른 곳으로 옮기면 새 기록을 시작합니다",
        "the history file ({path}) is damaged; move it elsewhere and a new history is started",
    ),
    "history.failure.unwritable": (
        "기록 파일({path})이나 그 폴더에 쓸 수 없습니다. 폴더의 권한과 디스크를 확인하세요",
        "the history file ({path}) or its folder cannot be written; check the folder's permissions and the disk",
    ),
    "history.failure.other": (
        "기록 파일({path})에 쓸 수 없습니다({detail})",
        "the history file ({path}) cannot be written ({detail})",
    ),
    "history.sending": (
        "보내는 중: 응답이 기록되기 전에 프로그램이 끝났다면 처리되었을 수 있으니 팝빌 사이트에서 확인하세요.",
        "Sending: if the program ended before the answer was recorded, the request may have been carried out; "
        "check on the POPBiLL website.",
    ),
    "history.interrupted": (
        "보내는 도중에 프로그램이 끝났습니다. 처리되었을 수 있으니 팝빌 사이트에서 확인하세요.",
        "The program ended while this was being sent: it may have been carried out. Check on the POPBiLL website.",
    ),
    "error.history": (
        "기록 파일에 쓸 수 없어 보내지 않았습니다: {reason}.",
        "Nothing was sent, because the history cannot be written: {reason}.",
    ),
    "error.interrupted": (
        "요청을 보낸 뒤 중단했습니다(Ctrl+C). 요청이 처리되었을 수 있으니 팝빌 사이트에서 확인한 뒤 다시 시도하세요.",
        "Interrupted (Ctrl+C) after the request was sent: it may have been carried out. Check on the POPBiLL website "
        "before trying again.",
    ),
    "error.interrupted_before": (
        "보내기 전에 중단했습니다. 보내지 않았습니다.",
        "Interrupted before it was sent: not sent.",
    ),
    # ---- a batch stopped by its journal ----
    "batch.journal_stopped": (
        "일괄 처리 #{batch}을(를) 멈췄습니다. 기록 파일에 쓸 수 없습니다: {reason}. 보내는 중이던 행은 '확인 필요'로 "
        "둡니다. 원인이 해결되면 이 일괄 처리를 이어서 할 수 있고, 끝난 행은 다시 보내지 않습니다.",
        "Batch #{batch} stopped, because the history cannot be written: {reason}. Rows that were being sent are left "
        "as 'check on the website'. Once the cause is gone, the batch can be resumed; rows already done are not sent "
        "again.",
    ),
    "batch.result_unrecorded": (
        "응답({state})을 받았지만 기록하지 못했습니다.",
        "The answer came ({state}) but could not be recorded.",
    ),
    # ---- a lost AssignMgtKey answer settled by looking the invoice up (core/assigned.py) ----
    "check.assigned": (
        "확인됨: 조회로 확인(응답을 받지 못해 세금계산서를 조회했더니 이 문서번호가 붙어 있음)",
        "Confirmed by look-up: the answer was lost, and the invoice carries this document ID",
    ),
    "check.not_assigned": (
        "응답을 받지 못해 세금계산서를 조회했더니 문서번호가 없습니다. 처리되지 않았으므로 다시 보내도 됩니다.",
        "The answer was lost, and the invoice has no document ID: it was not carried out, and may be sent again.",
    ),
    "check.other_key": (
        "응답을 받지 못해 세금계산서를 조회했더니 다른 문서번호 {other}이(가) 붙어 있습니다(보낸 문서번호: {ours}).",
        "The answer was lost, and the invoice carries another document ID, {other} (the one sent: {ours}).",
    ),
    # ---- an edited file, an abandoned batch, rows left out ----
    "batch.file_changed_since": (
        "파일 {path}이(가) 일괄 처리 #{batch} 이후 바뀌었습니다. 그 일괄 처리를 기록된 대로 이어서 하거나"
        "(끝났거나 확인이 필요한 행은 다시 보내지 않음), 그만두세요(그 뒤 새로 실행하면 그 일괄 처리가 끝냈거나 "
        "했을 수 있는 행은 빼고 보냄). 아무것도 보내지 않았습니다.",
        "The file {path} has changed since batch #{batch}. Resume that batch as it was journaled (rows done or to "
        "check are never sent again), or abandon it (a new batch of the file then leaves out the rows it did or may "
        "have done). Nothing was sent.",
    ),
    "batch.resuming_changed": (
        "파일이 일괄 처리 #{batch} 이후 바뀌었습니다. 기록된 대로 이어서 합니다. 파일에서 바뀌거나 지워진 "
        "대기 행 {gone}개는 보내지 않고, 새로 생기거나 고친 행 {edited}개는 이 일괄 처리가 끝난 뒤 파일을 다시 "
        "실행하면 보냅니다.",
        "The file changed since batch #{batch}: resuming it as journaled. {gone} pending row(s) changed or removed in "
        "the file are not sent; {edited} row(s) new or edited in the file are sent when the file is run again after "
        "this batch.",
    ),
    "batch.edited_away": (
        "일괄 처리를 시작한 뒤 파일에서 바뀌었거나 지워져 보내지 않았습니다.",
        "Not sent: changed or removed in the file since the batch started.",
    ),
    "batch.abandoned": (
        "일괄 처리 #{batch}을(를) 그만두었습니다(완료 {done}, 확인 필요 {unknown}). 파일을 다시 실행하면 "
        "이 행들은 빼고 보냅니다. 아무것도 보내지 않았습니다.",
        "Batch #{batch} abandoned (done {done}, to check {unknown}). Running the file again leaves those rows out. "
        "Nothing was sent.",
    ),
    "batch.nothing_to_abandon": (
        "이 파일에는 {env} 환경, 사업자등록번호 {corp_num}(으)로 끝나지 않은 일괄 처리가 없습니다. 아무것도 바꾸지 "
        "않았습니다.",
        "This file has no unfinished batch for the {env} environment and CorpNum {corp_num}. Nothing was changed.",
    ),
    "batch.left_out.recent": (
        "보내지 않음: 24시간 안에 이미 {state}({when})",
        "Not sent: already {state} in the last 24 hours ({when})",
    ),
    "batch.left_out.previous": (
        "보내지 않음: 일괄 처리 #{batch}에서 이미 {state}",
        "Not sent: already {state} in batch #{batch}",
    ),
    "batch.left_out.done": ("완료", "done"),
    "batch.left_out.unknown": ("처리되었을 수 있음(확인 필요)", "maybe done (to check)"),
    "batch.left_out_count": (
        "이미 완료했거나 처리되었을 수 있는 행 {count}개는 보내지 않습니다(24시간 안의 기록, 또는 그만둔 일괄 처리).",
        "{count} row(s) done or maybe done before are left out (in the last 24 hours, or by an abandoned batch).",
    ),
    # ---- verify an assign batch (popbill-cli batch verify, the window's "팝빌에서 확인") ----
    "batch.no_assign_batch": (
        "{path} 파일로 {env} 환경, 사업자등록번호 {corp_num}에서 실행한 문서번호 할당 일괄 처리가 없습니다.",
        "There is no assign batch of {path} for the {env} environment and CorpNum {corp_num}.",
    ),
    "verify.header": (
        "일괄 처리 #{batch}의 행 {count}개를 팝빌에서 확인합니다.",
        "Checking {count} row(s) of batch #{batch} on POPBiLL.",
    ),
    "verify.carries": ("문서번호 있음", "carries its document ID"),
    "verify.none": ("문서번호 없음", "no document ID"),
    "verify.other": ("다른 문서번호 {other}", "another document ID: {other}"),
    "verify.not_found": ("팝빌에서 찾을 수 없음", "not found on POPBiLL"),
    "verify.not_given": ("이 일괄 처리가 할당하지 않음({state})", "not assigned by this batch ({state})"),
    "verify.summary": (
        "확인한 행 {checked}개 중 문서번호가 있는 행 {ok}개, 없거나 다른 행 {bad}개.",
        "Of {checked} row(s) checked, {ok} carry their document ID and {bad} do not.",
    ),
    "verify.column": ("팝빌에서 확인", "Checked on POPBiLL"),
}
