"""--fail-on: which hits fail the gate, separately from the report threshold."""

from __future__ import annotations

from sanctions_screen import gate

from .ci_factories import APOLLON, counterparty, hit, report


def test_fail_on_defaults_to_threshold() -> None:
    rep = report((counterparty("Zil-M LLC"), (hit(score=82.0),)), threshold=80.0)
    assert gate.fail_on(rep) == 80.0
    assert len(gate.gating_hits(rep)) == 1


def test_hits_below_fail_on_are_reported_but_do_not_gate() -> None:
    rep = report(
        (counterparty("Zil-M LLC"), (hit(score=82.0),)),
        (counterparty("OOO Apollon", row=3), (hit(APOLLON, score=96.0),)),
        fail_on=90.0,
    )
    assert rep.hit_count == 2
    assert [h.score for _, h in gate.gating_hits(rep)] == [96.0]
    assert gate.counts(rep) == {
        "counterparties": 2,
        "flagged": 2,
        "hits": 2,
        "gating_hits": 1,
        "suppressed": 0,
    }


def test_score_equal_to_fail_on_gates() -> None:
    rep = report((counterparty("Zil-M LLC"), (hit(score=90.0),)), fail_on=90.0)
    assert len(gate.gating_hits(rep)) == 1
