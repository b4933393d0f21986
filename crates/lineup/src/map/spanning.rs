//! The lines that join a cluster's members on the map: a minimum spanning
//! tree of their positions (the shortest set of lines that connects them).

use petgraph::algo::min_spanning_tree;
use petgraph::data::Element;
use petgraph::graph::UnGraph;

/// Edges `(i, j)` of a minimum spanning tree of the points (plane
/// distances); `points.len() - 1` edges, none for fewer than two points.
pub fn tree(points: &[(f64, f64)]) -> Vec<(usize, usize)> {
    let mut g: UnGraph<(), f64> = UnGraph::default();
    let nodes: Vec<_> = points.iter().map(|_| g.add_node(())).collect();
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            let (a, b) = (points[i], points[j]);
            g.add_edge(nodes[i], nodes[j], (a.0 - b.0).hypot(a.1 - b.1));
        }
    }
    min_spanning_tree(&g)
        .filter_map(|e| match e {
            Element::Edge { source, target, .. } => Some((source, target)),
            Element::Node { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_all_points_with_the_shortest_lines() {
        let pts = [(0.0, 0.0), (10.0, 0.0), (0.0, 1.0), (10.0, 1.0)];
        let mut edges = tree(&pts);
        edges.iter_mut().for_each(|e| *e = (e.0.min(e.1), e.0.max(e.1)));
        edges.sort();
        assert_eq!(edges.len(), 3);
        assert!(edges.contains(&(0, 2)) && edges.contains(&(1, 3)), "{edges:?}");
        assert!(tree(&[(1.0, 1.0)]).is_empty());
    }
}
