"""Labelled cases for bench_matching.py, built at run time from ../shared/data.

Nothing here is copied into the repository: every case is derived, with a
fixed random seed, from files read in place.

Positives (query, expected OFAC entry):
- ``alias_holdout``: an OFAC alias that is a spelling variant of its entry's
  other names (each of its parts resembles a part of another name of
  the entry, which has at most one part more) is removed from
  the list and used as the query. A person's alias of a single part
  (a lone given name or nickname, NICOLINO for "PANARO, Nicola") is not
  a spelling variant of a longer name and is not used.
- ``order``, ``dropped_part``, ``initials``, ``legal_form``, ``punctuation``,
  ``typo``, ``translit``: a listed name with one realistic deformation.
- ``cyrillic``, ``arabic``, ``han``: the UK OFSI list's non-Latin name rows
  whose group's Latin name equals an SDN name; ``cyrillic`` also takes the
  Cyrillic aliases of OpenSanctions targets whose Latin name is in the SDN.
- ``hangul``: SDN DPRK person names written in Hangul syllable by syllable.
Negatives (query, None):
- ``pep``: Saudi politically exposed persons (OpenSanctions sa_wiki_peps).
- ``common_person``: first and last names common in 12 cultures, composed.
- ``company``: well-known companies (bench/clean_names.py) and composed
  company names (surname or place + trade word + legal form).
- ``lookalike``: a distinctive word of a listed company + another
  distinctive word + a legal form ("APOLLON" -> "Apollon Dental Clinic Ltd").
- ``namesake``: a listed person's surname with a common given name the
  entry does not have.
Any negative whose normalised name equals a listed name is dropped.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clean_names import COMPANIES, FIRST_NAMES, HANGUL, PLACES, SURNAMES, TRADE_WORDS
from rapidfuzz import fuzz

from sanctions_screen.matching.normalize import fold, normalize
from sanctions_screen.matching.parts import part_weight
from sanctions_screen.models import EntityKind, Entry, NameType, SanctionsList

SEED = 20260611


@dataclass(frozen=True)
class Case:
    query: str
    expected: str | None  # OFAC ent_num, None for a clean name
    category: str


def _key(name: str) -> tuple[str, ...]:
    return tuple(sorted(normalize(name).tokens))


def _spelling_variant(a: str, b: str) -> bool:
    """Every part of ``a`` resembles a part of ``b`` and ``b`` has at most one part more."""
    ta, tb = normalize(a).tokens, normalize(b).tokens
    if not ta or not tb or len(tb) - len(ta) not in (0, 1):
        return False

    def covered(xs: tuple[str, ...], ys: tuple[str, ...]) -> int:
        return sum(1 for x in xs if any(fuzz.ratio(x, y) >= 70 for y in ys))

    return covered(ta, tb) == len(ta) and covered(tb, ta) >= len(tb) - 1


def _lone_part(entry: Entry, alias: str) -> bool:
    """A person's alias reduced to one part, against other names that all have more."""
    if entry.kind is not EntityKind.PERSON or len(normalize(alias).tokens) != 1:
        return False
    others = [x.name for x in entry.names if x.name != alias]
    return all(len(normalize(o).tokens) > 1 for o in others if _spelling_variant(alias, o))


def holdout(sdn: SanctionsList, rng: random.Random, n: int) -> tuple[SanctionsList, list[Case]]:
    """Remove spelling-variant aliases from the list; they become queries."""
    picked: list[tuple[Entry, str]] = []
    for entry in sdn.entries:
        others = [x.name for x in entry.names]
        for alias in entry.names:
            if alias.type is NameType.PRIMARY or len(entry.names) < 2:
                continue
            rest = [o for o in others if o != alias.name]
            if any(_spelling_variant(alias.name, o) for o in rest) and _key(alias.name) not in {
                _key(o) for o in rest
            }:
                picked.append((entry, alias.name))
                break
    picked = rng.sample(picked, min(n, len(picked)))
    # A person's alias of a single part (a lone given name or a nickname:
    # NICOLINO for "PANARO, Nicola") is not a spelling variant of a longer
    # name. Dropped after sampling so the rest of the seeded sample is the
    # one earlier runs used.
    picked = [(e, a) for e, a in picked if not _lone_part(e, a)]
    removed = {(e.id, a) for e, a in picked}
    entries = tuple(
        dataclasses.replace(e, names=tuple(x for x in e.names if (e.id, x.name) not in removed))
        for e in sdn.entries
    )
    cases = [Case(a, e.id, "alias_holdout") for e, a in picked]
    return dataclasses.replace(sdn, entries=entries), cases


_LEGAL_SWAPS = [
    (r"\bLIMITED LIABILITY COMPANY\b", "OOO"),
    (r"\bJOINT STOCK COMPANY\b", "AO"),
    (r"\bOOO\b", "LLC"),
    (r"\bLLC\b", "Limited Liability Company"),
    (r"\bCO\.?,? LTD\.?", "Company Limited"),
    (r"\bLIMITED\b", "Ltd."),
    (r"\bLTD\b\.?", "Limited"),
    (r"\bJSC\b", "AO"),
    (r"\bAO\b", "JSC"),
    (r"\bOAO\b", "OJSC"),
    (r"\bPJSC\b", "PAO"),
    (r"\bZAO\b", "CJSC"),
    (r"\bCORPORATION\b", "Corp."),
    (r"\bCOMPANY\b", "Co."),
    (r"\bGMBH\b", "GmbH"),
]
_TRANSLIT = [
    ("KS", "X"),
    ("X", "KS"),
    ("YEV", "EV"),
    ("IY ", "Y "),
    ("IY$", "I"),
    ("Y$", "I"),
    ("KH", "H"),
    ("YU", "IU"),
    ("YA", "IA"),
    (r"(?<=[B-DF-HJ-NP-TV-Z])OO(?=[B-DF-HJ-NP-TV-Z])", "U"),
    (r"\bKWANG", "GWANG"),
    (r"\bPAK\b", "PARK"),
    (r"\bRI\b", "LEE"),
    ("CHOL", "CHEOL"),
    ("JONG", "CHONG"),
    ("MYONG", "MYEONG"),
    ("OU", "U"),
    ("MOHAMMED", "MUHAMMAD"),
    ("MUHAMMAD", "MOHAMED"),
    ("HUSSEIN", "HUSAYN"),
    ("EI", "EY"),
]


def _given_first(name: str) -> str:
    if "," in name:
        last, first = name.split(",", 1)
        return f"{first.strip()} {last.strip()}"
    return name


def deform(entry: Entry, rng: random.Random) -> list[Case]:
    """One case per deformation that applies to the entry's primary name."""
    name = entry.primary_name
    out: list[Case] = []
    person = entry.kind is EntityKind.PERSON
    words = _given_first(name).split()
    if person and len(words) >= 2:
        out.append(
            Case(
                " ".join(words[-1:] + words[:-1]) if "," not in name else _given_first(name),
                entry.id,
                "order",
            )
        )
    if person and len(words) >= 3:
        out.append(Case(" ".join(words[:-2] + words[-1:]), entry.id, "dropped_part"))
        out.append(
            Case(" ".join([*words[:-2], words[-2][0] + ".", words[-1]]), entry.id, "initials")
        )
    if not person:
        for pattern, repl in _LEGAL_SWAPS:
            if re.search(pattern, name):
                out.append(Case(re.sub(pattern, repl, name, count=1), entry.id, "legal_form"))
                break
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            joined = [*words[:i], words[i] + "-" + words[i + 1], *words[i + 2 :]]
            out.append(Case(" ".join(joined).lower().replace(",", ""), entry.id, "punctuation"))
    identity = set(normalize(name).tokens)
    longest = max(range(len(words)), key=lambda i: (fold(words[i]) in identity, len(words[i])))
    word = words[longest]
    if len(word) >= 6:
        pos = rng.randrange(1, len(word) - 1)
        letter = rng.choice("AEIOUNRSTLK")
        typo = (
            word[:pos] + letter + word[pos + 1 :]
            if letter != word[pos]
            else word[:pos] + word[pos + 1 :]
        )
        out.append(
            Case(" ".join([*words[:longest], typo, *words[longest + 1 :]]), entry.id, "typo")
        )
    upper = _given_first(name).upper() + " "
    for pattern, repl in rng.sample(_TRANSLIT, len(_TRANSLIT)):
        changed = re.sub(pattern, repl, upper).strip()
        if changed != upper.strip():
            out.append(Case(changed.title(), entry.id, "translit"))
            break
    return out


def hangul(entry: Entry) -> Case | None:
    """A DPRK person's name in Hangul, if every syllable has a known spelling."""
    parts = re.split(r"[\s,\-]+", entry.primary_name.lower().replace("'", ""))
    if len(parts) < 2:
        return None
    syllables = [HANGUL.get(p) for p in parts if p]
    if any(s is None for s in syllables):
        return None
    return Case(syllables[0] + "".join(s for s in syllables[1:] if s), entry.id, "hangul")


def cross_script(shared: Path, by_key: dict[tuple[str, ...], set[str]]) -> list[Case]:
    """Real non-Latin names from the UK list and OpenSanctions, tied to SDN entries."""
    out: list[Case] = []
    scripts = {
        "cyrillic": "cyrillic",
        "cryillic": "cyrillic",
        "cyrilic": "cyrillic",
        "russian": "cyrillic",
        "arabic": "arabic",
        "persian": "arabic",
        "chinese": "han",
        "hangul": "hangul",
    }
    with open(shared / "uk_ofsi" / "UK_Sanctions_List.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[2:]
    latin: dict[str, list[str]] = {}
    for row in rows:
        if not row[7]:
            latin.setdefault(row[35], []).append(" ".join(x for x in (*row[1:6], row[0]) if x))
    seen: set[str] = set()
    for row in rows:
        script = scripts.get(row[8].strip().lower())
        if not script or not row[7] or row[7] in seen:
            continue
        ids = set().union(*(by_key.get(_key(n), set()) for n in latin.get(row[35], [])))
        if len(ids) == 1:
            seen.add(row[7])
            out.append(Case(row[7], next(iter(ids)), script))
    with open(shared / "opensanctions" / "targets.simple.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            ids = by_key.get(_key(rec["name"]), set())
            if len(ids) != 1:
                continue
            for alias in rec["aliases"].split(";"):
                if re.search("[\u0400-\u04ff]", alias) and alias not in seen:
                    seen.add(alias)
                    out.append(Case(alias, next(iter(ids)), "cyrillic"))
    return out


def negatives(shared: Path, sdn: SanctionsList, rng: random.Random) -> list[Case]:
    listed = {_key(n.name) for e in sdn.entries for n in e.names}
    out: list[Case] = []
    with open(
        shared / "opensanctions" / "sa_wiki_peps" / "entities.ftm.json", encoding="utf-8"
    ) as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["schema"] == "Person":
                names = [n for n in rec["properties"].get("name", []) if len(n.split()) >= 2]
                out.extend(Case(n, None, "pep") for n in names[:1])
    for _ in range(1500):
        culture = rng.choice(sorted(FIRST_NAMES))
        out.append(
            Case(
                f"{rng.choice(FIRST_NAMES[culture])} {rng.choice(SURNAMES[culture])}",
                None,
                "common_person",
            )
        )
    out.extend(Case(c, None, "company") for c in COMPANIES)
    forms = ["LLC", "Ltd", "GmbH", "Inc.", "S.A.", "Co., Ltd.", "OOO", "AG", "B.V."]
    pool = [*PLACES, *(s for group in SURNAMES.values() for s in group)]
    for _ in range(800):
        out.append(
            Case(
                f"{rng.choice(pool)} {rng.choice(TRADE_WORDS)} {rng.choice(forms)}", None, "company"
            )
        )
    orgs = [e for e in sdn.entries if e.kind is EntityKind.ORGANIZATION]
    for entry in rng.sample(orgs, 900):
        norm = normalize(entry.primary_name)
        rare = [
            t for t, k in zip(norm.tokens, norm.keys) if part_weight(t, k) >= 1.0 and len(t) >= 5
        ]
        if rare and len(norm.tokens) >= 1:
            word = rng.choice(rare).title()
            out.append(
                Case(
                    f"{word} {rng.choice(pool)} {rng.choice(TRADE_WORDS)} {rng.choice(forms)}",
                    None,
                    "lookalike",
                )
            )
    persons = [e for e in sdn.entries if e.kind is EntityKind.PERSON and "," in e.primary_name]
    first_all = [f for group in FIRST_NAMES.values() for f in group]
    for entry in rng.sample(persons, 700):
        surname = entry.primary_name.split(",")[0].title()
        given = {t for n in entry.names for t in normalize(n.name).tokens}
        first = rng.choice(first_all)
        if fold(first) not in given and len(surname) >= 4:
            out.append(Case(f"{first} {surname}", None, "namesake"))
    return [c for c in out if _key(c.query) not in listed and _key(c.query)]


def build(shared: Path, sdn: SanctionsList) -> tuple[SanctionsList, list[Case]]:
    """The reduced list (aliases held out) and every labelled case."""
    rng = random.Random(SEED)
    reduced, cases = holdout(sdn, rng, 500)
    held = {c.query for c in cases}
    programs = ("DPRK", "NPWMD", "RUSSIA", "UKRAINE", "SDGT", "IRAN", "IRGC", "SYRIA", "CMIC")
    pool = [e for e in reduced.entries if any(p.startswith(programs) for p in e.programs)]
    for entry in rng.sample(pool, 450):
        cases.extend(deform(entry, rng))
    for entry in reduced.entries:
        if (
            any(p.startswith(("DPRK", "NPWMD")) for p in entry.programs)
            and entry.kind is EntityKind.PERSON
        ):
            case = hangul(entry)
            if case is not None:
                cases.append(case)
    by_key: dict[tuple[str, ...], set[str]] = {}
    for entry in reduced.entries:
        for n in entry.names:
            by_key.setdefault(_key(n.name), set()).add(entry.id)
    cases.extend(cross_script(shared, by_key))
    cases = [c for c in cases if c.query not in held or c.category == "alias_holdout"]
    return reduced, cases + negatives(shared, sdn, rng)


def categories(cases: Iterable[Case]) -> list[str]:
    return sorted({c.category for c in cases})
