"""Every sentence the core says to a person, in Korean and English, keyed by a stable message key.

The window, the command line and the batch runner look sentences up here, so a rule or a failure is
worded once. Keys are stable identifiers that tests and callers branch on; the wording may change.
"""

from __future__ import annotations

from typing import Literal

from .batch_messages import BATCH_CATALOG
from .lookup_messages import LOOKUP_CATALOG
from .messages_input import INPUT_CATALOG
from .reading_messages import READING_CATALOG
from .send_messages import SEND_CATALOG

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")

# key -> (Korean, English). Placeholders use str.format names. Batches' sentences are in batch_messages.py.
CATALOG: dict[str, tuple[str, str]] = {
    # ---- input rules (validation) ----
    "mgt_key_type.invalid": (
        "문서유형은 매출, 매입, 위수탁 중 하나여야 합니다.",
        "The type must be sales, purchases or consigned.",
    ),
    "mgt_key.required": ("문서번호를 입력하세요.", "Enter a document ID."),
    "mgt_key.too_long": (
        "문서번호는 24자까지입니다(지금 {length}자).",
        "A document ID has at most 24 characters (this one has {length}).",
    ),
    "mgt_key.bad_chars": (
        "문서번호에는 영문, 숫자, '-', '_'만 쓸 수 있습니다(허용되지 않는 문자: {chars}).",
        "A document ID may hold only letters, digits, '-' and '_' (not allowed: {chars}).",
    ),
    "item_key.required": ("팝빌번호를 입력하세요.", "Enter the POPBiLL number."),
    "item_key.length": (
        "팝빌번호는 정확히 18자리입니다(지금 {length}자리).",
        "A POPBiLL number has exactly 18 digits (this one has {length}).",
    ),
    "item_key.not_digits": (
        "팝빌번호는 숫자로만 되어 있습니다(허용되지 않는 문자: {chars}).",
        "A POPBiLL number holds digits only (not allowed: {chars}).",
    ),
    "receiver.required": ("수신 이메일 주소를 입력하세요.", "Enter the receiver's e-mail address."),
    "receiver.invalid": (
        # email-validator explains in English only, so the Korean sentence gives an example instead.
        "이메일 주소 형식이 올바르지 않습니다(예: name@example.com).",
        "This is not a valid e-mail address: {reason}",
    ),
    "corp_num.required": ("사업자등록번호를 입력하세요.", "Enter the business registration number (CorpNum)."),
    "corp_num.format": (
        "사업자등록번호는 숫자 10자리입니다('-'는 빼도 됩니다).",
        "A business registration number (CorpNum) is 10 digits (dashes are ignored).",
    ),
    "corp_num.checksum": (
        "사업자등록번호의 검증 숫자가 맞지 않습니다. 번호를 다시 확인하세요.",
        "The check digit of this business registration number does not match; please check the number.",
    ),
    "user_id.control": (
        "팝빌 아이디에 제어 문자가 들어 있습니다.",
        "The POPBiLL user ID contains control characters.",
    ),
    "user_id.not_ascii": (
        "팝빌 아이디는 영문, 숫자, 기호로만 되어 있습니다.",
        "A POPBiLL user ID holds only ASCII letters, digits and symbols.",
    ),
    "user_id.too_long": ("팝빌 아이디는 50자까지입니다.", "A POPBiLL user ID has at most 50 characters."),
    "link_id.required": ("LinkID를 입력하세요.", "Enter the LinkID."),
    "link_id.invalid": (
        "LinkID에는 공백이나 제어 문자를 쓸 수 없습니다.",
        "A LinkID may not contain spaces or control characters.",
    ),
    "secret_key.required": ("SecretKey를 입력하세요.", "Enter the SecretKey."),
    "secret_key.invalid": (
        "SecretKey는 팝빌이 발급한 44자 키(영문, 숫자, +, /, =)입니다. 받은 값을 빠짐없이 그대로 붙여 넣으세요.",
        "A SecretKey is the 44-character key POPBiLL issued (letters, digits, +, / and =); paste it whole, "
        "exactly as issued.",
    ),
    "secret_key.password": (
        "비밀번호로 보입니다. SecretKey는 팝빌 로그인 비밀번호가 아니라, 연동 신청 때 팝빌이 발급한 44자 키입니다"
        "(전산 담당자에게 받을 수도 있습니다).",
        "This looks like a password. The SecretKey is not your POPBiLL password but the 44-character key "
        "POPBiLL issued with the API application (연동 신청), or that IT gave you.",
    ),
    "token.invalid": (
        "세션 토큰에 공백이나 허용되지 않는 문자가 있습니다.",
        "The session token contains spaces or characters that are not allowed.",
    ),
    "nts.required": ("국세청승인번호를 입력하세요.", "Enter the NTS confirmation number."),
    "nts.bad_chars": (
        "국세청승인번호는 숫자와 '-'로만 되어 있습니다(허용되지 않는 문자: {chars}).",
        "An NTS confirmation number holds only digits and '-' (not allowed: {chars}).",
    ),
    "nts.length": (
        "국세청승인번호는 숫자 24자리입니다(지금 {length}자리). 예: 20250312-41000089-00001234",
        "An NTS confirmation number has 24 digits (this one has {length}), e.g. 20250312-41000089-00001234.",
    ),
    "nts.date": (
        "국세청승인번호의 앞 8자리({date})가 날짜가 아닙니다. 번호를 다시 확인하세요.",
        "The first eight digits of the NTS confirmation number ({date}) are not a date; check the number.",
    ),
    # ---- invoice look-ups (core/lookup.py) ----
    "search.range_reversed": (
        "조회 시작일({start})이 종료일({end})보다 늦습니다.",
        "The start date ({start}) is after the end date ({end}).",
    ),
    "search.date_kind": (
        "일자 유형은 작성일자(W), 등록일자(R), 발행일자(I) 중 하나입니다.",
        "The date kind is written (W), registered (R) or issued (I).",
    ),
    "search.too_long": (
        "한 번의 조회는 6개월까지입니다({start}~{end}). 기간을 나누어 조회하세요.",
        "One search covers at most 6 months ({start} to {end}): search one period at a time.",
    ),
    "search.state": (
        "상태코드는 3자리이며 뒤의 두 자리에 '*'를 쓸 수 있습니다(예: 3**): {state}",
        "A state code has 3 digits; '*' may stand for the last two (e.g. 3**): {state}",
    ),
    "search.partner": (
        "거래처 검색어는 100자까지이며 제어 문자를 쓸 수 없습니다.",
        "The partner search text has at most 100 characters and no control characters.",
    ),
    "search.mgt_key": (
        "찾을 값이 문서번호도 국세청승인번호도 아닙니다.",
        "The value to find is neither a document ID nor an NTS confirmation number.",
    ),
    "search.page": (
        "페이지 번호는 1 이상, 페이지당 건수는 1~1000입니다.",
        "The page number is 1 or more, and a page holds 1 to 1000 invoices.",
    ),
    "search.filter": (
        "검색 조건 {name}의 값이 올바르지 않습니다: {value}",
        "Invalid value for the search filter {name}: {value}",
    ),
    "lookup.nts_none": (
        "국세청승인번호 {nts}인 세금계산서를 찾지 못했습니다. 번호와 문서유형(매출/매입/위수탁)을 확인하세요.",
        "No invoice has the NTS confirmation number {nts}. Check the number and the type (sales, purchases or "
        "consigned).",
    ),
    "lookup.nts_several": (
        "국세청승인번호 {nts}인 세금계산서가 {count}건이라 하나로 정할 수 없습니다. 팝빌번호로 지정하세요.",
        "{count} invoices have the NTS confirmation number {nts}: name the invoice by its POPBiLL number instead.",
    ),
    "lookup.nts_has_mgt_key": (
        "국세청승인번호 {nts}인 세금계산서에는 이미 문서번호({mgt_key})가 있어 할당할 필요가 없습니다.",
        "The invoice with the NTS confirmation number {nts} already has the document ID {mgt_key}: "
        "there is nothing to assign.",
    ),
    # ---- invoice states (core/states.py): exact codes where the vendor documents them, else the hundreds ----
    "state.1xx": ("임시저장", "Saved, not issued"),
    "state.2xx": ("승인대기", "Waiting for approval"),
    "state.3xx": ("발행완료", "Issued"),
    "state.300": ("발행완료", "Issued"),
    "state.301": ("발행완료(국세청 전송 전)", "Issued, not yet filed to the NTS"),
    "state.302": ("국세청 전송 대기", "Issued, waiting to be filed to the NTS"),
    "state.303": ("국세청 전송 중", "Issued, waiting for the NTS result"),
    "state.304": ("국세청 전송 완료", "Issued and filed to the NTS"),
    "state.305": ("국세청 전송 실패", "Issued; filing to the NTS failed"),
    "state.4xx": ("거부", "Refused"),
    "state.5xx": ("취소", "Cancelled before issue"),
    "state.6xx": ("발행취소", "Issue cancelled"),
    "state.600": ("발행취소", "Issue cancelled"),
    "state.unknown": ("알 수 없는 상태", "Unknown state"),
    # ---- client-side failures (code -99999999), one per kind ----
    "error.dns": (
        "서버 주소({host})를 찾을 수 없습니다. 인터넷 연결과 DNS 설정을 확인하세요.",
        "The server name ({host}) could not be resolved. Check the internet connection and DNS settings.",
    ),
    "error.refused": (
        "서버({host})가 연결을 거부했습니다. 주소와 포트, 방화벽을 확인하세요.",
        "The server ({host}) refused the connection. Check the address, the port and the firewall.",
    ),
    "error.proxy": (
        "프록시 서버를 통해 연결하지 못해 요청을 보내지 않았습니다. Windows의 '프록시 설정'(macOS는 시스템 설정 → "
        "네트워크 → 프록시)이나 HTTPS_PROXY 환경 변수에 적힌 프록시 주소가 맞는지 전산 담당자에게 확인하세요. "
        "자동 구성 스크립트(PAC)가 프록시를 골랐다면 그 스크립트도 확인해 달라고 하세요.",
        "Could not connect through the proxy server, so nothing was sent. Ask IT to check the proxy named in the "
        "Windows proxy settings (macOS: System Settings → Network → Proxies) or in the HTTPS_PROXY variable, and the "
        "automatic configuration script (PAC) if one chose the proxy.",
    ),
    "error.tls": (
        "서버({host})의 보안 인증서를 확인하지 못해 요청을 보내지 않았습니다. 회사 네트워크가 보안 연결을 검사한다면 "
        "전산 담당자에게 회사 루트 인증서가 Windows 인증서 저장소(macOS는 키체인)에 설치되어 있는지 확인해 달라고 "
        "하거나, 받은 인증서 파일을 설정 → 고급의 CA 인증서 파일(POPBILL_CA_BUNDLE)에 지정하세요.",
        "The security certificate of the server ({host}) could not be verified, so nothing was sent. If your company "
        "network inspects secure connections, ask IT to make sure the company's root certificate is in the Windows "
        "certificate store (the Keychain on macOS), or name the certificate file they give you in Settings → "
        "Advanced → CA certificate file (POPBILL_CA_BUNDLE).",
    ),
    "error.answer_lost": (
        "서버({host})에 요청을 보낸 뒤 보안 연결이 깨져 응답을 받지 못했습니다. 요청이 처리되었을 수 있으니 팝빌 "
        "사이트에서 결과를 확인한 뒤 다시 시도하세요.",
        "The secure connection to the server ({host}) broke after the request was sent, so its answer was lost. "
        "The request may have been processed: check on the POPBiLL website before trying again.",
    ),
    "error.connect_failed": (
        "서버({host})에 연결하지 못해 요청을 보내지 않았습니다. 네트워크 연결을 확인하세요.",
        "Could not connect to the server ({host}), so nothing was sent. Check the network connection.",
    ),
    "error.ca_file": (
        "CA 인증서 파일을 쓸 수 없습니다: {reason}",
        "The CA certificate file cannot be used: {reason}",
    ),
    # The path comes last, so that no full stop is taken for part of it.
    "ca_file.missing": (
        "CA 인증서 파일이 없습니다(경로를 확인하세요): {path}",
        "The CA certificate file does not exist (check the path): {path}",
    ),
    "ca_file.folder": (
        "CA 인증서 파일 대신 폴더가 지정되었습니다(폴더 안의 .pem, .crt, .cer 파일을 고르세요): {path}",
        "A folder was named instead of a CA certificate file (choose the .pem, .crt or .cer file in it): {path}",
    ),
    "ca_file.unreadable": (
        "CA 인증서 파일을 읽지 못했습니다(파일 권한을 확인하세요): {path}",
        "The CA certificate file could not be read (check its permissions): {path}",
    ),
    "ca_file.not_certificates": (
        "인증서가 들어 있지 않은 파일입니다(전산 담당자에게 받은 루트 인증서 파일 .pem, .crt, .cer을 "
        "지정하세요): {path}",
        "This file holds no certificate (name the root certificate file IT gave you, .pem, .crt or .cer): {path}",
    ),
    "error.connect_timeout": (
        "{seconds}초 안에 서버({host})에 연결하지 못했습니다. 네트워크를 확인하세요.",
        "Could not connect to the server ({host}) within {seconds} s. Check the network.",
    ),
    "error.read_timeout": (
        "서버({host})가 {seconds}초 안에 응답하지 않았습니다. 요청이 처리되었을 수 있으니 팝빌 "
        "사이트에서 결과를 확인한 뒤 다시 시도하세요.",
        "The server ({host}) did not answer within {seconds} s. The request may have been processed: "
        "check on the POPBiLL website before trying again.",
    ),
    "error.reset": (
        "서버({host})와의 연결이 도중에 끊어졌습니다. 요청이 처리되었을 수 있으니 팝빌 사이트에서 결과를 확인하세요.",
        "The connection to the server ({host}) was cut off. The request may have been processed: "
        "check on the POPBiLL website.",
    ),
    "error.network": (
        "서버({host})와 통신하던 중 문제가 생겼습니다. 요청이 처리되었을 수 있으니 팝빌 사이트에서 결과를 확인한 뒤 "
        "다시 시도하세요.",
        "Communication with the server ({host}) failed. The request may have been processed: check on the POPBiLL "
        "website before trying again.",
    ),
    "error.not_json": (
        "서버가 알아볼 수 없는 응답을 보냈습니다(HTTP {status}). 잠시 뒤 다시 시도하세요.",
        "The server sent an answer that could not be read (HTTP {status}). Try again later.",
    ),
    "error.no_code": (
        "서버 응답에 결과 코드가 없습니다(HTTP {status}). 잠시 뒤 다시 시도하세요.",
        "The server's answer has no result code (HTTP {status}). Try again later.",
    ),
    "error.html_page": (
        "서버가 오류 페이지를 보냈습니다(HTTP {status}). 서버 점검 중이거나 프록시가 막고 있을 수 있습니다.",
        "The server sent an error page (HTTP {status}). It may be under maintenance, or a proxy is in the way.",
    ),
    "error.bad_gzip": (
        "서버 응답의 압축을 풀지 못했습니다(HTTP {status}).",
        "The server's compressed answer could not be decompressed (HTTP {status}).",
    ),
    "error.too_large": (
        "서버 응답이 너무 큽니다({limit} 초과). 읽기를 멈췄습니다.",
        "The server's answer is too large (over {limit}); reading was stopped.",
    ),
    "error.plain_http": (
        "암호화되지 않은 http:// 주소는 이 컴퓨터(루프백) 주소에만 쓸 수 있습니다: {url}",
        "A plain http:// address is allowed only for this computer (loopback): {url}",
    ),
    "error.bad_url": ("주소 형식이 올바르지 않습니다: {url}", "This is not a usable address: {url}"),
    "error.bad_pac": (
        "프록시 스크립트의 위치가 아닙니다: {url}. http:// 또는 https://로 시작하는 주소나 이 컴퓨터의 파일 경로를 "
        "넣으세요.",
        "This is not where a proxy script can be: {url}. Enter an http:// or https:// address, or a file on this "
        "computer.",
    ),
    "error.invalid_input": (
        "입력값이 올바르지 않아 보내지 않았습니다.",
        "Nothing was sent: the input is not valid.",
    ),
    # Where to enter them is each face's own advice (the window's Settings, the command line's login).
    "error.no_credentials": (
        "인증 정보(LinkID와 SecretKey)가 없습니다.",
        "No credentials (LinkID and SecretKey) are configured.",
    ),
    "error.no_corp_num": (
        "사업자등록번호(POPBILL_CORP_NUM)가 설정되지 않았습니다.",
        "No business registration number (POPBILL_CORP_NUM) is configured.",
    ),
    "error.token_refused": (
        "입력한 세션 토큰이 거부되었습니다. 새 토큰을 받아 다시 입력하세요.",
        "The pasted session token was refused. Get a new token and paste it again.",
    ),
    "error.keyring": (
        "운영체제의 키링(자격 증명 저장소)을 쓸 수 없습니다: {reason}",
        "The operating system's keyring (credential store) cannot be used: {reason}",
    ),
    "keyring.none": (
        "이 컴퓨터에는 쓸 수 있는 키링이 없습니다. 인증 정보는 환경 변수로 넘기거나 이번 실행 동안만 기억하게 하세요.",
        "no usable keyring was found on this computer. Pass the credentials in environment variables, or keep "
        "them for this session only.",
    ),
    "keyring.locked": ("키링이 잠겨 있습니다. 잠금을 풀고 다시 시도하세요.", "it is locked; unlock it and try again."),
    "keyring.failed": ("키링이 요청을 거부했습니다({error}).", "it refused the request ({error})."),
    "keyring.win_policy": (
        "Windows 정책이 자격 증명 저장을 막고 있습니다(오류 1312). 전산 담당자에게 '네트워크 액세스: 네트워크 인증에 "
        "대한 암호 및 자격 증명 저장 허용 안 함' 정책을 문의하거나, 인증 정보를 이번 실행 동안만 기억하게 하세요.",
        'Windows policy does not allow storing credentials (error 1312). Ask IT about the policy "Network access: '
        'Do not allow storage of passwords and credentials for network authentication", or keep the credentials '
        "for this session only.",
    ),
    "keyring.value_too_long": (
        "저장할 값이 Windows 자격 증명 관리자의 한도보다 깁니다(오류 1783).",
        "the value is longer than Windows Credential Manager can hold (error 1783).",
    ),
    "credentials.too_long": (
        "붙여 넣은 값이 너무 깁니다({length}자). 키링에는 {limit}자까지 저장할 수 있으니 값만 정확히 붙여 넣었는지 "
        "확인하세요.",
        "The pasted value is too long ({length} characters): the keyring can keep at most {limit}. Check that you "
        "pasted the value and nothing else.",
    ),
    "error.bad_token_answer": (
        "토큰 서비스의 응답에 세션 토큰이나 만료 시각이 없습니다.",
        "The token service's answer has no session token or expiry time.",
    ),
    # ---- command line ----
    "cli.saved": (
        "{env} 환경의 인증 정보를 키링에 저장했습니다({backend}).",
        "Saved the credentials for {env} in the keyring ({backend}).",
    ),
    "cli.removed": (
        "{env} 환경의 인증 정보를 키링에서 지웠습니다.",
        "Removed the credentials for {env} from the keyring.",
    ),
    "cli.nothing_saved": ("{env} 환경에 저장된 인증 정보가 없습니다.", "No credentials are saved for {env}."),
    # ---- menu entries and shortcuts (popbill_gui/platform/shortcuts.py: popbill-gui --install-shortcut) ----
    "shortcut.added_windows": (
        "시작 메뉴에 바로 가기를 만들었습니다: {path}",
        "Added a Start-menu shortcut: {path}",
    ),
    "shortcut.added_linux": ("프로그램 메뉴에 항목을 추가했습니다: {path}", "Added an application-menu entry: {path}"),
    "shortcut.removed": ("지웠습니다: {path}", "Removed {path}"),
    "shortcut.nothing": ("지울 바로 가기가 없습니다: {path}", "There is no shortcut to remove: {path}"),
    "shortcut.macos": (
        "macOS에서는 popbill-gui.app을 응용 프로그램(Applications) 폴더로 끌어다 놓으면 Launchpad와 Spotlight에서 "
        "찾을 수 있습니다. 바로 가기는 따로 만들지 않습니다.",
        "On macOS, drag popbill-gui.app into the Applications folder; Launchpad and Spotlight find it there. "
        "No shortcut is needed.",
    ),
    "shortcut.unsupported": (
        "이 운영체제({platform})에서는 바로 가기를 만들 수 없습니다.",
        "Shortcuts cannot be made on this operating system ({platform}).",
    ),
    "shortcut.newline": (
        "프로그램 폴더의 경로에 줄바꿈 문자가 있어 메뉴 항목을 만들 수 없습니다. 폴더 이름을 바꾸고 다시 실행하세요.",
        "The program's folder path contains a line break, which a menu entry cannot hold; rename the folder and "
        "run this again.",
    ),
    "shortcut.failed": (
        "바로 가기를 만들거나 지우지 못했습니다: {reason} (popbill-gui.exe를 마우스 오른쪽 단추로 눌러 "
        "'시작 화면에 고정'을 써도 됩니다.)",
        "The shortcut could not be made or removed: {reason} (right-click popbill-gui.exe and choose "
        "'Pin to Start' instead.)",
    ),
    "shortcut.bad_chars": (
        "프로그램 폴더의 경로에 Windows 바로 가기가 담을 수 없는 문자가 있습니다",
        "the program's folder path has characters a Windows shortcut cannot hold",
    ),
    "shortcut.write_failed": (
        "메뉴 항목을 쓰지 못했습니다({path}): {reason}",
        "The menu entry could not be written ({path}): {reason}",
    ),
    # ---- hints for POPBiLL codes users meet most (what to do next) ----
    "hint.clock": (
        "PC 시계가 맞지 않습니다. 서버 시각으로 다시 서명했는데도 거부되면 시계를 맞추세요.",
        "The PC clock is off. If this persists after re-signing with the server's time, set the clock.",
    ),
    "hint.signature": (
        "LinkID 또는 SecretKey가 맞지 않습니다. 인증 정보를 확인하세요.",
        "The LinkID or SecretKey is wrong. Check the credentials.",
    ),
    "hint.not_member": (
        "이 사업자등록번호는 팝빌 연동회원이 아닙니다. 번호를 확인하세요.",
        "This business registration number is not a POPBiLL member. Check the number.",
    ),
    "hint.token_expired": (
        "세션 토큰이 만료되었습니다. 다시 시도하면 새 토큰을 받습니다.",
        "The session token expired. Trying again issues a new one.",
    ),
    "hint.ip": (
        "이 PC의 IP 주소가 허용되지 않았습니다. 전산 담당자에게 IP 등록을 요청하세요.",
        "This computer's IP address is not allowed. Ask IT to register it with POPBiLL.",
    ),
    "hint.points": (
        "포인트가 부족합니다. 팝빌 사이트에서 충전하세요.",
        "Not enough points. Top up on the POPBiLL website.",
    ),
    "hint.not_found": (
        "해당 문서를 찾지 못했습니다. 문서번호와 문서유형(매출/매입/위수탁)을 확인하세요.",
        "No invoice was found. Check the document ID and the type (sales, purchases or consigned).",
    ),
    "hint.mgt_key_type": ("문서유형은 매출, 매입, 위수탁 중에서 고르세요.", "Choose sales, purchases or consigned."),
    "hint.mail_state": (
        "이 문서는 지금 상태에서 메일을 보낼 수 없습니다. 팝빌 사이트에서 문서를 확인하세요.",
        "Mail cannot be sent for this invoice in its current state. Check it on the POPBiLL website.",
    ),
    "hint.already_assigned": (
        "이 문서에는 이미 문서번호가 있습니다. 할당할 필요가 없습니다.",
        "This invoice already has a document ID; there is nothing to assign.",
    ),
    "hint.key_in_use": (
        "이 문서번호는 다른 문서가 쓰고 있습니다. 다른 번호를 고르세요.",
        "This document ID is used by another invoice. Choose another ID.",
    ),
    "hint.key_invalid": ("문서번호가 올바르지 않습니다. 번호를 고치세요.", "The document ID is invalid. Fix it."),
    "hint.token_refused_again": (
        "새로 받은 토큰도 거부되었습니다. 인증 정보와 사업자등록번호를 확인하세요.",
        "The newly issued token was refused too. Check the credentials and the CorpNum.",
    ),
    "hint.network": (
        "네트워크 문제입니다. 연결을 확인한 뒤 다시 시도하세요.",
        "A network problem. Check the connection and try again.",
    ),
    # ---- added to a DNS or connection failure when a PAC script or the system's proxy settings had a say ----
    "proxy.pac_direct": (
        "이 컴퓨터의 프록시 자동 구성 스크립트(PAC, {where})는 이 주소에 프록시 없이 직접 연결하라고 합니다. 회사 "
        "네트워크가 프록시를 거쳐야만 인터넷에 나갈 수 있다면 전산 담당자에게 이 스크립트를 확인해 달라고 하세요.",
        "This computer's proxy auto-configuration script (PAC, {where}) says to reach this address directly, "
        "without a proxy. If the company network reaches the internet only through a proxy, ask IT to check "
        "the script.",
    ),
    "proxy.pac_chose": (
        "이 프록시({proxy})는 이 컴퓨터의 프록시 자동 구성 스크립트(PAC, {where})가 골랐습니다.",
        "This proxy ({proxy}) was chosen by this computer's proxy auto-configuration script (PAC, {where}).",
    ),
    "proxy.pac_unusable": (
        "이 컴퓨터에는 프록시 자동 구성 스크립트(PAC, {where})가 설정되어 있지만 {reason} 프록시 없이 직접 "
        "연결했습니다. 전산 담당자에게 스크립트 주소를 확인하거나, 프록시 주소를 받아 프록시 설정이나 HTTPS_PROXY "
        "환경 변수에 넣어 달라고 하세요.",
        "This computer names a proxy auto-configuration script (PAC, {where}), but {reason}, so the connection was "
        "made directly, without a proxy. Ask IT to check the script's address, or for the proxy's address to put "
        "in the proxy settings or the HTTPS_PROXY variable.",
    ),
    "proxy.system_bypassed": (
        "이 컴퓨터의 프록시 설정에는 프록시({proxy})가 있지만 이 주소에는 쓰지 않도록 되어 있어 직접 연결했습니다. "
        "회사 네트워크가 프록시를 거쳐야 한다면 전산 담당자에게 프록시 예외 목록(NO_PROXY, '다음으로 시작하는 주소에 "
        "프록시 서버 사용 안 함')을 확인해 달라고 하세요.",
        "This computer's proxy settings name a proxy ({proxy}), but not for this address, so the connection was "
        "made directly. If the company network needs the proxy, ask IT to check the proxy exceptions (NO_PROXY, "
        "or 'Don't use the proxy server for addresses beginning with').",
    ),
    "proxy.reason.unreachable": ("스크립트를 받아 오지 못해", "it could not be fetched"),
    "proxy.reason.not_script": ("받은 내용이 올바른 스크립트가 아니어서", "what came back is not a valid script"),
    "proxy.reason.failed": ("스크립트가 실행 중에 실패해", "the script failed when it ran"),
    "proxy.reason.no_proxy": (
        "스크립트가 이 프로그램이 쓸 수 있는 프록시(HTTP)를 알려 주지 않아",
        "it named no proxy this program can use (HTTP)",
    ),
    "proxy.reason.engine": ("스크립트를 실행할 구성 요소가 없어", "the part that runs such scripts is missing"),
    "proxy.reason.too_slow": (
        "스크립트가 {seconds}초 안에 답하지 않아(끝나지 않는 스크립트일 수 있습니다)",
        "the script did not answer within {seconds} seconds (it may never finish)",
    ),
    **BATCH_CATALOG,
}
CATALOG.update(LOOKUP_CATALOG)  # finding invoices (popbill-cli search/info) and assign files by NTS number
CATALOG.update(INPUT_CATALOG)  # e-mail mistakes, batch columns and templates (core/messages_input.py)
CATALOG.update(SEND_CATALOG)  # what was sent and what became of it (core/send_messages.py)
CATALOG.update(READING_CATALOG)  # files read as the clerk sees them, results files' causes (core/reading_messages.py)


def text(key: str, lang: Lang = "ko", **params: object) -> str:
    """The sentence for `key` in `lang`, with `params` filled in; the key itself if unknown."""
    pair = CATALOG.get(key)
    if pair is None:
        return key
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def accept_language(lang: Lang) -> str:
    """The Accept-Language header that makes POPBiLL answer in `lang`."""
    return "en-US" if lang == "en" else "ko-KR"


def normalize_lang(value: str | None) -> Lang:
    """'en', 'en-US', 'EN' → 'en'; anything else (including None) → 'ko', the default."""
    return "en" if value and value.strip().lower().startswith("en") else "ko"
