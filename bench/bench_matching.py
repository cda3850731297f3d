"""Matching benchmark: recall, top-1 accuracy and false positives, ours vs rapidfuzz.

    PYTHONPATH=. python bench/bench_matching.py [--sample N] [--no-baselines] [--show-errors N]

Builds the labelled cases (bench/dataset.py) from ../shared/data, screens
every query against the full OFAC SDN (with the held-out aliases removed) and
prints, overall and per category:
- recall: share of positives whose expected entry is reported at the threshold;
- top-1: share of positives whose best hit is the expected entry;
- FP/1k: clean names with any hit at the threshold, per 1,000 clean names;
for our default algorithm, and for rapidfuzz WRatio and token_set_ratio over
all names (best name score as the hit score) in the same run, plus names per
second against the full SDN. Takes a few minutes on 2 cores.
``--show-errors N`` then lists our first N misses (with the best score the
expected entry gets and its explanation) and our N worst false positives.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import Case, build

from sanctions_screen.matching import DEFAULT_THRESHOLD
from sanctions_screen.matching.normalize import fold
from sanctions_screen.models import Counterparty, SanctionsList
from sanctions_screen.screening import Screener
from sanctions_screen.sources import load_list

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SANCTIONS_SCREEN_SHARED_DATA", ROOT.parent / "shared" / "data"))
SWEEP = (70.0, 75.0, 80.0, 85.0, 90.0)
CHUNK = 64

# Per case: (best score overall, best entry id, best score on the expected entry)
Outcome = tuple[float, str | None, float]


def run_ours(screener: Screener, cases: list[Case], threshold: float, top: int) -> list[Outcome]:
    out: list[Outcome] = []
    for i, case in enumerate(cases):
        result = screener.screen_one(Counterparty(case.query, "bench", i + 1), threshold, top)
        hits = result.hits
        expected = max((h.score for h in hits if h.entry.id == case.expected), default=0.0)
        out.append((hits[0].score if hits else 0.0, hits[0].entry.id if hits else None, expected))
    return out


def run_baseline(sdn: SanctionsList, cases: list[Case], scorer: object) -> list[Outcome]:
    names = [(e.id, fold(n.name)) for e in sdn.entries for n in e.names]
    choices = [n for _, n in names]
    owner = np.array([int(e) if e.isdigit() else -1 for e, _ in names])
    out: list[Outcome] = []
    for start in range(0, len(cases), CHUNK):
        chunk = cases[start : start + CHUNK]
        matrix = process.cdist(
            [fold(c.query) for c in chunk], choices, scorer=scorer, dtype=np.uint8, workers=2
        )
        for row, case in zip(matrix, chunk):
            best = int(row.argmax())
            exp = float(row[owner == int(case.expected)].max()) if case.expected else 0.0
            out.append((float(row[best]), names[best][0], exp))
    return out


def metrics(cases: list[Case], outcomes: list[Outcome], threshold: float) -> dict[str, list[float]]:
    """Per category (and 'ALL positives' / 'ALL clean'): [recall or FP/1k, top-1, count]."""
    table: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for case, (best, best_id, exp) in zip(cases, outcomes):
        groups = [case.category, "ALL positives" if case.expected else "ALL clean"]
        for g in groups:
            row = table[g]
            row[2] += 1
            if case.expected:
                row[0] += exp >= threshold
                row[1] += best >= threshold and best_id == case.expected and exp >= best
            else:
                row[0] += best >= threshold
    for g, row in table.items():
        positive = g == "ALL positives" or any(c.expected for c in cases if c.category == g)
        row[0] = row[0] / row[2] if positive else 1000.0 * row[0] / row[2]
        row[1] = row[1] / row[2] if positive else float("nan")
    return table


def show_errors(
    screener: Screener, cases: list[Case], outcomes: list[Outcome], threshold: float, n: int
) -> None:
    """Print the ``n`` worst misses and false positives with our explanations."""
    misses = [c for c, (_, _, exp) in zip(cases, outcomes) if c.expected and exp < threshold]
    fps = [
        (best, c)
        for c, (best, _, _) in zip(cases, outcomes)
        if not c.expected and best >= threshold
    ]
    print(f"\nMisses ({len(misses)} in all; best score on the expected entry):")
    for case in misses[:n]:
        cp = Counterparty(case.query, "bench", 1)
        hit = screener.explain_entry(cp, case.expected or "")
        name = hit.matched_name.name if hit else "-"
        got = hit.score if hit else 0.0
        print(f"  {got:5.1f} [{case.category}] {case.query!r} -> {name!r}")
        for line in hit.explanation if hit else ():
            print(f"          {line}")
    print(f"\nWorst false positives ({len(fps)} in all; best score):")
    for best, case in sorted(fps, key=lambda x: -x[0])[:n]:
        result = screener.screen_one(Counterparty(case.query, "bench", 1), threshold, 1)
        hit = result.hits[0]
        print(f"  {best:5.1f} [{case.category}] {case.query!r} -> {hit.matched_name.name!r}")
        for line in hit.explanation:
            print(f"          {line}")


def fp_matched_threshold(cases: list[Case], outcomes: list[Outcome], max_fp: float) -> float:
    """Lowest threshold at which the scorer's FP/1k is at most ``max_fp``."""
    for t in range(50, 101):
        if metrics(cases, outcomes, float(t))["ALL clean"][0] <= max_fp:
            return float(t)
    return 100.0


def print_table(
    title: str, cases: list[Case], results: dict[str, tuple[list[Outcome], float]]
) -> None:
    print(f"\n{title}")
    cats = sorted(
        {c.category for c in cases},
        key=lambda g: (not any(c.expected for c in cases if c.category == g), g),
    )
    head = f"{'category':<16}{'n':>6}" + "".join(
        f"{name + ' @' + format(t, 'g'):>28}" for name, (_, t) in results.items()
    )
    print(head)
    print(f"{'':<22}" + "".join(f"{'recall/FP1k  top-1':>28}" for _ in results))
    tables = {name: metrics(cases, out, t) for name, (out, t) in results.items()}
    for cat in ["ALL positives", *cats, "ALL clean"]:
        n = int(next(iter(tables.values()))[cat][2])
        cells = ""
        for table in tables.values():
            value, top1, _ = table[cat]
            cells += f"{value:>18.3f}{top1:>10.3f}" if top1 == top1 else f"{value:>18.2f}{'':>10}"
        print(f"{cat:<16}{n:>6}{cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="use a seeded sample of N cases (development)")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print our N worst misses and false positives with explanations",
    )
    args = parser.parse_args()

    sdn = load_list(SHARED / "ofac")
    reduced, cases = build(SHARED, sdn)
    if args.sample:
        cases = random.Random(1).sample(cases, min(args.sample, len(cases)))
    n_pos = sum(1 for c in cases if c.expected)
    print(
        f"cases: {n_pos} positives, {len(cases) - n_pos} clean names; list: OFAC SDN as of "
        f"{sdn.meta.as_of}, {len(reduced.entries)} entries, {reduced.name_count} names "
        f"({sdn.name_count - reduced.name_count} aliases held out)"
    )

    start = time.perf_counter()
    screener = Screener([reduced])
    built = time.perf_counter() - start
    start = time.perf_counter()
    ours = run_ours(screener, cases, DEFAULT_THRESHOLD, 5)
    took = time.perf_counter() - start
    print(
        f"ours: index built in {built:.1f} s; screened {len(cases)} names in {took:.1f} s = "
        f"{len(cases) / took:.0f} names/s against the full SDN (1 process)"
    )
    sweep = run_ours(screener, cases, min(SWEEP), 10)
    results: dict[str, tuple[list[Outcome], float]] = {"ours": (ours, DEFAULT_THRESHOLD)}
    if not args.no_baselines:
        for name, scorer in (("WRatio", fuzz.WRatio), ("token_set", fuzz.token_set_ratio)):
            start = time.perf_counter()
            outcome = run_baseline(reduced, cases, scorer)
            took = time.perf_counter() - start
            print(
                f"{name}: {len(cases) / took:.1f} names/s (rapidfuzz cdist, 2 workers, all names)"
            )
            results[name] = (outcome, DEFAULT_THRESHOLD)
    print_table(f"At the default threshold {DEFAULT_THRESHOLD:g}:", cases, results)
    ours_fp = metrics(cases, ours, DEFAULT_THRESHOLD)["ALL clean"][0]
    matched = {"ours": (ours, DEFAULT_THRESHOLD)}
    for name in ("WRatio", "token_set"):
        if name in results:
            out = results[name][0]
            matched[name] = (out, fp_matched_threshold(cases, out, ours_fp))
    if len(matched) > 1:
        print_table(
            f"Baselines at the threshold giving them no more FPs than ours ({ours_fp:.2f}/1k):",
            cases,
            matched,
        )
    print("\nOurs across thresholds (recall, top-1, FP/1k):")
    for t in SWEEP:
        m = metrics(cases, sweep, t)
        print(
            f"  {t:>4g}: recall {m['ALL positives'][0]:.3f}  top-1 {m['ALL positives'][1]:.3f}  "
            f"FP/1k {m['ALL clean'][0]:.2f}"
        )
    if args.show_errors:
        show_errors(screener, cases, ours, DEFAULT_THRESHOLD, args.show_errors)


if __name__ == "__main__":
    main()
