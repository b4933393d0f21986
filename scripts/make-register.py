#!/usr/bin/env python3
"""Derives the register embedded in the library from the municipality register.

Usage: python3 scripts/make-register.py PATH/TO/de-municipalities.csv

Writes two compact tables to crates/lineup/data/ (read by src/register/):

* register.csv: id,name,designation,population,lat,lon,type,degurba — one
  row per Gemeinde, sorted by id. `type` is the Destatis Textkennzeichen
  (60 markt, 61 kreisfreie_stadt, 62 stadtkreis, 63 stadt, 64 gemeinde,
  67 grosse_kreisstadt); `degurba` the degree of urbanisation (1, 2, 3). `designation` is what the official name adds after
  ", " (official_name = name + ", " + designation; empty when they are equal).
  The Land is the first two digits of the id.
* districts.csv: kreis,district — the Kreis (first five digits of the id) and
  its name, as in the register's `district` column.

Values are copied verbatim (no rounding), so a row filled from the register
equals the register row. Source: Statistisches Bundesamt (Destatis),
Gemeindeverzeichnis GV-ISys, Stand 31.12.2020; dl-de/by-2-0 (Daten verändert).
"""
import csv
import sys
from pathlib import Path

TYPES = {"markt": 60, "kreisfreie_stadt": 61, "stadtkreis": 62, "stadt": 63,
         "gemeinde": 64, "grosse_kreisstadt": 67}
OUT = Path(__file__).resolve().parent.parent / "crates" / "lineup" / "data"


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["id"])
    districts = {}
    with open(OUT / "register.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "designation", "population", "lat", "lon", "type", "degurba"])
        for r in rows:
            name, official = r["name"], r["official_name"]
            if official == name:
                designation = ""
            elif official.startswith(name + ", "):
                designation = official[len(name) + 2:]
            else:
                sys.exit(f"{r['id']}: official name {official!r} does not start with {name!r}")
            if r["id"][:2] != r["state_code"]:
                sys.exit(f"{r['id']}: state_code {r['state_code']} does not match the id")
            w.writerow([r["id"], name, designation, r["population"], r["lat"], r["lon"],
                        TYPES[r["municipality_type"]], r["degurba"]])
            kreis = r["id"][:5]
            if districts.setdefault(kreis, r["district"]) != r["district"]:
                sys.exit(f"{kreis}: two district names")
    with open(OUT / "districts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kreis", "district"])
        for kreis in sorted(districts):
            w.writerow([kreis, districts[kreis]])


if __name__ == "__main__":
    main()
