//! Which Länder share a land border, held as a `petgraph` graph.
//!
//! The 29 pairs come from `data/de-state-borders.csv` (computed from BKG VG5000
//! polygons, checked by hand). The graph also gives the number of border
//! crossings between two Länder (`hops`), used to explain how far apart two
//! regions are.

use std::sync::OnceLock;

use petgraph::algo::dijkstra;
use petgraph::graph::{NodeIndex, UnGraph};

use crate::land::Land;

/// The 29 unordered pairs of Länder that share a land border, with the
/// approximate border length in km (measured on the generalised 1:5 000 000
/// geometry, so an underestimate).
pub const BORDERS: [(Land, Land, u16); 29] = [
    (Land::SH, Land::HH, 105),
    (Land::SH, Land::NI, 21),
    (Land::SH, Land::MV, 114),
    (Land::HH, Land::NI, 65),
    (Land::NI, Land::HB, 157),
    (Land::NI, Land::NW, 497),
    (Land::NI, Land::HE, 137),
    (Land::NI, Land::BB, 29),
    (Land::NI, Land::MV, 73),
    (Land::NI, Land::ST, 300),
    (Land::NI, Land::TH, 91),
    (Land::NW, Land::HE, 240),
    (Land::NW, Land::RP, 260),
    (Land::HE, Land::RP, 242),
    (Land::HE, Land::BW, 139),
    (Land::HE, Land::BY, 231),
    (Land::HE, Land::TH, 217),
    (Land::RP, Land::BW, 92),
    (Land::RP, Land::SL, 166),
    (Land::BW, Land::BY, 629),
    (Land::BY, Land::SN, 24),
    (Land::BY, Land::TH, 308),
    (Land::BE, Land::BB, 197),
    (Land::BB, Land::MV, 386),
    (Land::BB, Land::SN, 213),
    (Land::BB, Land::ST, 321),
    (Land::SN, Land::ST, 164),
    (Land::SN, Land::TH, 220),
    (Land::ST, Land::TH, 243),
];

/// The border graph of the Länder: one node per Land, one edge per shared border.
#[derive(Debug)]
pub struct BorderGraph {
    graph: UnGraph<Land, u16>,
    adjacent: [[bool; 16]; 16],
    hops: [[u8; 16]; 16],
}

impl BorderGraph {
    fn build() -> BorderGraph {
        let mut graph = UnGraph::<Land, u16>::with_capacity(16, BORDERS.len());
        let nodes: Vec<NodeIndex> = Land::ALL.iter().map(|l| graph.add_node(*l)).collect();
        let mut adjacent = [[false; 16]; 16];
        for (a, b, km) in BORDERS {
            graph.add_edge(nodes[a.index()], nodes[b.index()], km);
            adjacent[a.index()][b.index()] = true;
            adjacent[b.index()][a.index()] = true;
        }
        let mut hops = [[u8::MAX; 16]; 16];
        for a in Land::ALL {
            let dist = dijkstra(&graph, nodes[a.index()], None, |_| 1u8);
            for (node, d) in dist {
                hops[a.index()][graph[node].index()] = d;
            }
        }
        BorderGraph {
            graph,
            adjacent,
            hops,
        }
    }

    /// The underlying petgraph graph (node weight: the Land; edge weight:
    /// approximate border length in km).
    pub fn graph(&self) -> &UnGraph<Land, u16> {
        &self.graph
    }

    /// Whether two different Länder share a land border.
    pub fn share_border(&self, a: Land, b: Land) -> bool {
        self.adjacent[a.index()][b.index()]
    }

    /// The Länder bordering `land`, in AGS order.
    pub fn neighbours(&self, land: Land) -> Vec<Land> {
        Land::ALL
            .iter()
            .copied()
            .filter(|&b| self.share_border(land, b))
            .collect()
    }

    /// The fewest border crossings from `a` to `b` (0 for the same Land).
    pub fn hops(&self, a: Land, b: Land) -> u8 {
        self.hops[a.index()][b.index()]
    }
}

/// The built-in border graph, built once on first use.
pub fn borders() -> &'static BorderGraph {
    static GRAPH: OnceLock<BorderGraph> = OnceLock::new();
    GRAPH.get_or_init(BorderGraph::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_29_borders_and_is_connected() {
        let g = borders();
        assert_eq!(g.graph().edge_count(), 29);
        assert_eq!(g.graph().node_count(), 16);
        for a in Land::ALL {
            for b in Land::ALL {
                assert!(g.hops(a, b) < 16, "{a:?} {b:?}");
                assert_eq!(g.hops(a, b), g.hops(b, a));
                assert_eq!(g.share_border(a, b), g.hops(a, b) == 1);
            }
        }
    }

    #[test]
    fn known_neighbourhoods() {
        let g = borders();
        assert_eq!(g.neighbours(Land::HB), vec![Land::NI]);
        assert_eq!(g.neighbours(Land::BE), vec![Land::BB]);
        assert_eq!(g.neighbours(Land::SL), vec![Land::RP]);
        assert_eq!(g.neighbours(Land::NI).len(), 9);
        assert!(!g.share_border(Land::BY, Land::BY));
        assert_eq!(g.hops(Land::SH, Land::BY), 3);
        assert_eq!(g.hops(Land::SL, Land::MV), 4);
    }

    #[test]
    fn table_matches_built_in_csv() {
        let csv = include_str!("../data/de-state-borders.csv");
        let rows: Vec<&str> = csv.lines().skip(1).filter(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), BORDERS.len());
        for (row, (a, b, km)) in rows.iter().zip(BORDERS.iter()) {
            let f: Vec<&str> = row.split(',').collect();
            assert_eq!((f[1], f[4]), (a.abbr(), b.abbr()));
            assert_eq!(f[6].parse::<u16>().unwrap(), *km);
        }
    }
}
