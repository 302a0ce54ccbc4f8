//! What the search walks: a table-driven automaton over the character code.

/// An automaton whose state is a `u32` and whose step is a table look-up, reporting
/// every pattern that ends at each position, overlapping ones included.
pub(super) trait Table {
    /// The state before the first character.
    fn start(&self) -> u32;
    /// The state after `state` reads `code`.
    fn next(&self, state: u32, code: u8) -> u32;
    /// Whether patterns end in `state` (a flag in the state value, so that the walk
    /// tests it without a look-up).
    fn is_match(state: u32) -> bool;
    /// The patterns ending in `state`: its own, then those of its failure state.
    fn matches(&self, state: u32) -> &[u32];
}
