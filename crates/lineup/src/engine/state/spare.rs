//! Buffers that the local search borrows from its state for one descent and
//! gives back, so that a run allocates nothing per descent (a generation
//! runs three descents per member; their allocations cost about 6 % of the
//! instructions at n = 120).

/// The local search's buffers, kept between descents. A clone of a state
/// starts with empty ones (they hold nothing that outlives a descent).
#[derive(Debug)]
pub struct Spare<V> {
    /// Free items per group.
    pub of: Vec<Vec<u32>>,
    /// Their table values in their groups.
    pub own: Vec<Vec<V>>,
    /// Each item's position in its group's list.
    pub pos: Vec<u32>,
    /// Clocks of the groups and blocks.
    pub clocks: Vec<u64>,
    /// Relocation gains of a block's two groups.
    pub alpha: Vec<V>,
    /// See `alpha`.
    pub beta: Vec<V>,
}

impl<V> Default for Spare<V> {
    fn default() -> Self {
        Spare {
            of: Vec::new(),
            own: Vec::new(),
            pos: Vec::new(),
            clocks: Vec::new(),
            alpha: Vec::new(),
            beta: Vec::new(),
        }
    }
}
