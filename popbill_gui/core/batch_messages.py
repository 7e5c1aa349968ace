"""The sentences about batches, in Korean and English: files refused, rows' states, resuming, results files.

Part of the one catalog (`messages.CATALOG` merges this table in); kept apart only so that no module grows past
600 lines. Look sentences up with `messages.text`, never here.
"""

from __future__ import annotations

BATCH_CATALOG: dict[str, tuple[str, str]] = {
    # ---- batch files (popbill_gui/batch/reader.py): the file refused whole, or one row's file-level problem ----
    "batch.unsupported": (
        "{name}: 읽을 수 없는 파일 형식입니다. CSV(.csv, .txt) 또는 엑셀(.xlsx) 파일을 고르세요. "
        "예전 엑셀 파일(.xls)은 엑셀에서 .xlsx로 다시 저장하세요.",
        "{name}: this type of file cannot be read. Choose a CSV (.csv, .txt) or Excel (.xlsx) file; "
        "save an old Excel file (.xls) as .xlsx first.",
    ),
    "batch.unreadable": (
        "파일을 열지 못했습니다({name}): {reason}. 다른 프로그램에서 열려 있다면 닫고 다시 시도하세요.",
        "Could not open the file {name}: {reason}. If another program holds it, close it and try again.",
    ),
    "batch.bad_xlsx": (
        "엑셀 파일을 읽지 못했습니다({name}). 손상되었거나 암호가 걸린 파일일 수 있습니다. "
        "엑셀에서 열어 .xlsx로 다시 저장해 보세요. ({reason})",
        "The Excel file {name} could not be read: it may be damaged or password-protected. "
        "Open it in Excel and save it again as .xlsx. ({reason})",
    ),
    "batch.bad_csv": (
        "CSV 파일의 {row}행을 읽지 못했습니다: {reason}",
        "Row {row} of the CSV file could not be read: {reason}",
    ),
    "batch.encoding": (
        "파일의 문자 인코딩을 알 수 없습니다({name}). UTF-8, CP949(한글 엑셀의 'CSV (쉼표로 분리)'), "
        "UTF-16(엑셀의 '유니코드 텍스트')으로 저장된 파일만 읽을 수 있습니다. "
        "엑셀에서 'CSV UTF-8' 형식으로 다시 저장하세요.",
        "The character encoding of {name} is not recognised: only UTF-8, CP949 (what Korean Excel writes as "
        "'CSV (Comma delimited)') and UTF-16 (Excel's 'Unicode Text') can be read. Save the file from Excel as "
        "'CSV UTF-8'.",
    ),
    "batch.xlsx_too_large": (
        "{name}: 세금계산서 목록이라기엔 너무 큰 파일입니다(압축을 풀면 {size_mb} MiB, {limit_mb} MiB까지 읽음). "
        "엑셀에서 목록이 있는 시트만 새 파일(.xlsx 또는 CSV)로 저장하세요.",
        "{name}: file too large to be an invoice list (its contents unpack to {size_mb} MiB; at most {limit_mb} MiB "
        "are read). Save only the sheet with the list as a new file (.xlsx or CSV) from Excel.",
    ),
    "batch.xlsx_packed": (
        "{name}: 세금계산서 목록이라기엔 너무 큰 파일입니다(안의 {part}이(가) 압축을 풀면 {ratio}배, {size_mb} MiB로 "
        "커짐). 엑셀에서 목록이 있는 시트만 새 파일(.xlsx 또는 CSV)로 저장하세요.",
        "{name}: file too large to be an invoice list (its part {part} unpacks to {ratio} times its stored size, "
        "{size_mb} MiB). Save only the sheet with the list as a new file (.xlsx or CSV) from Excel.",
    ),
    "batch.too_large": (
        "파일이 너무 큽니다({size_mb} MiB). {limit_mb} MiB까지 읽을 수 있으니 파일을 나누세요.",
        "The file is too large ({size_mb} MiB): at most {limit_mb} MiB can be read. Split it into several files.",
    ),
    "batch.too_many_rows": (
        "데이터 행이 너무 많습니다. 한 파일에 {limit:,}행까지 처리할 수 있으니 파일을 나누세요.",
        "Too many data rows: one file may hold at most {limit:,} rows. Split it into several files.",
    ),
    "batch.empty": (
        "처리할 행이 없습니다({name}). 첫 줄에 열 이름(머리글)을, 그 아래에 한 행에 요청 하나씩 적으세요.",
        "There are no rows to process in {name}: put the column names (the header) in the first row and one "
        "request per row below it.",
    ),
    "batch.missing_columns": (
        "필요한 열이 없습니다: {columns}. 첫 줄(머리글)에 열 이름을 이렇게 적으세요.",
        "Required columns are missing: {columns}. Give the columns these names in the first row (the header).",
    ),
    "batch.duplicate_column": (
        "머리글에 같은 열이 두 번 있습니다: {column}({headers}). 하나만 남기세요.",
        "The header names the same column twice: {column} ({headers}). Keep only one.",
    ),
    "batch.duplicate_item_key": (
        "같은 팝빌번호가 {first_row}행에도 있습니다. 한 문서에는 문서번호를 한 번만 할당할 수 있습니다.",
        "The same POPBiLL number is already in row {first_row}: an invoice can be given a document ID only once.",
    ),
    "batch.duplicate_mgt_key": (
        "같은 문서유형과 문서번호(대소문자 구분 없이)가 {first_row}행에도 있습니다. 문서번호는 문서마다 달라야 합니다.",
        "The same type and document ID (ignoring case) are already in row {first_row}: each invoice needs "
        "its own document ID.",
    ),
    "batch.duplicate_request": (
        "{first_row}행과 같은 요청입니다(문서유형, 문서번호, 수신메일이 모두 같음). 그대로 보내면 메일이 두 번 갑니다.",
        "This request repeats row {first_row} (same type, document ID and receiver): the mail would be "
        "sent twice.",
    ),
    "batch.state.pending": ("대기", "pending"),
    "batch.state.sending": ("보내는 중", "sending"),
    "batch.state.done": ("완료", "done"),
    "batch.state.failed": ("실패", "failed"),
    "batch.state.unknown": ("확인 필요(팝빌 사이트에서 확인)", "check on the website"),
    "batch.state.skipped": ("건너뜀", "skipped"),
    "batch.file_refused": (
        "파일에 올바르지 않은 행이 {count}개 있어 아무것도 보내지 않았습니다(올바른 행만 보내려면 --skip-invalid):",
        "Nothing was sent: {count} row(s) of the file are not valid (use --skip-invalid to send the valid ones):",
    ),
    "batch.interrupted_exists": (
        "이 파일의 중단된 일괄 작업(#{batch})이 있습니다. 이어서 하려면 --resume을 붙여 다시 실행하세요.",
        "An interrupted batch of this file exists (#{batch}). Run again with --resume to continue it.",
    ),
    "batch.results_written": ("결과를 저장했습니다: {path}", "Results written to {path}"),
    "batch.nothing_to_resume": (
        "이 파일에는 {env} 환경, 사업자등록번호 {corp_num}(으)로 중단된 일괄 작업이 없어 이어서 할 것이 없습니다. "
        "아무것도 보내지 않았습니다.",
        "Nothing to resume: this file has no interrupted batch for the {env} environment and CorpNum {corp_num}. "
        "Nothing was sent.",
    ),
    "batch.other_account": (
        "일괄 처리 #{batch}은(는) {env} 환경, 사업자등록번호 {corp_num}(으)로 시작했습니다. "
        "같은 환경과 번호로만 이어서 할 수 있습니다.",
        "Batch #{batch} was started in the {env} environment for CorpNum {corp_num}: it can be resumed only with "
        "that environment and CorpNum.",
    ),
    "batch.finished": (
        "일괄 처리 #{batch}은(는) 이미 끝났습니다. 이어서 할 것이 없습니다.",
        "Batch #{batch} has already finished: nothing to resume.",
    ),
    "batch.running_elsewhere": (
        "일괄 처리 #{batch}은(는) 지금 다른 창이나 프로그램(popbill-cli)에서 실행 중입니다. "
        "아무것도 보내지 않았습니다. 그쪽 실행이 끝나거나 취소된 뒤에 이어서 하세요.",
        "Batch #{batch} is running in another window or program (popbill-cli) now. Nothing was sent. Resume it once "
        "that run has ended or been cancelled.",
    ),
    "batch.unknown_operation": (
        "이 버전에서는 일괄 처리 #{batch}을(를) 이어서 할 수 없습니다.",
        "Batch #{batch} cannot be resumed by this version.",
    ),
    "batch.source_unreadable": (
        "일괄 처리 #{batch}을(를) 이어서 할 수 없습니다. 파일을 읽을 수 없습니다. {reason}",
        "Batch #{batch} cannot be resumed: its file cannot be read. {reason}",
    ),
    "batch.file_changed": (
        "일괄 처리 #{batch}을(를) 이어서 할 수 없습니다. 시작한 뒤 파일 {path}이(가) 바뀌었습니다. "
        "원래 파일을 되돌려 놓거나, 팝빌 사이트에서 행을 확인하세요.",
        "Batch #{batch} cannot be resumed: its file {path} has changed since the batch started. Put the original "
        "file back, or check the rows on the POPBiLL website.",
    ),
    "batch.history_unusable": (
        "이력을 쓸 수 없어 아무것도 보내지 않습니다: {reason}",
        "The history cannot be used, so nothing is sent: {reason}",
    ),
    # ---- results files (popbill_gui/batch/export.py): the target cannot be written ----
    "results.in_use": (
        "결과 파일 {name}을(를) 바꿀 수 없습니다. 엑셀 같은 다른 프로그램에 열려 있다면 그 프로그램에서 닫고 다시 "
        "내보내세요. 열려 있지 않다면 동기화(OneDrive)나 백신 검사 중일 수 있으니 잠시 뒤 다시 내보내세요. 각 행의 "
        "결과는 기록에 남아 있어 나중에도 내보낼 수 있습니다.",
        "The results file {name} cannot be replaced: if another program such as Excel has it open, close it there and "
        "export again; if none has, it may be being synced (OneDrive) or scanned: export again in a moment. Every "
        "row's outcome is kept in the history and can be exported from there later.",
    ),
    "results.is_folder": (
        "{path}은(는) 폴더입니다. .csv 또는 .xlsx로 끝나는 파일 이름을 지정하세요.",
        "{path} is a folder: name a file ending in .csv or .xlsx.",
    ),
    "results.read_only": (
        "결과 파일 {name}은(는) 읽기 전용이라 바꿀 수 없습니다. "
        "다른 이름으로 내보내거나 파일 속성에서 읽기 전용을 해제하세요.",
        "The results file {name} is read-only and cannot be replaced: export under another name, or clear its "
        "read-only attribute.",
    ),
    "results.not_writable": (
        "{folder} 폴더에 결과 파일을 쓸 수 없습니다({reason}). 문서 폴더처럼 쓸 수 있는 폴더를 고르세요.",
        "The results cannot be written in the folder {folder} ({reason}). Choose a folder you can write to, such as "
        "Documents.",
    ),
    "batch.cancelling": (
        "취소합니다. 보내는 중인 요청은 끝까지 기록합니다.",
        "Cancelling: no new call starts; calls in flight finish and are recorded.",
    ),
    "batch.stopped": (
        "모든 행에 같은 오류가 날 것이라 일괄 작업을 멈췄습니다:",
        "The batch stopped, because every row would fail the same way:",
    ),
    "batch.item_key_number": (
        "팝빌번호가 숫자 셀에 들어 있어 엑셀이 15번째 뒤의 숫자를 잃었을 수 있습니다. 셀 서식을 '텍스트'로 바꾸고 "
        "번호를 다시 입력하세요.",
        "The POPBiLL number is stored as a number, so Excel may have lost its digits after the 15th. Format the "
        "cells as Text and enter the POPBiLL numbers again.",
    ),
}
