"""Cold vs warm load time of a list through the parsed-list cache.

Usage (from a checkout)::

    python bench/bench_list_load.py [LIST_PATH] [--runs N]

LIST_PATH defaults to the full OFAC SDN in ../shared/data/ofac (sdn.csv with
alt.csv, add.csv and sdn_comments.csv). Every cold run parses the files into a
fresh, empty cache directory; every warm run reads the cache the first cold run
wrote. The best and median of N runs are printed as a small table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanctions_screen import __version__  # noqa: E402
from sanctions_screen.cache import load_list_cached  # noqa: E402
from sanctions_screen.sources import load_list  # noqa: E402

DEFAULT_LIST = ROOT.parent / "shared" / "data" / "ofac"
DEFAULT_RUNS = 5


def timed(func: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_LIST)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    args = parser.parse_args()
    sample = load_list(args.path)
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = Path(tmp)

        def cold() -> None:
            with tempfile.TemporaryDirectory(dir=tmp) as fresh:
                load_list_cached(args.path, Path(fresh))

        def no_cache() -> None:
            load_list(args.path)

        def warm() -> None:
            load_list_cached(args.path, cache_dir)

        load_list_cached(args.path, cache_dir)  # fill the cache warm runs read
        rows = [
            ("parse, no cache", timed(no_cache, args.runs)),
            ("cold (parse + write cache)", timed(cold, args.runs)),
            ("warm (read cache)", timed(warm, args.runs)),
        ]
    print(
        f"{sample.meta.name}: {len(sample.entries):,} entries, {sample.name_count:,} names "
        f"(sanctions-screen {__version__}, Python {sys.version.split()[0]}, {args.runs} runs)"
    )
    print(f"{'load':<28} {'best s':>8} {'median s':>9}")
    for label, times in rows:
        print(f"{label:<28} {min(times):>8.3f} {statistics.median(times):>9.3f}")


if __name__ == "__main__":
    main()
