"""The sentences and labels of finding invoices from the command line, and of assign files by NTS number.

Korean and English, keyed like the rest of `messages.CATALOG`, which takes them in (kept apart so that neither
module grows past what one can read). Imports nothing: `messages` imports it.
"""

from __future__ import annotations

LOOKUP_CATALOG: dict[str, tuple[str, str]] = {
    # ---- assign files that name invoices by NTS confirmation number (batch/reader.py) ----
    "batch.both_id_columns": (
        "세금계산서를 팝빌번호 열({item_key})과 국세청승인번호 열({nts})로 함께 지정하고 있습니다. 두 열 중 하나만 "
        "남기세요. 국세청승인번호로 할당한 결과 파일에는 두 열이 다 있으니, 찾아 둔 팝빌번호를 쓰려면 국세청승인번호 "
        "열을 지우세요.",
        "The file names its invoices both by POPBiLL number (column {item_key}) and by NTS confirmation number (column "
        "{nts}): keep only one of the two columns. The results file of an NTS batch has both: delete its NTS column "
        "to use the POPBiLL numbers it found.",
    ),
    "batch.nts_instead": (
        "팝빌번호 대신 국세청승인번호(NTSConfirmNum/국세청승인번호) 열로 세금계산서를 지정해도 됩니다.",
        "Instead of POPBiLL numbers, the invoices may be named in an NTSConfirmNum/국세청승인번호 column.",
    ),
    "batch.duplicate_nts": (
        "같은 국세청승인번호가 {first_row}행에도 있습니다. 한 문서에는 문서번호를 한 번만 할당할 수 있습니다.",
        "The same NTS confirmation number is already in row {first_row}: an invoice can be given a document ID "
        "only once.",
    ),
    "batch.nts_number": (
        "국세청승인번호가 숫자 셀에 들어 있어 엑셀이 15번째 뒤의 숫자를 잃었을 수 있습니다. 셀 서식을 '텍스트'로 "
        "바꾸고 번호를 다시 입력하세요(20250312-41000089-00001234처럼 '-'를 넣어도 됩니다).",
        "The NTS confirmation number is stored as a number, so Excel may have lost its digits after the 15th. "
        "Format the cells as Text and enter the numbers again (with hyphens, e.g. 20250312-41000089-00001234).",
    ),
    "batch.resolving": (
        "국세청승인번호로 세금계산서를 찾는 중: {done}/{total}",
        "Finding the invoices by NTS confirmation number: {done} of {total}",
    ),
    # ---- popbill-cli search / info (cli/lookup.py) ----
    "cli.date": (
        "{option}에는 날짜를 YYYY-MM-DD 형식으로 적으세요(예: 2025-03-31). 받은 값: {value}",
        "{option} takes a date written YYYY-MM-DD (e.g. 2025-03-31), not {value}",
    ),
    "cli.info_usage": (
        "--item-key 하나만, 또는 --type과 --mgt-key를 함께 지정하세요.",
        "Give either --item-key, or --type with --mgt-key.",
    ),
    "cli.out_suffix": (
        "--out에는 .csv 또는 .xlsx로 끝나는 파일 이름을 지정하세요.",
        "--out must name a file ending in .csv or .xlsx.",
    ),
    "search.progress": (
        "조회 중: 기간 {windows}개 중 {window}개 완료, {pages}쪽, {found}건",
        "Searching: {window} of {windows} period(s) done, {pages} page(s), {found} found",
    ),
    "search.found": (
        "{count}건을 찾았습니다(요청 {requests}회).",
        "{count} invoice(s) found ({requests} request(s)).",
    ),
    "search.none": (
        "조건에 맞는 세금계산서가 없습니다. 기간(--from, --to), 일자 유형(--date-kind)과 문서유형(--type)을 "
        "확인하세요.",
        "No invoice matches: check the period (--from, --to), the kind of date (--date-kind) and the type (--type).",
    ),
    "search.cancelled": ("조회를 취소했습니다.", "Search cancelled."),
    "search.written": ("목록을 저장했습니다: {path}", "List written to {path}"),
    # ---- the columns and labels of an invoice (core/invoice_table.py) ----
    "col.mgt_key_type": ("문서유형", "MgtKeyType"),
    "col.write_date": ("작성일자", "Written"),
    "col.partner": ("거래처", "Partner"),
    "col.corp_num": ("사업자번호", "Business no."),
    "col.supply": ("공급가액", "Supply"),
    "col.tax": ("세액", "Tax"),
    "col.total": ("합계금액", "Total"),
    "col.state_code": ("상태코드", "State code"),
    "col.state": ("상태", "State"),
    # The key columns' headers are the batch reader's, so an exported list can be fed back in.
    "col.nts": ("국세청승인번호", "NTSConfirmNum"),
    "col.mgt_key": ("문서번호", "MgtKey"),
    "col.item_key": ("팝빌번호", "ItemKey"),
    "col.issue_dt": ("발행일시", "Issued"),
    "col.emails": ("거래처 메일", "Partner e-mail"),
    "col.addr": ("거래처 주소", "Partner address"),
    "col.none": ("(없음)", "(none)"),
    "type.SELL": ("매출", "sales"),
    "type.BUY": ("매입", "purchases"),
    "type.TRUSTEE": ("위수탁", "consigned"),
}
