"""The sentences about reading a file as the clerk sees it, in Korean and English: key cells Excel changed, the sheet
and the rows Excel shows, files too big or too wide for an invoice list, protected files, headers that come close,
what the reader assumed, and results files that cannot be written where asked. Part of `messages.CATALOG` (merged
there); keyed and worded the same way.
"""

from __future__ import annotations

READING_CATALOG: dict[str, tuple[str, str]] = {
    # ---- a key cell (document ID, ItemKey, NTS number) that Excel did not keep as typed: core/cells.py ----
    "cell.long_number": (
        "엑셀이 이 값을 숫자로 저장해 15번째 뒤의 숫자를 잃었을 수 있습니다(엑셀 표시: {shown}). 이 열의 서식을 "
        "'텍스트'로 바꾸고 값을 다시 입력하세요.",
        "Excel stored this value as a number and may have lost its digits after the 15th (Excel shows {shown}). "
        "Format the column as Text and type the values again.",
    ),
    "cell.e_notation": (
        "엑셀이 이 숫자를 {shown}(으)로 보여 줍니다. 보이는 그대로 보낼 수 없으니, 이 열의 서식을 '텍스트'로 바꾸고 "
        "값을 다시 입력하세요.",
        "Excel shows this number as {shown}, which cannot be sent as you see it. Format the column as Text and type "
        "the values again.",
    ),
    "cell.fraction": (
        "엑셀이 이 값을 소수가 있는 숫자({shown})로 저장했습니다. 이 열의 서식을 '텍스트'로 바꾸고 값을 다시 "
        "입력하세요.",
        "Excel stored this value as a number with decimals ({shown}). Format the column as Text and type the values "
        "again.",
    ),
    "cell.format": (
        "엑셀이 이 숫자를 셀 서식 '{format}'(으)로 보여 주어, 보이는 그대로 옮길 수 없습니다. 이 열의 서식을 "
        "'텍스트'로 바꾸고 값을 다시 입력하세요.",
        "Excel shows this number through the cell format '{format}', which cannot be taken over exactly as you see "
        "it. Format the column as Text and type the values again.",
    ),
    "cell.date": (
        "엑셀이 이 값을 날짜나 시각({shown})으로 바꿨습니다. 이 열의 서식을 '텍스트'로 바꾸고 값을 다시 입력하세요.",
        "Excel turned this value into a date or time ({shown}). Format the column as Text and type the values again.",
    ),
    # ---- the sheet and the rows Excel shows: batch/xlsx.py ----
    "batch.sheet_hidden": (
        "{name}: 엑셀이 파일을 열 때 보여 주는 시트 '{sheet}'이(가) 숨겨져 있습니다. 보낼 목록이 있는 시트를 숨기기 "
        "취소하고, 그 시트를 선택한 채 저장하세요.",
        "{name}: the sheet Excel opens the file with, '{sheet}', is hidden. Unhide the sheet with the list, select "
        "it, and save the file.",
    ),
    "batch.first_sheet_hidden": (
        "{name}: 첫 시트 '{sheet}'이(가) 숨겨져 있고, 파일을 열 때 보여 줄 다른 시트가 정해져 있지 않습니다. 보낼 "
        "목록이 있는 시트를 숨기기 취소하고, 그 시트를 선택한 채 저장하세요.",
        "{name}: the first sheet, '{sheet}', is hidden and no other sheet is set to open. Unhide the sheet with the "
        "list, select it, and save the file.",
    ),
    "batch.sheet_not_table": (
        "{name}: 엑셀이 파일을 열 때 보여 주는 '{sheet}'은(는) 표가 아니라 차트 시트입니다. 목록이 있는 시트를 "
        "선택한 채 저장하세요.",
        "{name}: what Excel opens the file with, '{sheet}', is a chart, not a sheet of cells. Select the sheet with "
        "the list and save the file.",
    ),
    "batch.hidden_row": (
        "숨겨진 행이라 보내지 않았습니다.",
        "A hidden row: left out, not sent.",
    ),
    "batch.hidden_rows": (
        "{name}: 숨겨진 행이 {count:,}개 있습니다(필터나 숨기기, 윤곽 접기): {rows}. 숨겨진 행도 보낼지, 빼고 "
        "보낼지 정하세요.",
        "{name}: {count:,} row(s) are hidden (by a filter, by hand or in a collapsed outline): {rows}. Choose "
        "whether to send the hidden rows too or to leave them out.",
    ),
    # ---- notes: what the reader read or assumed, for the preview and the command line's summary ----
    "batch.note.sheet": ("시트: {sheet}", "Sheet: {sheet}"),
    "batch.note.type_assumed": (
        "문서유형 열이 없어 모든 행을 매출로 읽었습니다.",
        "There is no type column: every row is read as sales (매출).",
    ),
    "batch.note.hidden": ("숨겨진 행 {count:,}개: {rows}", "{count:,} hidden row(s): {rows}"),
    "batch.checked": (
        "행 {rows:,}개 중 올바른 행 {valid:,}개, 올바르지 않은 행 {invalid:,}개. 아무것도 보내지 않았습니다.",
        "{rows:,} row(s): {valid:,} valid, {invalid:,} not valid. Nothing was sent.",
    ),
    "batch.rows_more": (" 외 {count:,}개", " and {count:,} more"),
    "batch.note.extra": ("결과 파일에 함께 적을 열: {columns}", "Your columns, kept in the results: {columns}"),
    # ---- headers that come close to a column's name: batch/headers.py ----
    "batch.header_closest": (
        "비슷한 머리글: {guesses}. 머리글을 이렇게 고치면 읽을 수 있습니다.",
        "Headers close to a column's name: {guesses}. Rename them so and the file can be read.",
    ),
    "batch.headers_found": (
        "이 파일의 머리글: {headers}",
        "This file's header: {headers}",
    ),
    # ---- files no invoice list is: batch/xlsx.py, batch/reader.py ----
    "batch.too_many_records": (
        "{name}: 목록이 {row:,}행까지 내려갑니다. 빈 행을 포함해 {limit:,}행까지 읽으니, 목록 아래의 값과 빈 행을 "
        "지우거나 파일을 나누세요.",
        "{name}: the list goes down to row {row:,}. At most {limit:,} rows are read, blank ones included: delete what "
        "is below the list, or split the file.",
    ),
    "batch.too_wide": (
        "{name}: {row:,}행의 {cell} 셀에 값이 있습니다. 목록은 {limit:,}번째 열까지 읽으니, 그 값을 지우거나 목록만 "
        "새 파일로 저장하세요.",
        "{name}: cell {cell} in row {row:,} holds a value. Lists are read up to their {limit:,}th column: delete that "
        "value, or save only the list as a new file.",
    ),
    "batch.row_too_many_cells": (
        "{name}: 시트의 한 행에 셀이 {limit:,}개를 넘게 들어 있어 세금계산서 목록으로 읽을 수 없습니다. 엑셀에서 "
        "목록만 새 파일(.xlsx 또는 CSV)로 저장하세요.",
        "{name}: a row of the sheet holds more than {limit:,} cells, which no invoice list does. Save only the list "
        "as a new file (.xlsx or CSV) from Excel.",
    ),
    "batch.too_many_cells": (
        "{name}: 시트에 셀이 {limit:,}개를 넘게 들어 있어 세금계산서 목록으로 읽을 수 없습니다. 필요한 열만 새 "
        "파일(.xlsx 또는 CSV)로 저장하거나 파일을 나누세요.",
        "{name}: the sheet holds more than {limit:,} cells, which no invoice list does. Save only the columns you "
        "need as a new file (.xlsx or CSV), or split the file.",
    ),
    "batch.too_many_strings": (
        "{name}: 파일에 서로 다른 글자 값이 {limit:,}개를 넘게 들어 있어 세금계산서 목록으로 읽을 수 없습니다. "
        "엑셀에서 목록이 있는 시트만 새 파일(.xlsx 또는 CSV)로 저장하세요.",
        "{name}: the file holds more than {limit:,} different texts, which no invoice list does. Save only the sheet "
        "with the list as a new file (.xlsx or CSV) from Excel.",
    ),
    "batch.strings_too_large": (
        "{name}: 파일의 글자 값이 모두 {size_mb} MiB로, 세금계산서 목록이라기엔 너무 큽니다({limit_mb} MiB까지 읽음). "
        "엑셀에서 목록이 있는 시트만 새 파일(.xlsx 또는 CSV)로 저장하세요.",
        "{name}: the file's texts come to {size_mb} MiB, too much for an invoice list (at most {limit_mb} MiB are "
        "read). Save only the sheet with the list as a new file (.xlsx or CSV) from Excel.",
    ),
    # ---- files that are not what their name says: batch/sniff.py ----
    "batch.xls": (
        "{name}: 예전 엑셀 형식(.xls)은 읽을 수 없습니다. 엑셀에서 열어 [다른 이름으로 저장] → 'Excel 통합 "
        "문서(*.xlsx)'로 저장한 뒤 그 파일을 고르세요.",
        "{name}: the old Excel format (.xls) cannot be read. Open it in Excel, choose Save As → 'Excel Workbook "
        "(*.xlsx)', and choose that file.",
    ),
    "batch.protected": (
        "{name}: 문서보안(DRM) 프로그램으로 암호화된 파일이라 읽을 수 없습니다. 엑셀에서 다시 저장해도 다시 "
        "암호화됩니다. 문서보안 담당자에게 보안을 해제한 파일을 받거나, 목록을 보안 없이 내보내세요.",
        "{name}: the file is encrypted by document-security (DRM) software and cannot be read; saving it again in "
        "Excel encrypts it again. Ask whoever manages document security for an unprotected copy, or export the list "
        "without protection.",
    ),
    "batch.maybe_protected": (
        "{name}: 엑셀 파일도 CSV도 아닙니다. 문서보안(DRM) 프로그램으로 암호화된 파일일 수 있습니다. 그렇다면 "
        "문서보안 담당자에게 보안을 해제한 파일을 받거나 목록을 보안 없이 내보내고, 아니라면 엑셀에서 열어 .xlsx로 "
        "다시 저장하세요.",
        "{name}: this is neither an Excel file nor a CSV file. Document-security (DRM) software may have encrypted "
        "it: then ask whoever manages document security for an unprotected copy, or export the list without "
        "protection; otherwise open it in Excel and save it as .xlsx.",
    ),
    "batch.password": (
        "{name}: 열기 암호가 걸린 엑셀 파일이라 읽을 수 없습니다. 엑셀에서 열어 [파일] → [정보] → [통합 문서 보호] "
        "→ [암호 설정]에서 암호를 지우고 저장하세요.",
        "{name}: the workbook is protected by a password and cannot be read. Open it in Excel, choose File → Info → "
        "Protect Workbook → Encrypt with Password, clear the password, and save.",
    ),
    # ---- results files: the cause a refusal can tell (batch/export.py) ----
    "results.protected_folder": (
        "{folder} 폴더에 결과 파일을 만들 수 없습니다. Windows 보안의 '제어된 폴더 액세스'나 보안 프로그램이 이 "
        "폴더를 지키고 있을 수 있습니다. 다른 폴더를 고르거나, 전산 담당자에게 이 프로그램을 허용해 달라고 하세요.",
        "No file can be created in the folder {folder}: Windows Security's Controlled folder access or another "
        "security program may be protecting it. Choose another folder, or ask IT to allow this program.",
    ),
    "results.syncing": (
        "결과 파일 {name}을(를) 바꿀 수 없습니다. OneDrive 같은 동기화 프로그램이 이 파일을 다루는 중입니다. 잠시 "
        "뒤 다시 내보내거나 동기화되지 않는 폴더를 고르세요. 각 행의 결과는 기록에 남아 있습니다.",
        "The results file {name} cannot be replaced: a sync program such as OneDrive is working on it. Export again "
        "in a moment, or choose a folder that is not synced. Every row's outcome is kept in the history.",
    ),
    "results.scanned": (
        "결과 파일 {name}을(를) 보안 프로그램(백신)이 막았습니다. 잠시 뒤 다시 내보내거나 다른 폴더를 고르세요. 각 "
        "행의 결과는 기록에 남아 있습니다.",
        "A security program (virus scanner) blocked the results file {name}. Export again in a moment, or choose "
        "another folder. Every row's outcome is kept in the history.",
    ),
    "results.disk_full": (
        "{folder} 폴더가 있는 디스크에 빈 공간이 없어 결과 파일을 쓸 수 없습니다. 공간을 비우거나 다른 곳을 고르세요.",
        "The disk holding {folder} is full: the results cannot be written. Free some space or choose another place.",
    ),
    "export.suffix": (
        "{name}: 저장할 파일 이름은 .csv 또는 .xlsx로 끝나야 합니다(엑셀이 열 수 있는 형식).",
        "{name}: the file name must end in .csv or .xlsx (what Excel opens).",
    ),
}
