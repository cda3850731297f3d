"""The allowlist rules: what suppresses, and everything that must not."""

from __future__ import annotations

from dataclasses import replace

from sanctions_screen import gate
from sanctions_screen.allowlist import (
    Verdict,
    apply_decisions,
    entry_fingerprint,
    merge,
    name_fingerprint,
)
from sanctions_screen.models import EntryName, NameType

from .ci_factories import APOLLON, TODAY, ZEEL, counterparty, decision, hit, report


def judged(cp, the_hit, *decisions):
    out = apply_decisions(report((cp, (the_hit,))), decisions, TODAY)
    return out, out.results[0].hits[0]


def test_false_positive_suppresses_but_keeps_the_hit() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    out, h = judged(cp, hit(), decision(cp))
    assert h.suppression is not None
    assert h.suppression.reason.startswith("different company")
    assert out.hit_count == 1
    assert gate.gating_hits(out) == []
    assert gate.counts(out)["suppressed"] == 1


def test_match_by_name_when_no_id() -> None:
    cp = counterparty("Zil-M Logistics")
    _, h = judged(cp, hit(), decision(cp))
    assert h.suppression is not None


def test_name_match_ignores_case_and_spacing() -> None:
    cp = counterparty("Zil-M Logistics")
    other_spelling = counterparty("ZIL-M   logistics")
    _, h = judged(other_spelling, hit(), decision(cp))
    assert h.suppression is not None


def test_never_suppresses_another_entry() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    _, h = judged(cp, hit(APOLLON), decision(cp, ZEEL))
    assert h.suppression is None
    assert h.notes == ()


def test_never_suppresses_another_counterparty_by_id() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    other = counterparty("Zil-M Logistics", cp_id="V-2")
    _, h = judged(other, hit(), decision(cp))
    assert h.suppression is None


def test_id_decision_does_not_match_a_row_without_id() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    _, h = judged(counterparty("Zil-M Logistics"), hit(), decision(cp))
    assert h.suppression is None


def test_never_suppresses_another_counterparty_by_name() -> None:
    cp = counterparty("Zil-M Logistics")
    _, h = judged(counterparty("Zil-M LLC"), hit(), decision(cp))
    assert h.suppression is None


def test_never_suppresses_the_same_entry_id_on_another_list() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    _, h = judged(cp, hit(), decision(cp, list_name="UN consolidated list"))
    assert h.suppression is None


def test_true_match_never_suppresses_and_is_noted() -> None:
    cp = counterparty("Zil-M LLC", cp_id="V-1")
    out, h = judged(cp, hit(), decision(cp, verdict=Verdict.TRUE_MATCH))
    assert h.suppression is None
    assert any("true match" in n for n in h.notes)
    assert len(gate.gating_hits(out)) == 1


def test_true_match_wins_over_a_false_positive_for_the_same_pair() -> None:
    cp = counterparty("Zil-M LLC", cp_id="V-1")
    _, h = judged(
        cp, hit(), decision(cp), decision(cp, verdict=Verdict.TRUE_MATCH, reason="confirmed")
    )
    assert h.suppression is None


def test_expired_decision_stops_suppressing_with_a_note() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    out, h = judged(cp, hit(), decision(cp, expires="2026-11-27"))
    assert h.suppression is None
    assert any("expired on 2026-11-27" in n for n in h.notes)
    assert len(gate.gating_hits(out)) == 1


def test_decision_applies_on_its_expiry_day() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    _, h = judged(cp, hit(), decision(cp, expires=TODAY.isoformat()))
    assert h.suppression is not None


def test_changed_counterparty_name_stops_suppressing() -> None:
    before = counterparty("Zil-M Logistics", cp_id="V-1")
    after = counterparty("Zil-M LLC", cp_id="V-1")  # same vendor id, renamed
    out, h = judged(after, hit(), decision(before))
    assert h.suppression is None
    assert any("counterparty name changed" in n for n in h.notes)
    assert len(gate.gating_hits(out)) == 1


def test_changed_entry_names_stop_suppressing() -> None:
    cp = counterparty("Zil-M Logistics", cp_id="V-1")
    amended = replace(ZEEL, names=(*ZEEL.names, EntryName("ZEELM", NameType.AKA)))
    _, h = judged(cp, hit(amended), decision(cp, ZEEL))
    assert h.suppression is None
    assert any("entry's names changed" in n for n in h.notes)


def test_entry_fingerprint_ignores_name_order_and_case() -> None:
    reordered = replace(ZEEL, names=tuple(EntryName(n.name.lower()) for n in reversed(ZEEL.names)))
    assert entry_fingerprint(reordered) == entry_fingerprint(ZEEL)
    assert name_fingerprint("Zil-M  LLC") == name_fingerprint("zil-m llc")
    assert name_fingerprint("Zil-M LLC") != name_fingerprint("Zil-M Ltd")


def test_suppressed_hits_do_not_gate_but_others_still_do() -> None:
    cleared = counterparty("Zil-M Logistics", row=2, cp_id="V-1")
    real = counterparty("OOO Apollon", row=3, cp_id="V-2")
    rep = report((cleared, (hit(),)), (real, (hit(APOLLON),)))
    out = apply_decisions(rep, [decision(cleared)], TODAY)
    assert [cp.id for cp, _ in gate.gating_hits(out)] == ["V-2"]


def test_merge_replaces_the_same_key_and_keeps_others() -> None:
    a = counterparty("Zil-M Logistics", cp_id="V-1")
    b = counterparty("Apollon Bakery", cp_id="V-2")
    old = decision(a, reason="old")
    newer = decision(a, reason="new")
    other = decision(b, APOLLON)
    merged = merge([old, other], [newer])
    assert [d.reason for d in merged] == [other.reason, "new"]
