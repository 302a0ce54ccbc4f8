//! The search DFA over the character code, built by the textbook construction.
//!
//! aho-corasick's DFA was the search until now, built from its noncontiguous NFA: for
//! the built-in names that took half the instructions of a one-line run (about 200 M),
//! as it fills each missing transition by walking failure links. Here the trie is built
//! straight into the transition table, and one breadth-first pass fills every missing
//! transition from the failure state's row, complete by then: states × classes steps,
//! with no walk. The search is the same: one table step per character, a flag in the
//! state value for states where patterns end, and the patterns of a state in the
//! order aho-corasick reports them (the state's own, then those of its failure state).

use std::collections::VecDeque;

use super::table::{MatchLists, Table, MATCH};

/// A table entry: a state value, with a flag set when patterns end in that state.
///
/// `u32` holds the offset of the state's row, so a step adds the code and loads;
/// `u16` holds the state's number, for tables of at most `u16`'s
/// [`MAX_STATES`](Entry::MAX_STATES) states, so a step shifts as well, but the table
/// takes half the bytes and more of the rows a text visits stay in the core's first
/// cache (the built-in names, 31,000 states: the match stage 3-5 % faster on B_news,
/// and 4.3 MB where it took 8.2).
pub(super) trait Entry: Copy + Eq + Into<u32> {
    /// A missing transition while the trie is built: no state's value, flagged or not.
    const NONE: Self;
    /// The flag, in the entry and in the `u32` state value the walk carries.
    const FLAG: u32;
    /// The most states the entry numbers.
    const MAX_STATES: usize;
    /// The entry of the state whose row starts at `offset`, unflagged, if it fits.
    fn of_offset(offset: usize, shift: u32) -> Option<Self>;
    /// The row offset of a state value (flag or not).
    fn offset(state: u32, shift: u32) -> usize;
    /// `self` with the flag of `value` (a `u32` state value) added.
    fn flag_from(self, value: u32) -> Self;
}

impl Entry for u32 {
    const NONE: u32 = u32::MAX;
    const FLAG: u32 = MATCH;
    const MAX_STATES: usize = usize::MAX;

    #[inline]
    fn of_offset(offset: usize, _shift: u32) -> Option<u32> {
        u32::try_from(offset).ok().filter(|v| v & MATCH == 0)
    }

    #[inline(always)]
    fn offset(state: u32, _shift: u32) -> usize {
        (state & !MATCH) as usize
    }

    #[inline]
    fn flag_from(self, value: u32) -> u32 {
        self | (value & MATCH)
    }
}

impl Entry for u16 {
    const NONE: u16 = u16::MAX;
    const FLAG: u32 = 1 << 15;
    /// Numbers below `0x7FFF`, so that no flagged value is [`NONE`](Entry::NONE).
    const MAX_STATES: usize = (1 << 15) - 1;

    #[inline]
    fn of_offset(offset: usize, shift: u32) -> Option<u16> {
        u16::try_from(offset >> shift)
            .ok()
            .filter(|&n| usize::from(n) < Self::MAX_STATES)
    }

    #[inline(always)]
    fn offset(state: u32, shift: u32) -> usize {
        ((state & !Self::FLAG) as usize) << shift
    }

    #[inline]
    fn flag_from(self, value: u32) -> u16 {
        // The flag's bit in a u16 entry is the same as in its u32 state value.
        self | (value & Self::FLAG) as u16
    }
}

/// A DFA over codes `0..classes` (see `CharCode`), reporting every pattern that ends
/// at each position, overlapping ones included (aho-corasick's `MatchKind::Standard`).
#[derive(Debug, Clone)]
pub(super) struct CodedDfa<E = u32> {
    /// Row-major transitions, a row of `1 << shift` entries per state (see [`Entry`]
    /// for what a value holds).
    trans: Vec<E>,
    shift: u32,
    /// The patterns ending in each state, by row number.
    lists: MatchLists,
}

/// The `len` entries at `a` to write and at `b` to read, `a != b` (rows that do not
/// overlap).
fn two_rows<E>(trans: &mut [E], a: usize, b: usize, len: usize) -> (&mut [E], &[E]) {
    if a < b {
        let (head, tail) = trans.split_at_mut(b);
        (&mut head[a..a + len], &tail[..len])
    } else {
        let (head, tail) = trans.split_at_mut(a);
        (&mut tail[..len], &head[b..b + len])
    }
}

impl<E: Entry> CodedDfa<E> {
    /// The DFA of `patterns` (coded strings over `0..classes`), or `None` when a code
    /// is out of range, the table's states do not fit `E`, or the failure chains
    /// of all states together pass `max_fail_steps` states (names that repeat a letter
    /// or a syllable: every state of such a chain lists the patterns of the states
    /// after it). `states` is the trie's size if known (`DfaCost::states`), to
    /// allocate the table once.
    pub(super) fn build(
        patterns: &[&[u8]],
        classes: usize,
        states: usize,
        max_fail_steps: usize,
    ) -> Option<CodedDfa<E>> {
        let stride = classes.max(1).next_power_of_two();
        let shift = stride.trailing_zeros();
        // The trie, straight into the table: a state's row holds its children, NONE
        // elsewhere; `own` lists (state, pattern) where a pattern ends.
        let mut trans: Vec<E> = Vec::with_capacity(states.max(1).saturating_mul(stride));
        trans.resize(stride, E::NONE);
        let mut own: Vec<(u32, u32)> = Vec::with_capacity(patterns.len());
        // The parent and code of each state after the root, in the order made.
        let mut edges: Vec<(u32, u8)> = Vec::with_capacity(states);
        for (id, pattern) in patterns.iter().enumerate() {
            let mut row = 0usize;
            for &c in *pattern {
                let c = usize::from(c);
                if c >= classes {
                    return None;
                }
                let next = trans[row + c];
                row = if next == E::NONE {
                    let new = trans.len();
                    trans[row + c] = E::of_offset(new, shift)?;
                    trans.resize(new + stride, E::NONE);
                    edges.push((u32::try_from(row >> shift).ok()?, c as u8));
                    new
                } else {
                    E::offset(next.into(), shift)
                };
            }
            own.push((row as u32, u32::try_from(id).ok()?));
        }
        let states = trans.len() >> shift;
        // The codes of each state's children, grouped by state: the children of `s`
        // are at `child_codes[children_end[s - 1]..children_end[s]]` (from 0 for the
        // root). Counted, summed, then placed, each placing moving the end on.
        let mut children_end = vec![0u32; states];
        for &(parent, _) in &edges {
            children_end[parent as usize] += 1;
        }
        let mut sum = 0;
        for end in &mut children_end {
            (*end, sum) = (sum, sum + *end);
        }
        let mut child_codes = vec![0u8; edges.len()];
        for &(parent, c) in &edges {
            let end = &mut children_end[parent as usize];
            child_codes[*end as usize] = c;
            *end += 1;
        }
        drop(edges);
        own.sort_by_key(|&(row, _)| row);
        let mut has_own = vec![false; states];
        for &(row, _) in &own {
            has_own[row as usize >> shift] = true;
        }
        // Breadth first: a state's failure state is shallower, so its row is complete
        // and its match list final when the state is reached.
        let mut fail = vec![0u32; states];
        // What the root's missing transitions go to, its own row standing in for its
        // failure row: the root, flagged if patterns end there.
        let root_flag = if has_own[0] { E::FLAG } else { 0 };
        let root_row = vec![E::of_offset(0, shift)?.flag_from(root_flag); stride];
        // The length of each state's failure chain, and their sum.
        let mut chain = vec![0u32; states];
        let mut fail_steps = 0usize;
        let mut match_ends = vec![0u32; states + 1];
        let mut list_of: Vec<(u32, u32)> = vec![(0, 0); states];
        let mut matches: Vec<u32> = Vec::new();
        let mut queue: VecDeque<u32> = VecDeque::with_capacity(states);
        queue.push_back(0);
        while let Some(row) = queue.pop_front() {
            let (row, state) = (row as usize, row as usize >> shift);
            let failure = fail[state] as usize;
            if row != 0 {
                chain[state] = chain[failure >> shift] + 1;
                fail_steps = fail_steps.saturating_add(chain[state] as usize);
                if fail_steps > max_fail_steps {
                    return None;
                }
            }
            // The state's own patterns, then its failure state's (none for the root).
            let begin = matches.len();
            let at = own.partition_point(|&(r, _)| (r as usize) < row);
            matches.extend(
                own[at..]
                    .iter()
                    .take_while(|&&(r, _)| r as usize == row)
                    .map(|&(_, p)| p),
            );
            if row != 0 {
                let (from, to) = list_of[failure >> shift];
                matches.extend_from_within(from as usize..to as usize);
            }
            list_of[state] = (
                u32::try_from(begin).ok()?,
                u32::try_from(matches.len()).ok()?,
            );
            // Missing transitions go where the failure state's go (the root's to the
            // root); a child's failure state is where the failure state goes on its
            // code. The failure row is complete and its values flagged, so a child's
            // flag is known here too: its own patterns, or its failure state's.
            let own_flag = |child: usize| if has_own[child >> shift] { E::FLAG } else { 0 };
            let (this, failure_row) = if row == 0 {
                (&mut trans[..stride], &root_row[..])
            } else {
                two_rows(&mut trans, row, failure, stride)
            };
            // A select without a branch, which the compiler vectorizes: most of a row
            // is missing transitions. The children are then visited by their codes.
            for (value, &goes) in this.iter_mut().zip(failure_row) {
                *value = if *value == E::NONE { goes } else { *value };
            }
            let first_child = if state == 0 {
                0
            } else {
                children_end[state - 1] as usize
            };
            for &c in &child_codes[first_child..children_end[state] as usize] {
                let c = usize::from(c);
                let child = E::offset(this[c].into(), shift);
                let goes: u32 = failure_row[c].into();
                fail[child >> shift] = u32::try_from(E::offset(goes, shift)).ok()?;
                this[c] = this[c].flag_from(own_flag(child) | goes);
                queue.push_back(child as u32);
            }
        }
        // Rows are numbered in insertion order; the lists were made in breadth-first
        // order, so they are laid out by row now.
        let mut flat = Vec::with_capacity(matches.len());
        for (state, &(from, to)) in list_of.iter().enumerate() {
            match_ends[state] = u32::try_from(flat.len()).ok()?;
            flat.extend_from_slice(&matches[from as usize..to as usize]);
        }
        match_ends[states] = u32::try_from(flat.len()).ok()?;
        trans.shrink_to_fit();
        Some(CodedDfa {
            trans,
            shift,
            lists: MatchLists::new(match_ends, flat),
        })
    }

    /// Heap bytes.
    pub(super) fn memory_usage(&self) -> usize {
        self.trans.capacity() * std::mem::size_of::<E>() + self.lists.memory_usage()
    }
}

/// A DFA with its table in the narrowest entry that numbers its states.
#[derive(Debug, Clone)]
pub(super) enum DfaTable {
    /// At most [`u16::MAX_STATES`](Entry::MAX_STATES) states.
    Narrow(CodedDfa<u16>),
    Wide(CodedDfa<u32>),
}

impl DfaTable {
    /// [`CodedDfa::build`] in `u16` when the trie's `states` fit, else in `u32`.
    pub(super) fn build(
        patterns: &[&[u8]],
        classes: usize,
        states: usize,
        max_fail_steps: usize,
    ) -> Option<DfaTable> {
        if states <= <u16 as Entry>::MAX_STATES {
            CodedDfa::build(patterns, classes, states, max_fail_steps).map(DfaTable::Narrow)
        } else {
            CodedDfa::build(patterns, classes, states, max_fail_steps).map(DfaTable::Wide)
        }
    }

    /// Heap bytes.
    pub(super) fn memory_usage(&self) -> usize {
        match self {
            DfaTable::Narrow(dfa) => dfa.memory_usage(),
            DfaTable::Wide(dfa) => dfa.memory_usage(),
        }
    }
}

impl<E: Entry> Table for CodedDfa<E> {
    #[inline]
    fn start(&self) -> u32 {
        self.lists.start(E::FLAG)
    }

    #[inline(always)]
    fn next(&self, state: u32, code: u8) -> u32 {
        self.trans
            .get(E::offset(state, self.shift) + usize::from(code))
            .map_or(0, |&e| e.into())
    }

    #[inline(always)]
    fn is_match(state: u32) -> bool {
        state & E::FLAG != 0
    }

    fn matches(&self, state: u32) -> &[u32] {
        self.lists.of(E::offset(state, self.shift) >> self.shift)
    }
}
