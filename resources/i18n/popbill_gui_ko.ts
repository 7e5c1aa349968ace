<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Advice</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 자격 증명 관리자</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS 키체인</translation>
    </message>
    <message>
        <source>the desktop&apos;s keyring</source>
        <translation>데스크톱의 키링</translation>
    </message>
    <message>
        <source>No credentials yet: open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your POPBiLL password).</source>
        <translation>인증 정보가 아직 없습니다. %1 메뉴를 열고 팝빌이 회사에 발급한 LinkID와 SecretKey(팝빌 비밀번호가 아닌 API 키)를 입력하세요.</translation>
    </message>
    <message>
        <source>No business registration number yet: enter it in %1.</source>
        <translation>사업자등록번호가 아직 없습니다. %1 메뉴에서 입력하세요.</translation>
    </message>
    <message>
        <source>Open %1 and enter the LinkID and SecretKey POPBiLL gave your company (the API keys, not your POPBiLL password).</source>
        <translation>%1 메뉴를 열고 팝빌이 회사에 발급한 LinkID와 SecretKey(팝빌 비밀번호가 아닌 API 키)를 입력하세요.</translation>
    </message>
    <message>
        <source>Choose Production (real work) or Test in %1 first: nothing is sent until then.</source>
        <translation>먼저 %1에서 운영(실제 업무)과 테스트 중 하나를 고르세요. 고르기 전에는 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Not looked up: no credentials yet (%1).</source>
        <translation>조회하지 않았습니다. 인증 정보가 아직 없습니다(%1).</translation>
    </message>
    <message>
        <source>Not looked up yet: the credentials are still being read from the keyring.</source>
        <translation>아직 조회하지 않았습니다. 키링에서 인증 정보를 읽는 중입니다.</translation>
    </message>
</context>
<context>
    <name>AssignPanel</name>
    <message>
        <source>Type a pattern, e.g. %1.</source>
        <translation>규칙을 입력하세요(예: %1).</translation>
    </message>
    <message>
        <source>The pattern has a { or } without its partner (write {{ or }} for the brace itself).</source>
        <translation>규칙에 짝이 없는 { 또는 }가 있습니다(중괄호 자체는 {{ 또는 }}로 씁니다).</translation>
    </message>
    <message>
        <source>%1 is not a placeholder: use {date}, {n} or {n:03}.</source>
        <translation>%1은(는) 쓸 수 있는 자리표시가 아닙니다. {date}, {n}, {n:03}을 쓰세요.</translation>
    </message>
    <message>
        <source>Select the invoices in the list (Ctrl or Shift + click for several).</source>
        <translation>목록에서 세금계산서를 선택하세요(여러 건은 Ctrl 또는 Shift + 클릭).</translation>
    </message>
    <message>
        <source>%1 of %2 selected invoices cannot get their ID: %3</source>
        <translation>선택한 %2건 중 %1건은 이 문서번호를 받을 수 없습니다: %3</translation>
    </message>
    <message>
        <source>&amp;Assign %1 IDs…</source>
        <translation>문서번호 %1건 할당(&amp;A)…</translation>
    </message>
    <message>
        <source>Patter&amp;n</source>
        <translation>규칙(&amp;N)</translation>
    </message>
    <message>
        <source>Also numb&amp;er cancelled invoices and those whose NTS filing failed</source>
        <translation>취소·국세청 전송 실패 세금계산서도 번호 매기기(&amp;E)</translation>
    </message>
    <message>
        <source>Give &amp;document IDs to the selected invoices</source>
        <translation>선택한 세금계산서에 문서번호 할당(&amp;D)</translation>
    </message>
    <message>
        <source>The selected invoices are cancelled, or their filing to the NTS failed: tick the box above to number them anyway.</source>
        <translation>선택한 세금계산서는 취소되었거나 국세청 전송에 실패한 것입니다. 그래도 번호를 매기려면 위의 확인란을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 invoices, oldest first: %2 to %3. Each ID is checked when sent.</source>
        <translation>%1건, 오래된 것부터: %2부터 %3까지. 각 문서번호는 보낼 때 확인합니다.</translation>
    </message>
    <message>
        <source>%1 cancelled or NTS-failed invoices are left out.</source>
        <translation>취소되었거나 국세청 전송에 실패한 %1건은 빠집니다.</translation>
    </message>
    <message>
        <source>Document ID pattern</source>
        <translation>문서번호 규칙</translation>
    </message>
    <message>
        <source>&amp;First number</source>
        <translation>시작 번호(&amp;F)</translation>
    </message>
    <message>
        <source>The number {n} starts from: continue from your last document ID.</source>
        <translation>{n}이 시작하는 번호입니다. 마지막 문서번호 다음부터 이어 쓰세요.</translation>
    </message>
    <message>
        <source>Left unticked, selected invoices that were cancelled (before or after issue) or whose filing to the NTS failed get no document ID.</source>
        <translation>선택하지 않으면, 선택한 세금계산서 가운데 취소(발행 전이나 후)되었거나 국세청 전송에 실패한 것에는 문서번호를 주지 않습니다.</translation>
    </message>
    <message>
        <source>{date} = written date (20260115) · {n} = 1, 2, 3… oldest first · {n:03} = 001, 002…</source>
        <translation>{date} = 작성일자(20260115) · {n} = 1, 2, 3…(오래된 순서) · {n:03} = 001, 002…</translation>
    </message>
    <message>
        <source>Everything else in the pattern is copied as typed. A document ID has at most %1 characters: letters, digits, &apos;-&apos; and &apos;_&apos;. An ID another invoice already has is flagged when that invoice is in the list; otherwise POPBiLL refuses that one row when it is sent, and the others are assigned.</source>
        <translation>규칙의 나머지 글자는 입력한 그대로 들어갑니다. 문서번호는 영문, 숫자, &apos;-&apos;, &apos;_&apos;로 %1자까지입니다. 다른 세금계산서가 이미 쓰는 번호는 그 세금계산서가 목록에 있으면 표시되고, 없으면 보낼 때 팝빌이 그 한 건만 거부하며 나머지는 할당됩니다.</translation>
    </message>
    <message>
        <source>Open the batch tab with these rows: after your confirmation they are sent, journaled and resumable, and the results can be exported.</source>
        <translation>이 행들로 일괄 처리 탭을 엽니다. 확인하면 보내지고, 기록되어 중단돼도 이어서 할 수 있으며, 결과를 내보낼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>AssignTab</name>
    <message>
        <source>Type the POPBiLL number, or press Find… to choose the invoice from a list.</source>
        <translation>팝빌번호를 입력하거나, 찾기…를 눌러 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>No invoice has this POPBiLL number</source>
        <translation>이 팝빌번호의 세금계산서가 없습니다</translation>
    </message>
    <message>
        <source>Assign this document ID to this invoice?

POPBiLL number: %3
Type: %2
Document ID: %1

This cannot be undone.</source>
        <translation>이 세금계산서에 문서번호를 할당하시겠습니까?

팝빌번호: %3
문서유형: %2
문서번호: %1

할당한 문서번호는 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>Assigned: %1</source>
        <translation>할당했습니다: %1</translation>
    </message>
    <message>
        <source>Check on the POPBiLL website whether the invoice with the POPBiLL number %1 now has the document ID %2 before assigning again: a second try is refused if it has.</source>
        <translation>다시 할당하기 전에 팝빌 사이트에서 팝빌번호 %1인 세금계산서에 이미 문서번호(%2)가 붙었는지 확인하세요. 이미 붙었다면 다시 시도해도 거부됩니다.</translation>
    </message>
    <message>
        <source>Give a document ID to an invoice issued on the POPBiLL website, found by its POPBiLL number. This cannot be undone.</source>
        <translation>팝빌 웹사이트에서 발행한 세금계산서를 팝빌번호로 찾아 문서번호를 할당합니다. 할당한 문서번호는 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>POPB&amp;iLL number</source>
        <translation>팝빌번호(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Document ID</source>
        <translation>문서번호(&amp;D)</translation>
    </message>
    <message>
        <source>The 18-digit number POPBiLL gave the invoice (ItemKey; see the invoice list on the website).</source>
        <translation>팝빌이 세금계산서에 붙인 18자리 번호(ItemKey)입니다. 팝빌 사이트의 세금계산서 목록에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The document ID to give the invoice (MgtKey): 1 to 24 characters, letters, digits, &apos;-&apos; and &apos;_&apos;. Unique per company and type.</source>
        <translation>세금계산서에 붙일 문서번호(MgtKey): 영문, 숫자, &apos;-&apos;, &apos;_&apos;로 1~24자. 회사와 문서유형마다 겹치지 않아야 합니다.</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>문서유형(&amp;T)</translation>
    </message>
    <message>
        <source>POPBiLL number</source>
        <translation>팝빌번호</translation>
    </message>
    <message>
        <source>Document ID (MgtKey) to assign</source>
        <translation>할당할 문서번호(MgtKey)</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>할당(&amp;A)</translation>
    </message>
    <message>
        <source>Assign the document ID</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>세금계산서</translation>
    </message>
    <message>
        <source>Fi&amp;nd…</source>
        <translation>찾기(&amp;N)…</translation>
    </message>
    <message>
        <source>Choose the invoice from a list of yours: no POPBiLL number needed.</source>
        <translation>내 세금계산서 목록에서 고릅니다. 팝빌번호를 몰라도 됩니다.</translation>
    </message>
</context>
<context>
    <name>BatchHandoff</name>
    <message>
        <source>The document IDs chosen in Find were written to %1.</source>
        <translation>찾기에서 정한 문서번호를 %1 파일에 저장했습니다.</translation>
    </message>
    <message>
        <source>The invoices whose mails are resent were written to %1.</source>
        <translation>메일을 재전송할 세금계산서 목록을 %1에 저장했습니다.</translation>
    </message>
    <message>
        <source>%1 without a document ID (%2)</source>
        <translation>문서번호가 없는 %1건(%2)</translation>
    </message>
    <message>
        <source>%1 without an e-mail address on the invoice (%2)</source>
        <translation>세금계산서에 메일 주소가 없는 %1건(%2)</translation>
    </message>
    <message>
        <source>Left out of the resend: %1.</source>
        <translation>재전송에서 뺀 세금계산서: %1.</translation>
    </message>
    <message>
        <source>Check the rows on the Batch tab, then press Start to resend the mails.</source>
        <translation>일괄 처리 탭에서 행을 확인한 뒤 시작을 눌러 메일을 재전송하세요.</translation>
    </message>
    <message>
        <source>Start that file on the Batch tab once the batch under way has ended.</source>
        <translation>진행 중인 일괄 처리가 끝나면 일괄 처리 탭에서 그 파일을 시작하세요.</translation>
    </message>
    <message>
        <source>The invoices chosen in Find were not handed to the batch tab: %1</source>
        <translation>찾기에서 고른 세금계산서를 일괄 처리 탭으로 넘기지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>BatchQuestions</name>
    <message>
        <source>Include hidden &amp;rows</source>
        <translation>숨겨진 행도 보내기(&amp;R)</translation>
    </message>
    <message>
        <source>Send the rows Excel hides like the others.</source>
        <translation>엑셀에서 숨겨진 행도 다른 행처럼 보냅니다.</translation>
    </message>
    <message>
        <source>Lea&amp;ve them out</source>
        <translation>빼고 보내기(&amp;V)</translation>
    </message>
    <message>
        <source>Send only the rows Excel shows; the hidden ones are listed as skipped.</source>
        <translation>엑셀에 보이는 행만 보내고, 숨겨진 행은 건너뜀으로 표시합니다.</translation>
    </message>
    <message>
        <source>Send them again an&amp;yway</source>
        <translation>그래도 다시 보내기(&amp;Y)</translation>
    </message>
    <message>
        <source>Send these rows too, although they were done, or may have been, before.</source>
        <translation>이미 완료했거나 처리되었을 수 있는 행이지만 함께 보냅니다.</translation>
    </message>
    <message>
        <source>Resume as &amp;journaled</source>
        <translation>기록된 대로 이어서 하기(&amp;J)</translation>
    </message>
    <message>
        <source>Send the rest of the batch as it was when it started: rows done or to check are not sent again, rows changed in the file since are left for the file&apos;s next run.</source>
        <translation>일괄 처리를 시작할 때의 내용대로 나머지를 보냅니다. 끝났거나 확인이 필요한 행은 다시 보내지 않고, 그 뒤 파일에서 바뀐 행은 파일을 다음에 실행할 때 보냅니다.</translation>
    </message>
    <message>
        <source>&amp;Abandon batch #%1</source>
        <translation>일괄 처리 #%1 그만두기(&amp;A)</translation>
    </message>
    <message>
        <source>End that batch without sending anything; running the file again then leaves out what it did.</source>
        <translation>아무것도 보내지 않고 그 일괄 처리를 끝냅니다. 그 뒤 파일을 다시 실행하면 그 일괄 처리가 한 행은 빼고 보냅니다.</translation>
    </message>
    <message>
        <source>They will be sent again.</source>
        <translation>이 행들도 다시 보냅니다.</translation>
    </message>
    <message>
        <source>This is the PRODUCTION environment (운영): the calls are real.</source>
        <translation>운영(PRODUCTION) 환경입니다. 요청이 실제로 처리됩니다.</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>Assign document IDs to the %1 chosen invoices:</source>
        <translation>선택한 세금계산서 %1건에 문서번호를 할당합니다.</translation>
    </message>
    <message>
        <source>Assign the document IDs listed in the file? Invoices: %1.</source>
        <translation>파일에 적힌 대로 문서번호를 할당할까요? 세금계산서 %1건.</translation>
    </message>
    <message>
        <source>This cannot be undone: an invoice keeps its document ID.</source>
        <translation>할당한 문서번호는 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>Resend the mails of the %1 chosen invoices:</source>
        <translation>선택한 세금계산서 %1건의 알림 메일을 다시 보냅니다.</translation>
    </message>
    <message>
        <source>Notification mails to real customers: %1.</source>
        <translation>실제 거래처에 알림 메일을 보냅니다: %1건.</translation>
    </message>
    <message>
        <source>Continue?</source>
        <translation>계속할까요?</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>외 %1건</translation>
    </message>
    <message>
        <source>This file has an interrupted batch: done %1, not sent yet %2, to check %3.

Resume it? The rows already sent are not sent again.</source>
        <translation>이 파일에는 중단된 일괄 작업이 있습니다. 완료 %1건, 아직 안 보냄 %2건, 확인 필요 %3건.

이어서 하시겠습니까? 이미 보낸 행은 다시 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Interrupted batch</source>
        <translation>중단된 일괄 처리</translation>
    </message>
    <message>
        <source>Abandon batch #%1? Nothing is sent, and it cannot be resumed afterwards. Running the file again then leaves out the rows it did or may have done.</source>
        <translation>일괄 처리 #%1을(를) 그만둘까요? 아무것도 보내지 않으며, 그 뒤에는 이어서 할 수 없습니다. 파일을 다시 실행하면 그 일괄 처리가 끝냈거나 했을 수 있는 행은 빼고 보냅니다.</translation>
    </message>
    <message>
        <source>Abandon the batch</source>
        <translation>일괄 처리 그만두기</translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>Send one call per valid row of the file.</source>
        <translation>파일의 올바른 행마다 요청을 하나씩 보냅니다.</translation>
    </message>
    <message>
        <source>CSV or Excel (*.csv *.xlsx *.xls)</source>
        <translation>CSV 또는 엑셀 (*.csv *.xlsx *.xls)</translation>
    </message>
    <message>
        <source>Choose a batch file</source>
        <translation>일괄 처리 파일 선택</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>선택한 파일이 없습니다.</translation>
    </message>
    <message>
        <source>The invoices chosen in Find: %1</source>
        <translation>찾기에서 고른 세금계산서 %1건</translation>
    </message>
</context>
<context>
    <name>BatchTexts</name>
    <message>
        <source>Resend mails or assign document IDs for many invoices at once, from a CSV or Excel file with a header row. Every row is checked before anything is sent.</source>
        <translation>여러 세금계산서의 메일 재전송이나 문서번호 할당을 한 번에 합니다. 첫 줄에 머리글이 있는 CSV 또는 엑셀 파일을 쓰며, 보내기 전에 모든 행을 검사합니다.</translation>
    </message>
    <message>
        <source>&amp;Operation</source>
        <translation>작업(&amp;O)</translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation>이메일 재전송</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>파일 선택(&amp;H)…</translation>
    </message>
    <message>
        <source>Save tem&amp;plate…</source>
        <translation>양식 저장(&amp;P)…</translation>
    </message>
    <message>
        <source>An empty CSV or Excel file with the header row this operation needs: fill it in, then choose it.</source>
        <translation>이 작업에 필요한 머리글만 있는 빈 CSV 또는 엑셀 파일입니다. 내용을 채운 뒤 파일 선택으로 고르세요.</translation>
    </message>
    <message>
        <source>Faile&amp;d or to check only</source>
        <translation>실패/확인 필요만(&amp;D)</translation>
    </message>
    <message>
        <source>Show only the rows that are invalid, failed, or need checking.</source>
        <translation>잘못된 행, 실패한 행, 확인이 필요한 행만 보여 줍니다.</translation>
    </message>
    <message>
        <source>Choos&amp;e columns</source>
        <translation>열 선택(&amp;E)</translation>
    </message>
    <message>
        <source>Show or hide columns, such as the code, the HTTP status and the time.</source>
        <translation>코드, HTTP 상태, 걸린 시간 같은 열을 보이거나 숨깁니다.</translation>
    </message>
    <message>
        <source>The selected row in full</source>
        <translation>선택한 행 전체 내용</translation>
    </message>
    <message>
        <source>A CSV (UTF-8 or CP949) or Excel (.xlsx) file; you can also drop it here.</source>
        <translation>CSV(UTF-8 또는 CP949) 또는 엑셀(.xlsx) 파일입니다. 여기로 끌어다 놓아도 됩니다.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Skip &amp;invalid rows</source>
        <translation>잘못된 행 건너뛰기(&amp;I)</translation>
    </message>
    <message>
        <source>Send the valid rows only; the invalid ones are listed as skipped.</source>
        <translation>올바른 행만 보내고, 잘못된 행은 건너뜀으로 표시합니다.</translation>
    </message>
    <message>
        <source>When resuming a Resend email batch: send again the rows that may or may not have been sent. Document IDs are never assigned twice.</source>
        <translation>이메일 재전송 일괄 처리를 이어서 할 때, 보내졌는지 알 수 없는 행을 다시 보냅니다. 문서번호는 절대 두 번 할당하지 않습니다.</translation>
    </message>
    <message>
        <source>Calls at a &amp;time</source>
        <translation>동시 요청 수(&amp;T)</translation>
    </message>
    <message>
        <source>How many calls run at once (1 to %1).</source>
        <translation>한 번에 보내는 요청 수(1~%1).</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>파일의 행</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>취소(&amp;N)</translation>
    </message>
    <message>
        <source>Send no new call; the calls in flight finish and are recorded.</source>
        <translation>새 요청은 보내지 않고, 이미 보낸 요청은 끝까지 기다려 기록합니다.</translation>
    </message>
    <message>
        <source>E&amp;xport results…</source>
        <translation>결과 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Every row of the file in its order with its status, code and message, as CSV or Excel.</source>
        <translation>파일의 모든 행을 순서대로 상태, 코드, 메시지와 함께 CSV 또는 엑셀로 저장합니다.</translation>
    </message>
    <message>
        <source>Done %1 · failed %2 · check %3 · pending %4</source>
        <translation>완료 %1 · 실패 %2 · 확인 필요 %3 · 대기 %4</translation>
    </message>
    <message>
        <source>Choose above whether to send the hidden rows too: nothing is sent before you do.</source>
        <translation>숨겨진 행도 보낼지 위에서 정하세요. 정하기 전에는 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Invalid rows: %1. Nothing can be sent: fix the file, or tick “Skip invalid rows” to send only the valid ones.</source>
        <translation>잘못된 행: %1개. 이대로는 아무것도 보낼 수 없습니다. 파일을 고치거나, 올바른 행만 보내려면 ‘잘못된 행 건너뛰기’를 선택하세요.</translation>
    </message>
    <message>
        <source>Rows read: %1 (valid %2, invalid %3).</source>
        <translation>읽은 행: %1개(올바른 행 %2개, 잘못된 행 %3개).</translation>
    </message>
    <message>
        <source>Cancelled. Rows not sent: %1. Press Start to resume the batch.</source>
        <translation>취소했습니다. 보내지 않은 행: %1개. 시작을 누르면 이어서 합니다.</translation>
    </message>
    <message>
        <source>Rows not sent: %1. Press Start to resume the batch once the cause is gone (for example, close the program that holds the history, or free some disk space).</source>
        <translation>보내지 않은 행: %1개. 원인이 해결되면(예: 기록 파일을 잡고 있는 프로그램을 닫거나 디스크 공간을 비운 뒤) 시작을 눌러 이어서 하세요.</translation>
    </message>
    <message>
        <source>This refusal would hit every row, so the rest was not sent (rows: %1). Fix it, then press Start to resume the batch.</source>
        <translation>모든 행이 같은 이유로 거부될 것이라 나머지는 보내지 않았습니다(%1개 행). 원인을 해결한 뒤 시작을 누르면 이어서 합니다.</translation>
    </message>
    <message>
        <source>Rows that may or may not have been carried out: %1. Check them on the POPBiLL website (확인 필요).</source>
        <translation>처리되었는지 알 수 없는 행: %1개. 팝빌 사이트에서 확인하세요(확인 필요).</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>결과 내보내기</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>양식 저장</translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation>결과를 %1에 저장했습니다.</translation>
    </message>
    <message>
        <source>The results were not written: %1</source>
        <translation>결과를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Template written: fill in one row per request under the header, then choose it with Choose file. %1</source>
        <translation>양식을 저장했습니다. 머리글 아래에 한 행에 요청 하나씩 적은 뒤 파일 선택으로 고르세요. %1</translation>
    </message>
    <message>
        <source>The template was not written: %1</source>
        <translation>양식을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>S&amp;witch to %1</source>
        <translation>%1 작업으로 바꾸기(&amp;W)</translation>
    </message>
    <message>
        <source>%1-results.xlsx</source>
        <translation>%1-결과.xlsx</translation>
    </message>
    <message>
        <source>resend-email-template.xlsx</source>
        <translation>이메일재전송-양식.xlsx</translation>
    </message>
    <message>
        <source>assign-mgtkey-template.xlsx</source>
        <translation>문서번호할당-양식.xlsx</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>The history cannot be used, so nothing is sent: %1</source>
        <translation>이력을 쓸 수 없어 아무것도 보내지 않습니다: %1</translation>
    </message>
    <message>
        <source>Not started: this file has an interrupted batch. Resume it to send the rest; starting anew would send the rows already done again.</source>
        <translation>시작하지 않았습니다. 이 파일에는 중단된 일괄 처리가 있습니다. 이어서 하면 나머지만 보내고, 새로 시작하면 이미 보낸 행을 다시 보내게 됩니다.</translation>
    </message>
    <message>
        <source>Nothing was sent. Choose above how to go on with that batch.</source>
        <translation>아무것도 보내지 않았습니다. 그 일괄 처리를 어떻게 할지 위에서 고르세요.</translation>
    </message>
    <message>
        <source>Press Start to send the file as it is now.</source>
        <translation>시작을 누르면 지금 파일의 내용대로 보냅니다.</translation>
    </message>
    <message>
        <source>Not resumed: nothing was sent.</source>
        <translation>이어서 하지 않았습니다. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Nothing to send: every row was done, or may have been, before (rows: %1). Tick “Send them again anyway” to send them again.</source>
        <translation>보낼 행이 없습니다. 모든 행이 이미 완료했거나 처리되었을 수 있는 행입니다(%1개). 다시 보내려면 ‘그래도 다시 보내기’를 체크하세요.</translation>
    </message>
    <message>
        <source>Internal error (%1): the batch stopped. The rows already sent are recorded; press Start to resume.</source>
        <translation>내부 오류(%1)로 일괄 처리가 멈췄습니다. 이미 보낸 행은 기록되어 있으니 시작을 눌러 이어서 하세요.</translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>내부 오류가 발생했습니다(%1). 프로그램은 계속 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>To send them anyway, choose the file again and tick “Send them again anyway”.</source>
        <translation>그래도 보내려면 파일을 다시 고르고 ‘그래도 다시 보내기’를 체크하세요.</translation>
    </message>
    <message>
        <source>Looking the invoices up on POPBiLL. Nothing is sent.</source>
        <translation>팝빌에서 세금계산서를 조회하고 있습니다. 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Not checked on POPBiLL: %1</source>
        <translation>팝빌에서 확인하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Checking on POPBiLL: %1 of %2 invoices.</source>
        <translation>팝빌에서 확인하는 중: 세금계산서 %2건 중 %1건.</translation>
    </message>
    <message>
        <source>See the “Checked on POPBiLL” column; export the results to keep it.</source>
        <translation>‘팝빌에서 확인’ 열을 보세요. 결과를 내보내면 이 열도 저장됩니다.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Re-send &amp;unknown mails</source>
        <translation>결과를 알 수 없는 메일 다시 보내기(&amp;U)</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>A batch is running.</source>
        <translation>일괄 처리가 진행 중입니다.</translation>
    </message>
    <message>
        <source>The file is being read and checked: its rows appear here when that is done.</source>
        <translation>파일을 읽고 검사하고 있습니다. 끝나면 행이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file (or drop it here).</source>
        <translation>CSV 또는 엑셀 파일을 고르세요(여기로 끌어다 놓아도 됩니다).</translation>
    </message>
    <message>
        <source>This file has been sent. Choose it again to send it again.</source>
        <translation>이 파일은 이미 보냈습니다. 다시 보내려면 파일을 다시 고르세요.</translation>
    </message>
    <message>
        <source>No valid row to send.</source>
        <translation>보낼 수 있는 올바른 행이 없습니다.</translation>
    </message>
    <message>
        <source>Starting: the first rows are on their way.</source>
        <translation>시작합니다. 첫 행들을 보내고 있습니다.</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>초당 %1행</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>약 %1 남음</translation>
    </message>
    <message>
        <source>Cancelling: no new call is sent; the calls in flight finish and are recorded.</source>
        <translation>취소합니다. 새 요청은 보내지 않으며, 보내는 중인 요청은 끝까지 기록합니다.</translation>
    </message>
    <message>
        <source>Checking the file against the journal.</source>
        <translation>파일을 작업 기록과 대조하고 있습니다.</translation>
    </message>
    <message>
        <source>Not started: nothing was sent.</source>
        <translation>시작하지 않았습니다. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>A batch is running: wait for it to end, or cancel it.</source>
        <translation>일괄 처리가 진행 중입니다. 끝날 때까지 기다리거나 취소하세요.</translation>
    </message>
    <message>
        <source>The credentials are still being read from the keyring: try again.</source>
        <translation>아직 키링에서 인증 정보를 읽는 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The file cannot be used, nothing will be sent: %1</source>
        <translation>이 파일은 쓸 수 없어 아무것도 보내지 않습니다: %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>시작하지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation>취소했습니다. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Chec&amp;k on POPBiLL</source>
        <translation>팝빌에서 확인(&amp;K)</translation>
    </message>
    <message>
        <source>Look every invoice of this batch up on POPBiLL: does it carry the document ID it was given?</source>
        <translation>이 일괄 처리의 세금계산서를 팝빌에서 조회해, 할당한 문서번호가 붙어 있는지 확인합니다.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>끝났습니다.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>중단했습니다: %1</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>건너뜀 %1</translation>
    </message>
</context>
<context>
    <name>CallFlow</name>
    <message>
        <source>Production</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>This is the PRODUCTION environment (운영): the call is real.

Continue?</source>
        <translation>운영(PRODUCTION) 환경입니다. 이 요청은 실제로 처리됩니다.

계속하시겠습니까?</translation>
    </message>
</context>
<context>
    <name>CallTab</name>
    <message>
        <source>Sales</source>
        <translation>매출</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>매입</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>위수탁</translation>
    </message>
    <message>
        <source>The invoice&apos;s MgtKeyType: SELL (매출), BUY (매입) or TRUSTEE (위수탁).</source>
        <translation>세금계산서의 문서유형(MgtKeyType)으로, SELL(매출), BUY(매입), TRUSTEE(위수탁) 중 하나입니다.</translation>
    </message>
    <message>
        <source>Invoice type</source>
        <translation>문서유형</translation>
    </message>
</context>
<context>
    <name>CallTexts</name>
    <message>
        <source>Sending: %1</source>
        <translation>보내는 중: %1</translation>
    </message>
    <message>
        <source>POPBiLL: %1</source>
        <translation>팝빌 응답: %1</translation>
    </message>
    <message>
        <source>Outcome unknown: %1</source>
        <translation>결과 확인 필요: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>• %1: %2 (no answer yet)</source>
        <translation>• %1: %2 (아직 응답 없음)</translation>
    </message>
    <message>
        <source>• Batch #%1, still sending</source>
        <translation>• 일괄 처리 #%1 (보내는 중)</translation>
    </message>
    <message>
        <source>• A batch, starting</source>
        <translation>• 일괄 처리 (시작하는 중)</translation>
    </message>
    <message>
        <source>Still under way:</source>
        <translation>아직 끝나지 않은 작업이 있습니다:</translation>
    </message>
    <message>
        <source>A request already sent may have been carried out by POPBiLL. If you close now, it is recorded as “check”: look it up on the POPBiLL website before sending it again.</source>
        <translation>이미 보낸 요청은 팝빌이 처리했을 수 있습니다. 지금 닫으면 기록에 “확인 필요”로 남습니다. 다시 보내기 전에 팝빌 사이트에서 확인하세요.</translation>
    </message>
    <message>
        <source>The batch stops taking rows. You can resume it later: rows already done are never sent again.</source>
        <translation>일괄 처리는 더 이상 행을 보내지 않고 멈춥니다. 나중에 이어서 할 수 있으며, 이미 끝난 행은 다시 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation>그래도 닫을까요?</translation>
    </message>
    <message>
        <source>Close the window?</source>
        <translation>창을 닫을까요?</translation>
    </message>
    <message>
        <source>The window was closed before POPBiLL answered: check on the POPBiLL website.</source>
        <translation>팝빌이 응답하기 전에 창을 닫았습니다. 팝빌 사이트에서 확인하세요.</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Calls go to POPBiLL&apos;s test service (연동 테스트).</source>
        <translation>팝빌 연동 테스트 서비스로 요청합니다.</translation>
    </message>
    <message>
        <source>Mails go to real customers and document IDs are final.</source>
        <translation>실제 거래처에 메일이 발송되며, 할당한 문서번호는 변경할 수 없습니다.</translation>
    </message>
    <message>
        <source>Connected to the built-in simulator: no account needed, nothing leaves this computer.</source>
        <translation>내장 시뮬레이터에 연결되어 있습니다. 계정이 필요 없으며, 이 컴퓨터 밖으로는 아무것도 전송되지 않습니다.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>미설정</translation>
    </message>
    <message>
        <source>being read from %1</source>
        <translation>%1에서 읽는 중</translation>
    </message>
    <message>
        <source>kept in %1</source>
        <translation>%1에 보관됨</translation>
    </message>
    <message>
        <source>Not chosen yet: Production or Test, in Settings. Nothing is sent until then.</source>
        <translation>아직 고르지 않았습니다: 설정에서 운영 또는 테스트를 고르세요. 그때까지 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Business number: %1</source>
        <translation>사업자등록번호: %1</translation>
    </message>
    <message>
        <source>The business registration number (CorpNum) calls are made for.</source>
        <translation>요청을 보내는 회사의 사업자등록번호(CorpNum)입니다.</translation>
    </message>
    <message>
        <source>none yet: enter them in Settings</source>
        <translation>아직 없음: 설정에서 입력하세요</translation>
    </message>
    <message>
        <source>from environment variables</source>
        <translation>환경 변수에서 가져옴</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>프로그램을 닫을 때까지만 기억</translation>
    </message>
    <message>
        <source>demo credentials</source>
        <translation>데모용 인증 정보</translation>
    </message>
    <message>
        <source>Credentials: %1</source>
        <translation>인증 정보: %1</translation>
    </message>
</context>
<context>
    <name>DetailTexts</name>
    <message>
        <source>Message: %1</source>
        <translation>메시지: %1</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>원인: %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>조치: %1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>코드 %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>엑셀 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <source>The batch tab shows one file at a time; not opened: %1</source>
        <translation>일괄 처리 탭에는 파일을 한 번에 하나만 엽니다. 열지 않은 파일: %1</translation>
    </message>
    <message>
        <source>%1 was not opened: a batch is running. Open it on the Batch tab once the batch has ended.</source>
        <translation>%1 파일을 열지 않았습니다. 일괄 처리가 진행 중입니다. 끝난 뒤 일괄 처리 탭에서 여세요.</translation>
    </message>
    <message>
        <source>Shown on the Batch tab: %1. Nothing is sent before you press Start.</source>
        <translation>일괄 처리 탭에 열었습니다: %1. 시작을 누르기 전에는 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a CSV or Excel file.</source>
        <translation>%1은(는) 폴더입니다. CSV 또는 엑셀 파일을 고르세요.</translation>
    </message>
    <message>
        <source>%1 was not found: it may have been moved, renamed or deleted.</source>
        <translation>%1 파일을 찾을 수 없습니다. 옮겨졌거나 이름이 바뀌었거나 지워졌을 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 파일을 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>Searching… %1 found so far.</source>
        <translation>검색 중… 지금까지 %1건</translation>
    </message>
    <message>
        <source>Stopped: %1 invoices found until then.</source>
        <translation>중단했습니다. 그때까지 %1건을 찾았습니다.</translation>
    </message>
    <message>
        <source>No invoice matches. Widen the dates, clear the partner, or untick the box.</source>
        <translation>맞는 세금계산서가 없습니다. 기간을 넓히거나, 거래처를 지우거나, 체크를 해제해 보세요.</translation>
    </message>
    <message>
        <source>%1 invoices found.</source>
        <translation>세금계산서 %1건을 찾았습니다.</translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>내부 오류가 발생했습니다(%1). 프로그램은 계속 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Find invoices</source>
        <translation>세금계산서 찾기</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>문서유형(&amp;T)</translation>
    </message>
    <message>
        <source>Invoice type</source>
        <translation>문서유형</translation>
    </message>
    <message>
        <source>Written from</source>
        <translation>작성일자</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>등록일시</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>발행일시</translation>
    </message>
    <message>
        <source>Which date the range is about</source>
        <translation>기간의 기준 날짜</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>&amp;Cancel search</source>
        <translation>검색 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>Your invoices on POPBiLL by date and partner. Choose one to resend its mail: its document ID and the e-mail address on the invoice go to the Resend tab. Or select several and resend each one&apos;s mail to its address.</source>
        <translation>팝빌에 있는 내 세금계산서를 날짜와 거래처로 찾습니다. 하나를 고르면 그 문서번호와 세금계산서의 메일 주소가 이메일 재전송 탭에 들어갑니다. 여러 건을 선택하면 각각 세금계산서의 메일 주소로 재전송할 수 있습니다.</translation>
    </message>
    <message>
        <source>Fill in its document ID and e-mail address on the Resend tab (or double-click the row).</source>
        <translation>이메일 재전송 탭에 문서번호와 메일 주소를 채웁니다(행을 두 번 클릭해도 됩니다).</translation>
    </message>
    <message>
        <source>Your invoices on POPBiLL by date and partner. Choose one to give it a document ID on the Assign tab, or select several and give them document IDs below.</source>
        <translation>팝빌에 있는 내 세금계산서를 날짜와 거래처로 찾습니다. 하나를 고르면 문서번호 할당 탭에서 문서번호를 줄 수 있고, 여러 건을 선택하면 아래에서 한꺼번에 문서번호를 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>Take it to the Assign tab (or double-click the row).</source>
        <translation>문서번호 할당 탭으로 가져갑니다(행을 두 번 클릭해도 됩니다).</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Type a date as 20261130 or 2026-11-30, or pick it from the calendar.</source>
        <translation>날짜를 20261130 또는 2026-11-30처럼 입력하거나 달력에서 고르세요.</translation>
    </message>
    <message>
        <source>Any length: a range over six months is searched six months at a time.</source>
        <translation>기간 제한 없음: 6개월이 넘으면 6개월씩 나누어 검색합니다.</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>이번달</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>지난달</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>최근 3개월</translation>
    </message>
    <message>
        <source>Set the dates and search.</source>
        <translation>기간을 정하고 바로 검색합니다.</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>거래처(&amp;P)</translation>
    </message>
    <message>
        <source>Name or business number (empty: every partner)</source>
        <translation>상호 또는 사업자번호(비우면 모든 거래처)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>거래처</translation>
    </message>
    <message>
        <source>&amp;Only without a document ID</source>
        <translation>문서번호 없는 것만(&amp;O)</translation>
    </message>
    <message>
        <source>Only invoices issued on the website that have no document ID of ours yet.</source>
        <translation>팝빌 사이트에서 발행해 아직 우리 쪽 문서번호가 없는 세금계산서만 보여줍니다.</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation>검색 진행률</translation>
    </message>
    <message>
        <source>Invoices found</source>
        <translation>찾은 세금계산서</translation>
    </message>
    <message>
        <source>This invoice has no document ID of ours yet, so its mail cannot be resent: POPBiLL resends by document ID. Give it one first, then choose it here again.</source>
        <translation>이 세금계산서에는 아직 문서번호가 없어 메일을 재전송할 수 없습니다(팝빌은 문서번호로 재전송합니다). 먼저 문서번호를 준 다음 여기서 다시 고르세요.</translation>
    </message>
    <message>
        <source>&amp;Give it a document ID…</source>
        <translation>문서번호 주기(&amp;G)…</translation>
    </message>
    <message>
        <source>Open the Assign tab with this invoice filled in.</source>
        <translation>이 세금계산서를 채운 채로 문서번호 할당 탭을 엽니다.</translation>
    </message>
    <message>
        <source>&amp;Use this invoice</source>
        <translation>이 세금계산서 사용(&amp;U)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>Document ID, POPBiLL number, e-mail or message</source>
        <translation>문서번호, 팝빌번호, 이메일 또는 메시지</translation>
    </message>
    <message>
        <source>Search the keys, the receiver and the message</source>
        <translation>문서번호, 팝빌번호, 수신메일, 메시지에서 찾기</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation>이메일 재전송</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>모든 결과</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>시작일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>종료일(&amp;T)</translation>
    </message>
    <message>
        <source>Recorded calls</source>
        <translation>기록된 요청</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>열 선택(&amp;M)</translation>
    </message>
    <message>
        <source>Show or hide columns, such as POPBiLL&apos;s code and the duration.</source>
        <translation>팝빌 코드, 걸린 시간 같은 열을 보이거나 숨깁니다.</translation>
    </message>
    <message>
        <source>The selected record in full</source>
        <translation>선택한 기록 전체 내용</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the records the filters match to CSV or Excel.</source>
        <translation>필터에 맞는 기록을 CSV 또는 엑셀로 저장합니다.</translation>
    </message>
    <message>
        <source>Choose a record to see it here in full.</source>
        <translation>기록을 고르면 여기에 전체 내용이 나옵니다.</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>이력을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The newest %1 records are shown: narrow the filters to see older ones.</source>
        <translation>최근 기록 %1건을 보여 줍니다. 더 오래된 기록을 보려면 필터를 좁히세요.</translation>
    </message>
    <message>
        <source>Records: %1.</source>
        <translation>기록: %1건.</translation>
    </message>
    <message>
        <source>popbill-history-%1.xlsx</source>
        <translation>팝빌-이력-%1.xlsx</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>이력 내보내기</translation>
    </message>
    <message>
        <source>The records were not written: %1</source>
        <translation>기록을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Business number</source>
        <translation>사업자등록번호</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>수신메일</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>소요 시간(ms)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <source>Written</source>
        <translation>작성일자</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>거래처</translation>
    </message>
    <message>
        <source>Business no.</source>
        <translation>사업자번호</translation>
    </message>
    <message>
        <source>Supply amount</source>
        <translation>공급가액</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>세액</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계금액</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>NTS number</source>
        <translation>국세청승인번호</translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation>문서번호</translation>
    </message>
    <message>
        <source>POPBiLL number</source>
        <translation>팝빌번호</translation>
    </message>
    <message>
        <source>New document ID</source>
        <translation>새 문서번호</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>빠짐</translation>
    </message>
    <message>
        <source>Can be assigned.</source>
        <translation>할당할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>InvoiceLookup</name>
    <message>
        <source>The invoice is looked up when you stop typing.</source>
        <translation>입력을 멈추면 세금계산서를 조회합니다.</translation>
    </message>
    <message>
        <source>Looking up the invoice…</source>
        <translation>세금계산서 조회 중…</translation>
    </message>
    <message>
        <source>It already has a document ID: POPBiLL refuses to assign another.</source>
        <translation>이미 문서번호가 있습니다. 팝빌은 다른 번호의 할당을 거부합니다.</translation>
    </message>
    <message>
        <source>E-mail on the invoice: %1</source>
        <translation>세금계산서의 이메일: %1</translation>
    </message>
    <message>
        <source>The invoice could not be looked up: %1</source>
        <translation>세금계산서를 조회하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>InvoiceModel</name>
    <message>
        <source>Sales</source>
        <translation>매출</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>매입</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>위수탁</translation>
    </message>
    <message>
        <source>Cancelled: numbering leaves it out unless you ask for it.</source>
        <translation>취소된 세금계산서: 따로 선택하지 않으면 번호를 매기지 않습니다.</translation>
    </message>
    <message>
        <source>Filing to the NTS failed: numbering leaves it out unless you ask for it.</source>
        <translation>국세청 전송 실패: 따로 선택하지 않으면 번호를 매기지 않습니다.</translation>
    </message>
    <message>
        <source>(no partner name)</source>
        <translation>(상호 없음)</translation>
    </message>
    <message>
        <source>%1 · written %2 · total %3 · %4</source>
        <translation>%1 · 작성일자 %2 · 합계 %3원 · %4</translation>
    </message>
    <message>
        <source>document ID %1</source>
        <translation>문서번호 %1</translation>
    </message>
    <message>
        <source>This invoice already has the document ID %1.</source>
        <translation>이 세금계산서에는 이미 문서번호 %1이(가) 있습니다.</translation>
    </message>
    <message>
        <source>Duplicate: the invoice with POPBiLL number %1 gets the same ID.</source>
        <translation>중복: 팝빌번호 %1인 세금계산서가 같은 문서번호를 받습니다.</translation>
    </message>
    <message>
        <source>Taken: the invoice with POPBiLL number %1 already has this ID.</source>
        <translation>사용 중: 팝빌번호 %1인 세금계산서가 이미 이 문서번호를 가지고 있습니다.</translation>
    </message>
    <message>
        <source>The invoice has no written date for {date}.</source>
        <translation>세금계산서에 {date}에 넣을 작성일자가 없습니다.</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Partly failed</source>
        <translation>일부 실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Resend email</source>
        <translation>이메일 재전송</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>키링</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>일괄 처리</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>내부 오류가 발생했습니다(%1). 프로그램은 계속 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Batch #%1: %2</source>
        <translation>일괄 처리 #%1: %2</translation>
    </message>
    <message>
        <source>Each call&apos;s result appears here, whole, with what to do about it.</source>
        <translation>요청마다 결과와 조치 방법이 여기에 빠짐없이 나옵니다.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>행 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all rows) as text for a spreadsheet.</source>
        <translation>선택한 행(선택하지 않으면 전체 행)을 스프레드시트에 붙여 넣을 수 있는 텍스트로 복사합니다.</translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation>로그 지우기(&amp;L)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>열 선택(&amp;M)</translation>
    </message>
    <message>
        <source>Show or hide columns, such as POPBiLL&apos;s code and the duration.</source>
        <translation>팝빌 코드, 걸린 시간 같은 열을 보이거나 숨깁니다.</translation>
    </message>
    <message>
        <source>Log of calls</source>
        <translation>호출 로그</translation>
    </message>
    <message>
        <source>The selected call in full</source>
        <translation>선택한 요청 전체 내용</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Resend Email</source>
        <translation>이메일 재전송</translation>
    </message>
    <message>
        <source>Assign MgtKey</source>
        <translation>문서번호 할당</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>일괄 처리</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>기록(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Checked on POPBiLL</source>
        <translation>팝빌에서 확인</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>문서유형</translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation>문서번호</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>수신메일</translation>
    </message>
    <message>
        <source>POPBiLL number</source>
        <translation>팝빌번호</translation>
    </message>
    <message>
        <source>NTS number</source>
        <translation>국세청승인번호</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>걸린 시간(ms)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>잘못된 행</translation>
    </message>
    <message>
        <source>Hidden: choose</source>
        <translation>숨겨진 행: 선택 필요</translation>
    </message>
    <message>
        <source>Hidden: left out</source>
        <translation>숨겨진 행: 뺌</translation>
    </message>
    <message>
        <source>OK (hidden row)</source>
        <translation>정상(숨겨진 행)</translation>
    </message>
    <message>
        <source>Done before: left out</source>
        <translation>이미 함: 뺌</translation>
    </message>
    <message>
        <source>Excel hides this row: choose above whether to send the hidden rows.</source>
        <translation>엑셀에서 숨겨진 행입니다. 숨겨진 행도 보낼지 위에서 정하세요.</translation>
    </message>
    <message>
        <source>Not sent: the batch stopped before this row.</source>
        <translation>보내지 않음: 이 행 전에 일괄 작업이 멈췄습니다.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>ResendMany</name>
    <message>
        <source>Looking up the addresses on file: 0 of %1.</source>
        <translation>세금계산서의 메일 주소를 확인하는 중: %1건 중 0건.</translation>
    </message>
    <message>
        <source>Looking up the addresses on file: %1 of %2.</source>
        <translation>세금계산서의 메일 주소를 확인하는 중: %2건 중 %1건.</translation>
    </message>
    <message>
        <source>None of these invoices has an e-mail address on file: nothing to resend.</source>
        <translation>선택한 세금계산서에 메일 주소가 없어 재전송할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Internal error (%1). The window keeps working.</source>
        <translation>내부 오류가 발생했습니다(%1). 프로그램은 계속 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Resend &amp;mail (%1)…</source>
        <translation>메일 재전송 %1건(&amp;M)…</translation>
    </message>
    <message>
        <source>Left out, without a document ID: %1.</source>
        <translation>문서번호가 없어 빠지는 것: %1건.</translation>
    </message>
    <message>
        <source>Resend the mail of each selected invoice to the e-mail address on the invoice, as a batch: the Batch tab shows the rows and asks before anything is sent. Invoices without a document ID or an address are left out.</source>
        <translation>선택한 세금계산서마다 세금계산서에 적힌 메일 주소로 메일을 재전송합니다. 일괄 처리 탭에서 행을 보여 주고 보내기 전에 묻습니다. 문서번호나 메일 주소가 없는 세금계산서는 빠집니다.</translation>
    </message>
</context>
<context>
    <name>ResendTab</name>
    <message>
        <source>No invoice of this type has this document ID</source>
        <translation>이 문서유형에 이 문서번호의 세금계산서가 없습니다</translation>
    </message>
    <message>
        <source>Sent again: %1</source>
        <translation>다시 보냈습니다: %1</translation>
    </message>
    <message>
        <source>Check the invoice&apos;s mail history on the POPBiLL website before sending again, or the customer may get the mail twice.</source>
        <translation>다시 보내기 전에 팝빌 사이트에서 이 세금계산서의 메일 발송 내역을 확인하세요. 확인하지 않고 보내면 거래처가 메일을 두 번 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>Type a document ID, or press Find… to choose the invoice from a list.</source>
        <translation>문서번호를 입력하거나, 찾기…를 눌러 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>Resend the notification mail of one e-Tax invoice to one e-mail address.</source>
        <translation>전자세금계산서 1건의 알림 메일을 이메일 주소 1개로 재전송합니다.</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>문서유형(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Receiver e-mail</source>
        <translation>수신 이메일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Document ID</source>
        <translation>문서번호(&amp;D)</translation>
    </message>
    <message>
        <source>Document ID (MgtKey)</source>
        <translation>문서번호(MgtKey)</translation>
    </message>
    <message>
        <source>The document ID your company gave the invoice (MgtKey): 1 to 24 characters, letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>회사가 세금계산서에 붙인 문서번호(MgtKey): 영문, 숫자, &apos;-&apos;, &apos;_&apos;로 1~24자.</translation>
    </message>
    <message>
        <source>Receiver e-mail address</source>
        <translation>수신 이메일 주소</translation>
    </message>
    <message>
        <source>One e-mail address, e.g. name@example.com.</source>
        <translation>이메일 주소 1개를 입력하십시오. 예: name@example.com</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Send the mail again</source>
        <translation>메일 재전송</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>세금계산서</translation>
    </message>
    <message>
        <source>Use its &amp;e-mail</source>
        <translation>이 메일 주소 사용(&amp;E)</translation>
    </message>
    <message>
        <source>Put the partner&apos;s e-mail address from the invoice in Receiver e-mail.</source>
        <translation>세금계산서에 적힌 거래처 이메일 주소를 수신메일에 넣습니다.</translation>
    </message>
    <message>
        <source>Fi&amp;nd…</source>
        <translation>찾기(&amp;N)…</translation>
    </message>
    <message>
        <source>Choose the invoice from a list of yours, by partner and date: no document ID needed.</source>
        <translation>내 세금계산서 목록에서 거래처와 날짜로 고릅니다. 문서번호를 몰라도 됩니다.</translation>
    </message>
</context>
<context>
    <name>ResumeBar</name>
    <message>
        <source>Resume the &amp;batch</source>
        <translation>일괄 작업 이어서 하기(&amp;B)</translation>
    </message>
    <message>
        <source>An interrupted batch was found: %1 (rows not finished: %2 of %3). Continue it?</source>
        <translation>중단된 일괄 작업이 있습니다: %1 (%3행 중 %2행 미완료). 이어서 할까요?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Tick “Keep secrets for this session only” to use the secrets you typed.</source>
        <translation>입력한 키를 쓰려면 “키를 프로그램을 닫을 때까지만 기억”을 선택하세요.</translation>
    </message>
    <message>
        <source>fix what is marked above.</source>
        <translation>위에 표시한 문제를 고치세요.</translation>
    </message>
    <message>
        <source>choose Production or Test.</source>
        <translation>운영 또는 테스트를 고르세요.</translation>
    </message>
    <message>
        <source>Warning (you can still save): {0}</source>
        <translation>경고(저장은 가능합니다): {0}</translation>
    </message>
    <message>
        <source>OK is not available yet: %1</source>
        <translation>아직 확인을 누를 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>SettingsKeeper</name>
    <message>
        <source>Connection works: POPBiLL accepted the keys. Signed in until %1.</source>
        <translation>연결되었습니다. 팝빌이 이 키를 받아들였습니다(%1까지 로그인 유지).</translation>
    </message>
    <message>
        <source>The settings could not be saved (%1). They apply until the program closes; open %2 again to save them once the cause is gone.</source>
        <translation>설정을 저장하지 못했습니다(%1). 프로그램을 닫을 때까지는 적용됩니다. 원인을 해결한 뒤 %2을 다시 열어 저장하세요.</translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <source>Must start with https://; plain http:// only for this computer (the simulator).</source>
        <translation>https://로 시작해야 합니다. http://는 이 컴퓨터(시뮬레이터)에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>환경(&amp;E)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Sign-in &amp;method</source>
        <translation>인증 방식(&amp;M)</translation>
    </message>
    <message>
        <source>Sign in with LinkID and SecretKey</source>
        <translation>LinkID와 SecretKey로 인증</translation>
    </message>
    <message>
        <source>The LinkID and SecretKey POPBiLL gave your company; tokens are issued as needed.</source>
        <translation>팝빌이 귀사에 발급한 LinkID와 SecretKey입니다. 토큰은 필요할 때 자동으로 발급됩니다.</translation>
    </message>
    <message>
        <source>Link&amp;ID</source>
        <translation>LinkID(&amp;I)</translation>
    </message>
    <message>
        <source>LinkID</source>
        <translation>LinkID</translation>
    </message>
    <message>
        <source>Secret&amp;Key</source>
        <translation>SecretKey(&amp;K)</translation>
    </message>
    <message>
        <source>SecretKey</source>
        <translation>SecretKey</translation>
    </message>
    <message>
        <source>Session &amp;token</source>
        <translation>세션 토큰(&amp;T)</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>세션 토큰</translation>
    </message>
    <message>
        <source>Paste the session token: no spaces. It is never shown. Leave it empty to keep the saved one.</source>
        <translation>세션 토큰을 공백 없이 붙여 넣으십시오. 입력한 값은 화면에 표시되지 않습니다. 비워 두면 저장된 값을 그대로 사용합니다.</translation>
    </message>
    <message>
        <source>POPBiLL &amp;user ID</source>
        <translation>팝빌 사용자 ID(&amp;U)</translation>
    </message>
    <message>
        <source>POPBiLL user ID</source>
        <translation>팝빌 사용자 ID</translation>
    </message>
    <message>
        <source>Production (운영) is your company&apos;s real work: mail really goes to customers and document IDs are final. Test (연동 테스트) is POPBiLL&apos;s practice service. Your LinkID and SecretKey are kept for each separately.</source>
        <translation>운영은 회사의 실제 업무입니다. 메일이 실제로 거래처에 가고 문서번호가 확정됩니다. 테스트(연동 테스트)는 팝빌의 연습용 서비스입니다. LinkID와 SecretKey는 환경마다 따로 보관합니다.</translation>
    </message>
    <message>
        <source>&amp;Business registration number</source>
        <translation>사업자등록번호(&amp;B)</translation>
    </message>
    <message>
        <source>Business registration number</source>
        <translation>사업자등록번호</translation>
    </message>
    <message>
        <source>Your company&apos;s 사업자등록번호 (CorpNum), 10 digits; dashes are removed. Required when signing in with LinkID and SecretKey. A check digit that does not match is only a warning.</source>
        <translation>회사의 사업자등록번호(CorpNum) 10자리입니다. &apos;-&apos;는 지워집니다. LinkID와 SecretKey로 연결할 때 필요합니다. 검증 숫자가 맞지 않으면 경고만 합니다.</translation>
    </message>
    <message>
        <source>The LinkID POPBiLL gave your company with the API application (연동 신청): letters and digits, no spaces. Not your POPBiLL user ID.</source>
        <translation>연동 신청 때 팝빌이 회사에 발급한 LinkID입니다(영문과 숫자, 공백 없음). 팝빌 아이디가 아닙니다.</translation>
    </message>
    <message>
        <source>The 44-character key POPBiLL issued with the LinkID (base64 text), pasted exactly. Not your POPBiLL password. It is never shown. Leave it empty to keep the saved one.</source>
        <translation>LinkID와 함께 팝빌이 발급한 44자 키(base64 텍스트)를 그대로 붙여 넣으세요. 팝빌 비밀번호가 아닙니다. 입력한 값은 화면에 표시되지 않으며, 비워 두면 저장된 값을 그대로 씁니다.</translation>
    </message>
    <message>
        <source>Optional: the POPBiLL user ID of the person working (UserID), recorded by POPBiLL with each call. Up to 50 ASCII characters. Never a password.</source>
        <translation>선택 사항: 작업하는 사람의 팝빌 아이디(UserID)로, 팝빌이 요청마다 기록합니다. 영문·숫자·기호 50자까지. 비밀번호는 넣지 마세요.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The language of this program&apos;s sentences and of POPBiLL&apos;s messages.</source>
        <translation>이 프로그램의 화면 문구와 팝빌 메시지에 사용할 언어입니다.</translation>
    </message>
    <message>
        <source>&amp;Hosts</source>
        <translation>호스트(&amp;H)</translation>
    </message>
    <message>
        <source>Host set</source>
        <translation>호스트 종류</translation>
    </message>
    <message>
        <source>Which POPBiLL hosts to use: the default ones, or the fixed-IP (static) or GA hosts for firewalls that allow fixed addresses only.</source>
        <translation>사용할 팝빌 호스트입니다. 기본 호스트를 사용하거나, 고정 주소만 허용하는 방화벽 환경에서는 고정 IP(static) 또는 GA 호스트를 사용합니다.</translation>
    </message>
    <message>
        <source>Custom &amp;API URL</source>
        <translation>사용자 지정 API URL(&amp;A)</translation>
    </message>
    <message>
        <source>Custom API URL</source>
        <translation>사용자 지정 API URL</translation>
    </message>
    <message>
        <source>Optional. Replaces the host set for API calls.</source>
        <translation>선택 사항입니다. API 호출의 호스트 묶음을 대신합니다.</translation>
    </message>
    <message>
        <source>Custom token &amp;service URL</source>
        <translation>사용자 지정 토큰 서비스 URL(&amp;S)</translation>
    </message>
    <message>
        <source>Custom token service URL</source>
        <translation>사용자 지정 토큰 서비스 URL</translation>
    </message>
    <message>
        <source>Optional. Replaces the token service host.</source>
        <translation>선택 사항입니다. 토큰 서비스 호스트를 대신합니다.</translation>
    </message>
    <message>
        <source>Pro&amp;xy script (PAC)</source>
        <translation>프록시 스크립트(PAC)(&amp;X)</translation>
    </message>
    <message>
        <source>Proxy auto-configuration script</source>
        <translation>프록시 자동 구성 스크립트</translation>
    </message>
    <message>
        <source>Optional: the address of your company&apos;s proxy script, the file that tells programs which proxy to use for which address (PAC, from IT). An http:// or https:// address or a file on this computer. Empty: the system&apos;s settings are used.</source>
        <translation>선택 사항: 회사 프록시 스크립트(어느 주소에 어떤 프록시를 쓸지 알려 주는 파일, PAC)의 위치로, 전산 담당자에게 받습니다. http:// 또는 https:// 주소나 이 컴퓨터의 파일 경로. 비워 두면 시스템 설정을 따릅니다.</translation>
    </message>
    <message>
        <source>Company CA certi&amp;ficate file</source>
        <translation>회사 CA 인증서 파일(&amp;F)</translation>
    </message>
    <message>
        <source>Company CA certificate file</source>
        <translation>회사 CA 인증서 파일</translation>
    </message>
    <message>
        <source>Optional. A PEM file with your company&apos;s root certificate, for networks that inspect TLS. It is trusted in addition to the system&apos;s certificates. Ask IT for it.</source>
        <translation>선택 사항입니다. TLS를 검사하는 회사 네트워크에서 쓰는 회사 루트 인증서 파일(PEM)입니다. 시스템 인증서에 더해 신뢰합니다. 전산 담당자에게 받으세요.</translation>
    </message>
    <message>
        <source>&amp;Read timeout</source>
        <translation>응답 대기 시간(&amp;R)</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>응답 대기 시간(초)</translation>
    </message>
    <message>
        <source>How long to wait for an answer: 1 to 600 seconds. Connecting waits at most 10 seconds.</source>
        <translation>응답을 기다리는 시간으로, 1~600초 사이로 지정합니다. 연결은 최대 10초까지 기다립니다.</translation>
    </message>
    <message>
        <source>Settings and connection</source>
        <translation>설정 및 연결</translation>
    </message>
    <message>
        <source>Set by the environment variable {0}, which overrides this setting here.</source>
        <translation>환경 변수 {0}에 설정된 값이 이 설정보다 우선 적용됩니다.</translation>
    </message>
    <message>
        <source>테스트 (Test): practice</source>
        <translation>테스트: 연습용(연동 테스트)</translation>
    </message>
    <message>
        <source>운영 (Production): real work</source>
        <translation>운영: 실제 업무</translation>
    </message>
    <message>
        <source>Choose: Production or Test</source>
        <translation>고르세요: 운영 또는 테스트</translation>
    </message>
    <message>
        <source>LinkID and SecretKey are not your POPBiLL user ID and password: they are the API keys POPBiLL issues when your company applies for API use (연동 신청). Ask IT or whoever applied for them.</source>
        <translation>LinkID와 SecretKey는 팝빌 아이디·비밀번호가 아니라, 회사가 팝빌에 연동 신청을 하면 발급되는 API 키입니다. 모르면 전산 담당자나 연동 신청을 한 사람에게 물어보세요.</translation>
    </message>
    <message>
        <source>Ad&amp;vanced: other sign-in, addresses, proxy, certificate, timeout</source>
        <translation>고급(&amp;V): 다른 인증 방식, 주소, 프록시, 인증서, 시간 제한</translation>
    </message>
    <message>
        <source>Production: calls are real. Mail is really sent and document IDs are really assigned.</source>
        <translation>운영 환경: 모든 요청이 실제로 처리됩니다. 메일이 실제로 발송되고 문서번호가 실제로 할당됩니다.</translation>
    </message>
    <message>
        <source>Production (운영) is your company&apos;s real work. Test (연동 테스트) is POPBiLL&apos;s practice service: choose it only if your company applied for a test account. If unsure, ask IT.</source>
        <translation>운영은 회사의 실제 업무입니다. 테스트(연동 테스트)는 팝빌의 연습용 서비스로, 회사가 테스트 계정을 신청한 경우에만 고르세요. 잘 모르면 전산 담당자에게 물어보세요.</translation>
    </message>
    <message>
        <source>POPBiLL&apos;s code: %1</source>
        <translation>팝빌 코드: %1</translation>
    </message>
    <message>
        <source>Testing the connection: signing in to POPBiLL.</source>
        <translation>연결을 확인하고 있습니다: 팝빌에 로그인하는 중입니다.</translation>
    </message>
    <message>
        <source>✔ Connection works: POPBiLL accepted these keys. Signed in until {0}.</source>
        <translation>✔ 연결되었습니다. 팝빌이 이 키를 받아들였습니다({0}까지 로그인 유지).</translation>
    </message>
    <message>
        <source>Default hosts</source>
        <translation>기본 호스트</translation>
    </message>
    <message>
        <source>Fixed-IP hosts (static)</source>
        <translation>고정 IP 호스트(static)</translation>
    </message>
    <message>
        <source>GA hosts</source>
        <translation>GA 호스트</translation>
    </message>
    <message>
        <source>한국어</source>
        <comment>the Korean language, named in Korean</comment>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <comment>the English language, named in English</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>(from the host set)</source>
        <translation>(호스트 종류에 따름)</translation>
    </message>
    <message>
        <source>(the system&apos;s proxy settings)</source>
        <translation>(시스템의 프록시 설정)</translation>
    </message>
    <message>
        <source>(the system&apos;s certificates only)</source>
        <translation>(시스템 인증서만 사용)</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(선택 사항)</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation>초</translation>
    </message>
    <message>
        <source>Show the advanced settings</source>
        <translation>고급 설정 보기</translation>
    </message>
    <message>
        <source>Settings IT may ask you to change; most offices never need them.</source>
        <translation>전산 담당자가 바꾸라고 할 때만 쓰는 설정입니다. 대부분의 사무실에서는 필요 없습니다.</translation>
    </message>
    <message>
        <source>LinkI&amp;D and SecretKey</source>
        <translation>LinkID 및 SecretKey(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Pasted session token</source>
        <translation>붙여 넣은 세션 토큰(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in with a pasted session token</source>
        <translation>붙여 넣은 세션 토큰으로 인증</translation>
    </message>
    <message>
        <source>A ready session token; it is used as it is and never renewed.</source>
        <translation>이미 발급된 세션 토큰입니다. 그대로 사용하며 갱신하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be used on this computer, so the keys cannot be saved. They can be kept until the program closes: they are forgotten then.</source>
        <translation>이 컴퓨터에서는 %1에 저장할 수 없어 키를 보관할 수 없습니다. 프로그램을 닫을 때까지만 기억하게 할 수 있으며, 닫으면 지워집니다.</translation>
    </message>
    <message>
        <source>Required to use a typed SecretKey or token when %1 cannot be used. Nothing is written to disk.</source>
        <translation>%1에 저장할 수 없을 때 입력한 SecretKey나 토큰을 쓰려면 선택하세요. 디스크에는 아무것도 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Signs in to POPBiLL with these settings (a session token is issued) and shows until when.</source>
        <translation>이 설정으로 팝빌에 로그인해 보고(세션 토큰 발급) 언제까지 유효한지 보여 줍니다.</translation>
    </message>
    <message>
        <source>(saved)</source>
        <translation>(저장됨)</translation>
    </message>
    <message>
        <source>Keep secrets for this session onl&amp;y</source>
        <translation>키를 프로그램을 닫을 때까지만 기억(&amp;Y)</translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation>키를 프로그램을 닫을 때까지만 기억</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>연결 테스트(&amp;N)</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>연결 테스트 결과</translation>
    </message>
    <message>
        <source>A connection test is still running. Try again in a moment.</source>
        <translation>연결 테스트가 아직 진행 중입니다. 잠시 후 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>Enter the credentials first.</source>
        <translation>먼저 인증 정보를 입력하십시오.</translation>
    </message>
    <message>
        <source>Fix what is marked above first.</source>
        <translation>먼저 위에 표시한 문제를 고치세요.</translation>
    </message>
    <message>
        <source>The pasted token is used as it is: its expiry is unknown, and it is checked by the first call.</source>
        <translation>붙여 넣은 토큰은 그대로 사용합니다. 만료 시각을 알 수 없으며, 첫 요청 때 유효성을 확인합니다.</translation>
    </message>
    <message>
        <source>✖ Connection failed: {0}</source>
        <translation>✖ 연결 실패: {0}</translation>
    </message>
    <message>
        <source>✖ The test failed unexpectedly ({0}).</source>
        <translation>✖ 테스트 중 예기치 않은 오류가 발생했습니다({0}).</translation>
    </message>
</context>
<context>
    <name>SetupBar</name>
    <message>
        <source>Open settin&amp;gs…</source>
        <translation>설정 열기(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>LinkID and SecretKey are the API keys POPBiLL issued for the 연동 신청 (IT has them), not your POPBiLL user ID and password.</source>
        <translation>LinkID와 SecretKey는 팝빌 아이디·비밀번호가 아니라 연동 신청 때 팝빌이 발급한 API 키입니다(전산 담당자에게 물어보세요).</translation>
    </message>
    <message>
        <source>First start: in Settings, choose Production (real work) or Test, and enter your company&apos;s business number, LinkID and SecretKey.</source>
        <translation>처음 시작: 설정에서 운영(실제 업무)과 테스트 중 하나를 고르고 회사의 사업자등록번호, LinkID, SecretKey를 입력하세요.</translation>
    </message>
    <message>
        <source>%1 Or enter the credentials in Settings: they are then kept until the program closes.</source>
        <translation>%1 또는 설정에서 인증 정보를 입력하세요. 그러면 프로그램을 닫을 때까지 기억합니다.</translation>
    </message>
    <message>
        <source>To start, enter your company&apos;s LinkID and SecretKey and its business registration number in Settings. %1 cannot be used on this computer, so they are kept only until the program closes.</source>
        <translation>시작하려면 설정에서 회사의 LinkID와 SecretKey, 사업자등록번호를 입력하세요. 이 컴퓨터에서는 %1에 저장할 수 없어 프로그램을 닫을 때까지만 기억합니다.</translation>
    </message>
    <message>
        <source>To start, enter your company&apos;s LinkID and SecretKey and its business registration number in Settings. They are kept in %1.</source>
        <translation>시작하려면 설정에서 회사의 LinkID와 SecretKey, 사업자등록번호를 입력하세요. 입력한 키는 이 컴퓨터의 %1에 보관합니다.</translation>
    </message>
    <message>
        <source>Enter your company&apos;s business registration number (사업자등록번호) in Settings.</source>
        <translation>설정에서 회사의 사업자등록번호를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>POPBiLL&apos;s state code: %1</source>
        <translation>팝빌 상태 코드: %1</translation>
    </message>
</context>
</TS>
