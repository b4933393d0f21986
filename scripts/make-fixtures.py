#!/usr/bin/env python3
"""Derives the bundled fixtures from the municipality register.

Usage: python3 scripts/make-fixtures.py PATH/TO/de-municipalities.csv

The kfa-18 variants (German spreadsheet style, ids only, names only) hold
the same municipalities with the same values, written differently.

Every fixture row is a verbatim row of the register (Destatis
Gemeindeverzeichnis GV-ISys, Stand 31.12.2020; dl-de/by-2-0, Daten verändert),
so any fixture is also "a subset of the register's rows". Selections are
made with a fixed seed and are reproducible.
"""
import csv
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures"


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def write(name, header, rows):
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def cls(r):
    p = int(r["population"])
    return "G" if p >= 100000 else "M" if p >= 20000 else "K" if p >= 5000 else "L"


def main():
    header, rows = load(sys.argv[1])
    by_id = {r["id"]: r for r in rows}
    pick = lambda ids: [by_id[i] for i in ids]

    # kfa-18: like the seed's first round: 6 Großstädte, 6 Mittelstädte,
    # 6 Kleinstädte, Länder partly repeated (illustrative members only).
    kfa = pick([
        "09162000", "09564000", "05315000", "14713000", "03241001", "04011000",  # München, Nürnberg, Köln, Leipzig, Hannover, Bremen
        "16067029", "03252006", "13074087", "09262000", "01001000", "14626110",  # Gotha, Hameln, Wismar, Passau, Flensburg, Görlitz
        "01051074", "09571193", "09173112", "12073452", "13072006", "14626180",  # Meldorf, Rothenburg o.d.T., Bad Tölz, Prenzlau, Bad Doberan, Herrnhut
    ])
    write("kfa-18.csv", header, kfa)

    # growth-60: 13 Großstädte (2 clusters), 20 Mittelstädte (3), 27 Kleinstädte (4).
    rng = random.Random(2021)
    growth = []
    for c, n in (("G", 13), ("M", 20), ("K", 27)):
        pool = [r for r in rows if cls(r) == c]
        growth += rng.sample(pool, n)
    growth.sort(key=lambda r: r["id"])
    write("growth-60.csv", header, growth)

    # growth-68: growth-60 plus 8 joiners (1 Großstadt, 1 Mittelstadt,
    # 6 Kleinstädte), for what-if analysis.
    rng = random.Random(2022)
    taken = {r["id"] for r in growth}
    joiners = []
    for c, n in (("G", 1), ("M", 1), ("K", 6)):
        pool = [r for r in rows if cls(r) == c and r["id"] not in taken]
        joiners += rng.sample(pool, n)
    write("growth-68.csv", header, sorted(growth + joiners, key=lambda r: r["id"]))

    # All 81 Großstädte of the register.
    write("grossstaedte-81.csv", header, [r for r in rows if cls(r) == "G"])

    # Small cases for tests.
    mittel = [r for r in rows if cls(r) == "M"]
    rng = random.Random(7)
    write("tiny-6.csv", header, kfa[6:12])
    write("small-13.csv", header, sorted(rng.sample(mittel, 13), key=lambda r: r["id"]))
    gross = [r for r in rows if cls(r) == "G"]
    eight = sorted(random.Random(8).sample(gross, 8), key=lambda r: r["id"])
    write("eight-grossstaedte.csv", header, eight + kfa[6:12])

    # kfa-18 as a German office would export it: the same rows and values.
    write_german(kfa)
    # kfa-18 by AGS only, and by name only: the register fills the rest.
    with open(OUT / "kfa-18-ids.csv", "w", encoding="utf-8", newline="") as f:
        f.write("AGS\n" + "".join(r["id"] + "\n" for r in kfa))
    with open(OUT / "kfa-18-names.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "state"])
        for i, r in enumerate(kfa):
            # Official names, other case and a Land for some rows: all accepted.
            name = r["official_name"] if i % 3 == 1 else r["name"].lower() if i % 3 == 2 else r["name"]
            w.writerow([name, r["state"] if i % 2 else ""])


def german_number(text, decimals):
    """1484226 -> 1.484.226; 48.137683 -> 48,137683."""
    if decimals:
        return text.replace(".", ",")
    digits = text
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join([digits] + groups)


def write_german(rows):
    """kfa-18-de.csv (Windows-1252, CRLF) and kfa-18-de-bom.csv (UTF-8 with BOM):
    semicolons, German headers, thousands dots, decimal commas."""
    header = ["Gemeindeschlüssel", "Gemeinde", "Bundesland", "Einwohner", "Breite", "Länge"]
    lines = [";".join(header)]
    for r in rows:
        lines.append(";".join([
            r["id"], r["name"], r["state"],
            german_number(r["population"], False),
            german_number(r["lat"], True), german_number(r["lon"], True),
        ]))
    text = "\r\n".join(lines) + "\r\n"
    (OUT / "kfa-18-de.csv").write_bytes(text.encode("cp1252"))
    (OUT / "kfa-18-de-bom.csv").write_bytes(text.encode("utf-8-sig"))


if __name__ == "__main__":
    main()
