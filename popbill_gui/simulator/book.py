"""The simulator's generated books of e-Tax invoices: each company's sales, purchases and consigned invoices.

Everything but the dates comes from a seed, so a book is the same on every start; the demo company's seed is
the book seed itself, any other company's is made from the book seed and its CorpNum. The dates are counted back
from "today" (Korea time), so a search of recent months always finds invoices. About a third were issued on
the website and have no document ID on our side: those are what AssignMgtKey is for. Standard library only.

`BookInvoice.fields` holds the union of the API's TaxinvoiceInfo (Search, GetInfo) and Taxinvoice (the
detail) fields, under the API's own names; `info()` and `detail()` project the two answers from it.
"""

from __future__ import annotations

import hashlib
import random
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from popbill_gui.simulator.names import DEFAULT_SEED, DEFAULT_SIZE

DEMO_CORP_NUM = "1248100998"
DEFAULT_SPAN_DAYS = 270  # nine months back from yesterday
FIRST_MONTH = date(2010, 1, 1)  # e-Tax invoices began in 2010: no company's book goes further back
MONTH_SPREAD = 33_333  # see month_book: three months' sequences fit the ItemKey's five digits

# Our side's document ID and the party that is "the partner", per MgtKeyType.
OUR_KEY_FIELD = {"SELL": "invoicerMgtKey", "BUY": "invoiceeMgtKey", "TRUSTEE": "trusteeMgtKey"}
_KEY_PREFIX = {"SELL": "SO", "BUY": "PO", "TRUSTEE": "TR"}

# TaxinvoiceInfo, in the order the vendor's reference lists it (what Search and GetInfo answer).
INFO_FIELDS: tuple[str, ...] = (
    "itemKey", "taxType", "writeDate", "regDT", "issueType", "supplyCostTotal", "taxTotal", "purposeType",
    "issueDT", "lateIssueYN", "preIssueDT", "openYN", "openDT", "stateMemo", "stateCode", "stateDT",
    "ntsconfirmNum", "ntsresult", "ntssendDT", "ntsresultDT", "ntssendErrCode", "modifyCode", "interOPYN",
    "invoicerCorpName", "invoicerCorpNum", "invoicerMgtKey", "invoicerPrintYN",
    "invoiceeCorpName", "invoiceeCorpNum", "invoiceeMgtKey", "invoiceePrintYN",
    "closeDownState", "closeDownStateDate",
    "trusteeCorpName", "trusteeCorpNum", "trusteeMgtKey", "trusteePrintYN",
)  # fmt: skip

# Taxinvoice (GetDetailInfo): the whole invoice, as the vendor's getDetailInfo example reads it.
DETAIL_FIELDS: tuple[str, ...] = (
    "ntsconfirmNum", "issueType", "taxType", "chargeDirection", "serialNum", "kwon", "ho", "writeDate",
    "purposeType", "supplyCostTotal", "taxTotal", "totalAmount", "cash", "chkBill", "credit", "note",
    "remark1", "remark2", "remark3",
    "invoicerMgtKey", "invoicerCorpNum", "invoicerTaxRegID", "invoicerCorpName", "invoicerCEOName",
    "invoicerAddr", "invoicerBizClass", "invoicerBizType", "invoicerContactName", "invoicerTEL", "invoicerHP",
    "invoicerEmail", "invoicerSMSSendYN",
    "invoiceeMgtKey", "invoiceeType", "invoiceeCorpNum", "invoiceeTaxRegID", "invoiceeCorpName",
    "invoiceeCEOName", "invoiceeAddr", "invoiceeBizType", "invoiceeBizClass", "closeDownState",
    "closeDownStateDate", "invoiceeContactName1", "invoiceeTEL1", "invoiceeHP1", "invoiceeEmail1",
    "invoiceeContactName2", "invoiceeTEL2", "invoiceeHP2", "invoiceeEmail2", "invoiceeSMSSendYN",
    "trusteeMgtKey", "trusteeCorpNum", "trusteeTaxRegID", "trusteeCorpName", "trusteeCEOName", "trusteeAddr",
    "trusteeBizType", "trusteeBizClass", "trusteeContactName", "trusteeTEL", "trusteeHP", "trusteeEmail",
    "trusteeSMSSendYN",
    "modifyCode", "orgNTSConfirmNum", "businessLicenseYN", "bankBookYN", "detailList", "addContactList",
)  # fmt: skip


@dataclass(frozen=True)
class Company:
    """A party of an invoice. E-mail domains are under example.com (reserved): no mail can reach anyone."""

    name: str
    corp_num: str
    ceo: str
    addr: str
    biz_type: str
    biz_class: str
    contact: str
    email: str
    tel: str


DEMO_COMPANY = Company(
    "(주)팝빌지유아이데모", DEMO_CORP_NUM, "김데모", "서울특별시 중구 데모길 12, 3층", "도소매", "사무용품",
    "이경리", "tax@popbill-gui-demo.example.com", "02-555-0100",
)  # fmt: skip

# (name, CEO, city + district, business type, business class, contact, mail domain stem)
_PARTNERS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("(주)한빛물산", "한지훈", "서울특별시 강남구", "도소매", "생활용품", "박소연", "hanbit-trade"),
    ("대성기계 주식회사", "최대성", "경기도 안산시", "제조", "산업기계", "정민수", "daesung-mach"),
    ("푸른숲디자인", "오수림", "서울특별시 마포구", "서비스", "시각디자인", "오수림", "greenforest-design"),
    ("서울식자재유통(주)", "강석진", "서울특별시 송파구", "도매", "식자재", "윤하늘", "seoul-food"),
    ("(주)새한전자", "이새한", "경기도 수원시", "제조", "전자부품", "김도윤", "saehan-elec"),
    ("동해수산", "박동해", "강원특별자치도 강릉시", "도소매", "수산물", "박동해", "donghae-fish"),
    ("(주)미래소프트", "정미래", "경기도 성남시", "서비스", "소프트웨어 개발", "한예린", "mirae-soft"),
    ("한결물류(주)", "송한결", "인천광역시 중구", "운수", "화물운송", "임재현", "hangyeol-logis"),
    ("(주)다온인쇄", "조다온", "서울특별시 중구", "제조", "인쇄", "서지우", "daon-print"),
    ("청솔건설 주식회사", "유청솔", "대전광역시 유성구", "건설", "실내건축", "배성호", "cheongsol-const"),
    ("(주)온누리약품", "문온누리", "대구광역시 북구", "도매", "의약품", "신아름", "onnuri-pharm"),
    ("바른회계사무소", "황바른", "서울특별시 서초구", "서비스", "세무회계", "황바른", "bareun-tax"),
    ("(주)가온테크", "남가온", "부산광역시 해운대구", "제조", "금속가공", "권태양", "gaon-tech"),
    ("(주)한빛광고", "한지민", "서울특별시 용산구", "서비스", "광고대행", "안지호", "hanbit-ad"),
    ("늘봄카페", "전늘봄", "광주광역시 동구", "음식점", "커피전문점", "전늘봄", "neulbom-cafe"),
    ("(주)세진사무기기", "구세진", "경기도 고양시", "도소매", "사무기기", "홍유나", "sejin-office"),
    ("태평양상사(주)", "노태평", "부산광역시 중구", "도매", "무역", "차민재", "pacific-trading"),
    ("(주)하나로통신", "하나로", "서울특별시 영등포구", "서비스", "통신", "곽보람", "hanaro-tel"),
    ("보람인테리어", "장보람", "경기도 용인시", "건설", "인테리어", "장보람", "boram-interior"),
    ("(주)녹색에너지", "엄녹색", "충청남도 천안시", "제조", "태양광 설비", "길현우", "green-energy"),
    ("(주)우리포장", "변우리", "경기도 화성시", "제조", "포장재", "석다은", "woori-pack"),
    ("새벽농산", "백새벽", "전라남도 나주시", "농업", "농산물", "백새벽", "saebyeok-farm"),
    ("(주)에이스보안", "탁에이스", "서울특별시 구로구", "서비스", "경비보안", "류시온", "ace-security"),
    ("(주)한빛사무용품", "한승우", "서울특별시 중랑구", "도소매", "문구", "표하은", "hanbit-office"),
)

_ROADS = ("가람", "누리", "다솜", "미르", "보람", "샘터", "새솔", "한빛", "하늘", "햇살")  # made up
_CONSIGNORS = (2, 7, 16, 20)  # partners that have us issue on their behalf (TRUSTEE invoices)
_ITEMS = (
    ("A4 복사용지", "80g 2500매", 27_000),
    ("토너 카트리지", "표준", 89_000),
    ("사무용 의자", "메쉬", 185_000),
    ("물류 운송비", "5톤", 420_000),
    ("웹사이트 유지보수", "월", 1_500_000),
    ("포장 박스", "중형", 900),
    ("전자부품 세트", "SMD", 12_500),
    ("광고 디자인", "시안 3종", 2_200_000),
    ("식자재", "주간", 640_000),
    ("세무 자문료", "분기", 990_000),
    ("보안 경비 용역", "월", 3_300_000),
    ("인쇄물", "카탈로그", 4_800),
)  # fmt: skip
_CORP_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def check_digit(nine: str) -> int:
    """The check digit of a business registration number's first nine digits (docs/PROTOCOL.md, "Input rules")."""
    nums = [int(c) for c in nine]
    total = sum(n * w for n, w in zip(nums, _CORP_WEIGHTS, strict=True)) + (nums[8] * 5) // 10
    return (10 - total % 10) % 10


def _corp_num(rng: random.Random, incorporated: bool) -> str:
    office = rng.randint(101, 899)
    kind = rng.choice((81, 86, 87)) if incorporated else rng.randint(1, 79)
    nine = f"{office:03d}{kind:02d}{rng.randint(1, 9999):04d}"
    return nine + str(check_digit(nine))


def _partners(rng: random.Random) -> list[Company]:
    made = []
    for name, ceo, region, biz_type, biz_class, contact, stem in _PARTNERS:
        incorporated = "(주)" in name or "주식회사" in name
        local = rng.choice(("tax", "account", "billing", "finance", "office"))
        made.append(
            Company(
                name, _corp_num(rng, incorporated), ceo, f"{region} {rng.choice(_ROADS)}로 {rng.randint(1, 300)}",
                biz_type, biz_class, contact, f"{local}@{stem}.example.com",
                f"0{rng.choice((2, 31, 32, 51, 53, 62))}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            )
        )  # fmt: skip
    return made


# Names for the book of any other company that signs in (the vendor's test CorpNum 1234567890 among them).
_OWNER_NAMES = (
    ("(주)연동테스트상사", "정연동", "서울특별시 금천구", "도소매", "전자상거래"),
    ("(주)가람유통", "김가람", "서울특별시 성동구", "도매", "생활용품"),
    ("누리정보기술(주)", "이누리", "경기도 성남시", "서비스", "정보처리"),
    ("(주)다솜식품", "박다솜", "충청북도 청주시", "제조", "가공식품"),
    ("미르산업 주식회사", "최미르", "경상남도 창원시", "제조", "기계부품"),
)


def company_seed(corp_num: str, base_seed: int = DEFAULT_SEED) -> int:
    """The book seed of a company that is not the demo company: from its CorpNum, the same in every process."""
    digest = hashlib.sha256(f"{base_seed}:{corp_num}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def company_for(corp_num: str, seed: int) -> Company:
    """A made-up company standing for `corp_num` (its invoices' own side)."""
    rng = random.Random(seed)  # noqa: S311 -- made-up data
    name, ceo, region, biz_type, biz_class = rng.choice(_OWNER_NAMES)
    return Company(
        name, corp_num, ceo, f"{region} {rng.choice(_ROADS)}로 {rng.randint(1, 300)}", biz_type, biz_class,
        ceo, f"tax@corp-{corp_num}.example.com", f"02-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
    )  # fmt: skip


@dataclass
class BookInvoice:
    """One invoice of the book: our side (MgtKeyType), the API's fields, and what only filters look at."""

    item_key: str
    mgt_key_type: str
    fields: dict[str, Any]
    reg_type: str = "P"  # P: made on POPBiLL, H: Hometax or another provider (RegType filter)
    tax_reg_ids: dict[str, str] = field(default_factory=dict)  # S/B/T -> branch number (TaxRegID filters)

    @property
    def our_mgt_key(self) -> str:
        return str(self.fields.get(OUR_KEY_FIELD[self.mgt_key_type]) or "")

    @property
    def state_code(self) -> int:
        return int(self.fields["stateCode"])

    def info(self) -> dict[str, Any]:
        """TaxinvoiceInfo: what Search lists and GetInfo answers (a copy)."""
        return {name: self.fields.get(name) for name in INFO_FIELDS}

    def detail(self) -> dict[str, Any]:
        """Taxinvoice: what GetDetailInfo answers (a copy; lists copied too)."""
        out = {name: self.fields.get(name) for name in DETAIL_FIELDS}
        for name in ("detailList", "addContactList"):
            entries = out[name]
            if isinstance(entries, list):
                out[name] = [dict(entry) for entry in entries]
        return out


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


def _state(rng: random.Random, issue_age_days: int) -> int:
    roll = rng.random()
    if roll < 0.05:
        return 100  # temporarily saved, never issued
    if roll < 0.10:
        return 200  # waiting for the buyer's approval
    if roll < 0.14:
        return 400  # refused
    if roll < 0.20:
        return 600  # cancelled after issue
    if issue_age_days <= 1:
        return rng.choice((300, 301))
    if issue_age_days <= 3:
        return rng.choice((301, 302, 303, 304))
    return 305 if rng.random() < 0.03 else 304


def generate(
    today: date,
    *,
    size: int = DEFAULT_SIZE,
    seed: int = DEFAULT_SEED,
    span_days: int = DEFAULT_SPAN_DAYS,
    owner: Company = DEMO_COMPANY,
) -> list[BookInvoice]:
    """`size` invoices written 1 to `span_days` days before `today`, the same for the same seed and today."""
    if not 0 <= size <= 99_999:
        raise ValueError("the book holds 0 to 99,999 invoices (the ItemKey's sequence has five digits)")
    rng = random.Random(seed)  # noqa: S311 -- made-up data, the same for the same seed
    partners = _partners(rng)
    made = _Making(today, owner, partners)
    book = []
    for seq in range(1, size + 1):
        kind = _kind(rng)
        write = today - timedelta(days=rng.randint(1, max(1, span_days)))
        book.append(made.invoice(rng, seq, kind, write))
    return book


def month_book(
    year: int, month: int, today: date, *, size: int = DEFAULT_SIZE, seed: int, owner: Company
) -> list[BookInvoice]:
    """The invoices written in one month before `today`, at the pace of `size` invoices in DEFAULT_SPAN_DAYS.

    Each invoice is drawn from a random stream of its own (the seed, the month, its number), so a month is the
    same whenever it is made, whatever the day: only the days not yet come are left out, and the last few days'
    invoices are still on their way to the NTS. Months before FIRST_MONTH are empty. An ItemKey's sequence is
    `(month index % 3) * MONTH_SPREAD + number`: with its registration date, it tells the month it was written in.
    """
    first = date(year, month, 1)
    if first < FIRST_MONTH or first >= today:
        return []
    days = monthrange(year, month)[1]
    stem = f"{seed}:{year:04d}-{month:02d}"
    pace = random.Random(stem).uniform(0.8, 1.2)  # noqa: S311 -- made-up data: busier and quieter months
    count = min(MONTH_SPREAD - 1, round(size * days / DEFAULT_SPAN_DAYS * pace))
    made = _Making(today, owner, _partners(random.Random(seed)))  # noqa: S311 -- the company's partners, every month
    base = ((year * 12 + month - 1) % 3) * MONTH_SPREAD
    book = []
    for number in range(1, count + 1):
        rng = random.Random(f"{stem}:{number}")  # noqa: S311
        kind = _kind(rng)
        write = first + timedelta(days=rng.randrange(days))
        invoice = made.invoice(rng, base + number, kind, write)  # made even when to come: the numbers stay put
        if write < today:
            book.append(invoice)
    return book


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    return "SELL" if roll < 0.50 else "BUY" if roll < 0.92 else "TRUSTEE"


class _Making:
    """What the invoices of one book share while they are made: the day, the parties, the numbers given."""

    def __init__(self, today: date, owner: Company, partners: list[Company]) -> None:
        self.today, self.owner, self.partners = today, owner, partners
        self.nts_seen: set[str] = set()
        self.per_day: dict[tuple[str, date], int] = {}

    def invoice(self, rng: random.Random, seq: int, kind: str, write: date) -> BookInvoice:
        """The invoice `seq` of the book, of MgtKeyType `kind`, written on `write`: the rest drawn from rng."""
        today, owner, partners, nts_seen, per_day = self.today, self.owner, self.partners, self.nts_seen, self.per_day
        yesterday = today - timedelta(days=1)
        late = rng.random() < 0.03
        reg_day = min(write + timedelta(days=rng.randint(35, 45) if late else rng.choice((0, 0, 0, 1, 2))), yesterday)
        late = late and reg_day > write + timedelta(days=30)
        registered = datetime.combine(reg_day, datetime.min.time()) + timedelta(seconds=rng.randint(32400, 68400))
        issued = registered + timedelta(seconds=rng.randint(5, 1800))
        if issued.date() > yesterday:
            issued = registered
        state = _state(rng, (today - issued.date()).days)
        is_issued = state // 100 in (3, 6)

        partner = rng.choice(partners)
        if kind == "SELL":
            invoicer, invoicee, trustee = owner, partner, None
            issue_type = "역발행" if rng.random() < 0.1 else "정발행"
        elif kind == "BUY":
            invoicer, invoicee, trustee = partner, owner, None
            issue_type = "역발행" if rng.random() < 0.2 else "정발행"
        else:
            consignor = partners[rng.choice(_CONSIGNORS)]
            while partner is consignor:
                partner = rng.choice(partners)
            invoicer, invoicee, trustee = consignor, partner, owner
            issue_type = "위수탁"

        tax_roll = rng.random()
        tax_type = "과세" if tax_roll < 0.85 else "면세" if tax_roll < 0.95 else "영세"
        lines: list[dict[str, str | int]] = []
        for n in range(1, rng.choice((1, 1, 1, 2, 2, 3)) + 1):
            name, spec, base = rng.choice(_ITEMS)
            qty = rng.choice((1, 1, 1, 2, 3) if base >= 100_000 else (1, 2, 5, 10, 20, 50, 100, 500))
            unit = max(100, int(round(base * rng.uniform(0.8, 1.25), -2)))
            supply = qty * unit
            tax = supply // 10 if tax_type == "과세" else 0
            lines.append(
                {"serialNum": n, "purchaseDT": write.strftime("%Y%m%d"), "itemName": name, "spec": spec,
                 "qty": str(qty), "unitCost": str(unit), "supplyCost": str(supply), "tax": str(tax), "remark": ""}
            )  # fmt: skip
        supply_total = sum(int(str(line["supplyCost"])) for line in lines)
        tax_total = sum(int(str(line["tax"])) for line in lines)
        modify_code = rng.randint(1, 6) if rng.random() < 0.06 else None

        nts = ""
        if is_issued:
            while not nts or nts in nts_seen:
                nts = f"{issued:%Y%m%d}4100{rng.randrange(10**4):04d}{rng.randrange(10**8):08d}"
            nts_seen.add(nts)
        without_key = rng.random() < 1 / 3
        our_key = ""
        if not without_key:
            count = per_day[(kind, write)] = per_day.get((kind, write), 0) + 1
            our_key = f"{_KEY_PREFIX[kind]}-{write:%y%m%d}-{count:03d}"
        partner_key = ""
        if kind == "BUY" and rng.random() < 0.4:
            partner_key = f"{partner.corp_num[-4:]}-{write:%m%d}-{rng.randint(1, 99):02d}"  # the supplier's own ID
        invoicer_key = our_key if kind == "SELL" else partner_key if kind == "BUY" else ""
        invoicee_key = our_key if kind == "BUY" else ""
        trustee_key = our_key if kind == "TRUSTEE" else ""

        opened = is_issued and rng.random() < 0.6
        open_dt = _stamp(issued + timedelta(hours=rng.randint(1, 30))) if opened else ""
        if open_dt and open_dt[:8] > f"{yesterday:%Y%m%d}":
            open_dt = _stamp(issued + timedelta(minutes=5))
        nts_sent = state in (302, 303, 304, 305)
        close_roll = rng.random()
        close_down = None if close_roll < 0.05 else 1 if close_roll < 0.93 else rng.choice((0, 2, 3))
        second_mail = rng.random() < 0.3
        invoicee_local = invoicee.email.split("@")[0]
        item_key = f"0{registered:%y%m%d%H%M%S}{seq:05d}"

        fields: dict[str, Any] = {
            "itemKey": item_key,
            "taxType": tax_type,
            "writeDate": write.strftime("%Y%m%d"),
            "regDT": _stamp(registered),
            "issueType": issue_type,
            "supplyCostTotal": str(supply_total),
            "taxTotal": str(tax_total),
            "totalAmount": str(supply_total + tax_total),
            "purposeType": rng.choice(("영수", "청구", "청구")),
            "issueDT": _stamp(issued) if is_issued else "",
            "lateIssueYN": late,
            "preIssueDT": None,
            "openYN": opened,
            "openDT": open_dt,
            "stateMemo": "",
            "stateCode": state,
            "stateDT": _stamp(issued if is_issued else registered),
            "ntsconfirmNum": nts,
            "ntsresult": {304: "전송완료", 305: "전송실패"}.get(state, ""),
            "ntssendDT": _stamp(issued + timedelta(hours=16)) if nts_sent else "",
            "ntsresultDT": _stamp(issued + timedelta(hours=17)) if state in (304, 305) else "",
            "ntssendErrCode": {304: "SUC001", 305: "SYN004"}.get(state, ""),
            "modifyCode": modify_code,
            "orgNTSConfirmNum": "",
            "interOPYN": not without_key,
            "chargeDirection": "정과금",
            "serialNum": "",
            "kwon": None,
            "ho": None,
            "cash": "",
            "chkBill": "",
            "credit": "",
            "note": "",
            "remark1": "",
            "remark2": "",
            "remark3": "",
            "businessLicenseYN": False,
            "bankBookYN": False,
            "closeDownState": close_down,
            "closeDownStateDate": "" if close_down is None else (write - timedelta(days=3)).strftime("%Y%m%d"),
            "detailList": lines,
            "addContactList": None,
            "invoicerMgtKey": invoicer_key,
            "invoiceeMgtKey": invoicee_key,
            "trusteeMgtKey": trustee_key if trustee else None,
            "invoicerPrintYN": False,
            "invoiceePrintYN": False,
            "trusteePrintYN": False if trustee else None,
            "invoicerSMSSendYN": False,
            "invoiceeSMSSendYN": False,
            "trusteeSMSSendYN": False if trustee else None,
            "invoiceeType": "사업자",
            "invoiceeContactName2": "",
            "invoiceeTEL2": "",
            "invoiceeHP2": "",
            "invoiceeEmail2": f"{invoicee_local}2@{invoicee.email.split('@')[1]}" if second_mail else "",
        }
        for prefix, party in (("invoicer", invoicer), ("invoicee", invoicee), ("trustee", trustee)):
            suffix = "1" if prefix == "invoicee" else ""
            fields.update(
                {
                    f"{prefix}CorpName": party.name if party else None,
                    f"{prefix}CorpNum": party.corp_num if party else None,
                    f"{prefix}TaxRegID": "" if party else None,
                    f"{prefix}CEOName": party.ceo if party else None,
                    f"{prefix}Addr": party.addr if party else None,
                    f"{prefix}BizType": party.biz_type if party else None,
                    f"{prefix}BizClass": party.biz_class if party else None,
                    f"{prefix}ContactName{suffix}": party.contact if party else None,
                    f"{prefix}TEL{suffix}": party.tel if party else None,
                    f"{prefix}HP{suffix}": "" if party else None,
                    f"{prefix}Email{suffix}": party.email if party else None,
                }
            )
        tax_reg_ids = {}
        if rng.random() < 0.05:
            tax_reg_ids["B"] = fields["invoiceeTaxRegID"] = f"{rng.randint(1, 3):04d}"
        if rng.random() < 0.03:
            tax_reg_ids["S"] = fields["invoicerTaxRegID"] = f"{rng.randint(1, 3):04d}"
        reg_type = "H" if kind == "BUY" and issue_type == "정발행" and rng.random() < 0.5 else "P"
        return BookInvoice(item_key, kind, fields, reg_type, tax_reg_ids)
