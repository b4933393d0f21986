#!/usr/bin/env python3
"""Simplifies the Länder outlines for the SVG map embedded in the library.

Usage: python3 scripts/make-outlines.py PATH/TO/de-states.geojson [TOLERANCE_KM]

Reads the BKG VG5000 Länder polygons (de-states.geojson, already simplified
to 400 m) and writes crates/lineup/data/de-states-outline.txt: one line per
ring, `ABBR lon,lat lon,lat …` with 3 decimals (about 100 m), simplified with
Douglas–Peucker (default tolerance 1 km, in a local equirectangular plane)
and without islets under 4 km². Rings are outer rings and holes alike: the
map fills each Land with the even-odd rule, so Berlin and Bremen stay holes
in Brandenburg and Niedersachsen. Each Land is simplified on its own, so
neighbouring outlines may differ by up to about the tolerance (a pixel on
the map).

Source: © GeoBasis-DE / BKG 2021 (Daten verändert); dl-de/by-2-0.
"""
import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "crates" / "lineup" / "data" / "de-states-outline.txt"
KX = 111.32 * math.cos(math.radians(51.0))  # km per degree of longitude at 51° N
KY = 110.57  # km per degree of latitude


def km(p):
    return (p[0] * KX, p[1] * KY)


def distance_to_segment(p, a, b):
    (px, py), (ax, ay), (bx, by) = km(p), km(a), km(b)
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, index = 0.0, None
        for k in range(i + 1, j):
            d = distance_to_segment(points[k], points[i], points[j])
            if d > best:
                best, index = d, k
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(i, index), (index, j)]
    return [p for p, k in zip(points, keep) if k]


def area_km2(ring):
    pts = [km(p) for p in ring]
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))) / 2


def simplify_ring(ring, tolerance):
    ring = ring[:-1] if ring[0] == ring[-1] else ring
    # Split the closed ring at its farthest point so both halves keep their ends.
    far = max(range(len(ring)), key=lambda k: math.dist(km(ring[0]), km(ring[k])))
    a = douglas_peucker(ring[: far + 1], tolerance)
    b = douglas_peucker(ring[far:] + ring[:1], tolerance)
    return a[:-1] + b[:-1]


def main():
    tolerance = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    lines, vertices = [], 0
    for feature in sorted(doc["features"], key=lambda f: f["properties"]["state_code"]):
        abbr = feature["properties"]["abbr"]
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                if area_km2(ring) < 4.0:
                    continue
                simple = simplify_ring(ring, tolerance)
                if len(simple) < 3:
                    continue
                vertices += len(simple)
                lines.append(abbr + " " + " ".join(f"{x:.3f},{y:.3f}" for x, y in simple))
    header = [
        "# Länder outlines for the SVG map: ABBR lon,lat … (one ring per line; even-odd fill).",
        "# © GeoBasis-DE / BKG 2021 (Daten verändert); dl-de/by-2-0. Made by scripts/make-outlines.py",
        f"# from de-states.geojson (BKG VG5000, 01.01.2021), tolerance {tolerance} km, {vertices} vertices.",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} rings, {vertices} vertices, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
