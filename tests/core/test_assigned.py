"""core/assigned.py against the simulator's book: what an invoice says about an assignment, one or many at once."""

from __future__ import annotations

from datetime import date

from popbill_gui.core.assigned import Checked, Wanted, check_assignment, check_assignments
from popbill_gui.simulator import Simulator
from tests.assign_book import with_id, without_id
from tests.conftest import ClientFactory


def test_one_invoice_our_id_none_or_another(make_client: ClientFactory, sim: Simulator) -> None:
    client = make_client()
    free, taken = without_id(sim)[0], with_id(sim)
    none = check_assignment(client, free.item_key, "SELL", "X-1")
    assert none is not None and none.checked is Checked.NOT_ASSIGNED and none.found_key == ""
    client.assign_mgt_key(free.item_key, "SELL", "X-1")
    mine = check_assignment(client, free.item_key, "SELL", "x-1")  # document IDs: case does not matter
    assert mine is not None and mine.checked is Checked.ASSIGNED
    other = check_assignment(client, taken.item_key, "SELL", "X-2")
    assert other is not None and other.checked is Checked.OTHER_KEY and other.found_key == taken.our_mgt_key
    assert check_assignment(client, "024112415000000009", "SELL", "X-3") is None  # no such invoice: proves nothing
    assert sim.count("assign") == 1


def test_many_rows_are_checked_with_a_few_searches(make_client: ClientFactory, sim: Simulator) -> None:
    client = make_client()
    free = without_id(sim)[:30]
    for n, invoice in enumerate(free[:20]):
        client.assign_mgt_key(invoice.item_key, "SELL", f"M-{n}")
    wanted = [Wanted(n + 2, invoice.item_key, "SELL", f"M-{n}") for n, invoice in enumerate(free)]
    wanted.append(Wanted(99, "024112415000000009", "SELL", "M-99"))
    before = sim.count("search") + sim.count("detail")
    today = sim.today()
    checks = check_assignments(client, wanted, registered_by=date(today.year, today.month, today.day))
    requests = sim.count("search") + sim.count("detail") - before
    assert requests <= 5  # not 31 details: a few Searches, and a detail for the row no Search found
    assert [checks[n + 2].checked for n in range(20)] == [Checked.ASSIGNED] * 20  # type: ignore[union-attr]
    assert {checks[n + 2].checked for n in range(20, 30)} == {Checked.NOT_ASSIGNED}  # type: ignore[union-attr]
    assert checks[99] is None
