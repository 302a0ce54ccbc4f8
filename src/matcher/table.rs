//! What the search walks: a table-driven automaton over the character code.

/// Set in a state value when patterns end in that state.
pub(super) const MATCH: u32 = 1 << 31;

/// The patterns ending in each state, by state number: the state's own, then those of
/// its failure state (the order aho-corasick reports them in).
#[derive(Debug, Clone)]
pub(super) struct MatchLists {
    /// The patterns of state `s` are `patterns[ends[s] as usize..ends[s + 1] as usize]`.
    ends: Vec<u32>,
    patterns: Vec<u32>,
}

impl MatchLists {
    /// The lists of `ends.len() - 1` states.
    pub(super) fn new(ends: Vec<u32>, patterns: Vec<u32>) -> MatchLists {
        MatchLists { ends, patterns }
    }

    /// The patterns ending in state `number`.
    #[inline]
    pub(super) fn of(&self, number: usize) -> &[u32] {
        let from = self.ends.get(number).copied().unwrap_or(0) as usize;
        let to = self.ends.get(number + 1).copied().unwrap_or(0) as usize;
        self.patterns.get(from..to).unwrap_or(&[])
    }

    /// The start state of an automaton whose root is state 0 with value 0: with
    /// `flag` (the automaton's match flag) set when patterns end there.
    pub(super) fn start(&self, flag: u32) -> u32 {
        if self.of(0).is_empty() {
            0
        } else {
            flag
        }
    }

    /// Heap bytes.
    pub(super) fn memory_usage(&self) -> usize {
        (self.ends.capacity() + self.patterns.capacity()) * std::mem::size_of::<u32>()
    }
}

/// An automaton whose state is a `u32` and whose step is a table look-up, reporting
/// every pattern that ends at each position, overlapping ones included.
pub(super) trait Table {
    /// The state before the first character.
    fn start(&self) -> u32;
    /// The state after `state` reads `code`.
    fn next(&self, state: u32, code: u8) -> u32;
    /// Whether patterns end in `state` (the [`MATCH`] flag in the state value, so that
    /// the walk tests it without a look-up).
    #[inline(always)]
    fn is_match(state: u32) -> bool {
        state & MATCH != 0
    }
    /// The patterns ending in `state`: its own, then those of its failure state.
    fn matches(&self, state: u32) -> &[u32];
}
