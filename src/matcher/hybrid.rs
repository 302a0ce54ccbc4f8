//! The search for name sets whose DFA would be too large: DFA rows for the states
//! nearest the root, where the search spends most of its steps, and a sparse trie with
//! failure links below them.
//!
//! A full DFA over 100,000 user names would take 440 MB (states × alphabet). Most of
//! its states are deep in the trie and have a child or two; the search visits them
//! rarely and leaves them on the next character. Here the first states in breadth-first
//! order (all within a byte budget) keep complete rows, one table step a character as
//! in [`CodedDfa`](super::dfa::CodedDfa); every other state lists its children and its
//! failure state. A step from a sparse state reads its few children and, when none
//! fits, goes on from its failure state, which is shallower: after a few such steps at
//! most it reaches a dense state, whose row answers at once. Against aho-corasick's
//! contiguous NFA, whose dense states (the shallow ones) still fail over to their
//! failure states, the rows here never fail, and the walk from a deep state ends at the
//! first dense state on its failure chain.

use std::collections::VecDeque;

use super::table::{MatchLists, Table, MATCH};

/// Set in a state value for a sparse state: the rest is the offset of its record.
const SPARSE: u32 = 1 << 30;
/// The offset bits of a state value.
const OFFSET: u32 = SPARSE - 1;
/// No node, while the trie is built.
const NONE: u32 = u32::MAX;

/// A search automaton over codes `0..classes` (see `CharCode`), reporting every
/// pattern that ends at each position, overlapping ones included, in the order the
/// DFA reports them.
#[derive(Debug, Clone)]
pub(super) struct HybridDfa {
    /// Rows of the dense states, `1 << shift` entries each; a dense state's value is
    /// the offset of its row, with [`MATCH`] set when patterns end there.
    trans: Vec<u32>,
    shift: u32,
    /// The records of the sparse states: `[children, code.., target.., failure, state]`
    /// (the failure state's value, then the state's number for its match list).
    sparse: Vec<u32>,
    /// The patterns ending in each state, numbered breadth first.
    lists: MatchLists,
}

impl HybridDfa {
    /// The automaton of `patterns` (coded strings over `0..classes`) with dense rows
    /// for as many states as fit in `dense_bytes` (the root at least), or `None` when a
    /// code is out of range, the automaton would not fit 30-bit offsets, or the failure
    /// chains of all states together pass `max_fail_steps` states (see
    /// [`CodedDfa::build`](super::dfa::CodedDfa::build)).
    pub(super) fn build(
        patterns: &[&[u8]],
        classes: usize,
        dense_bytes: usize,
        max_fail_steps: usize,
    ) -> Option<HybridDfa> {
        let stride = classes.max(1).next_power_of_two();
        let shift = stride.trailing_zeros();
        let trie = Trie::build(patterns, classes)?;
        let nodes = trie.parent.len();
        // Breadth first: a state's failure state is shallower, so it comes earlier.
        let mut bfs: Vec<u32> = Vec::with_capacity(nodes);
        let mut number = vec![0u32; nodes];
        let mut queue: VecDeque<u32> = VecDeque::with_capacity(nodes);
        queue.push_back(0);
        while let Some(node) = queue.pop_front() {
            number[node as usize] = bfs.len() as u32;
            bfs.push(node);
            queue.extend(trie.children(node).iter().map(|&(_, child)| child));
        }
        drop(queue);
        // Failure links by the classic walk, and the chains' lengths.
        let mut fail = vec![0u32; nodes];
        let mut chain = vec![0u32; nodes];
        let mut has_match = vec![false; nodes];
        let mut fail_steps = 0usize;
        for &node in &bfs {
            let n = node as usize;
            if n != 0 {
                let parent = trie.parent[n];
                let code = trie.code[n];
                fail[n] = if parent == 0 {
                    0
                } else {
                    let mut f = fail[parent as usize];
                    loop {
                        if let Some(t) = trie.child(f, code) {
                            break t;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = fail[f as usize];
                    }
                };
                chain[n] = chain[fail[n] as usize] + 1;
                fail_steps = fail_steps.saturating_add(chain[n] as usize);
                if fail_steps > max_fail_steps {
                    return None;
                }
            }
            has_match[n] = !trie.own(node).is_empty() || (n != 0 && has_match[fail[n] as usize]);
        }
        drop(chain);
        // Each state's value: dense for the first `dense` states, sparse after.
        let dense = (dense_bytes / (stride * 4)).clamp(1, nodes);
        let mut value = vec![0u32; nodes];
        let mut sparse_len = 0usize;
        for (i, &node) in bfs.iter().enumerate() {
            let flag = if has_match[node as usize] { MATCH } else { 0 };
            let at = if i < dense {
                i << shift
            } else {
                let at = sparse_len;
                sparse_len += record_len(trie.children(node).len(), has_match[node as usize]);
                at
            };
            let at = u32::try_from(at).ok().filter(|&a| a <= OFFSET)?;
            value[node as usize] = at | flag | if i < dense { 0 } else { SPARSE };
        }
        drop(has_match);
        let mut trans = vec![0u32; dense << shift];
        let mut sparse = Vec::with_capacity(sparse_len);
        let root = value[0];
        for (i, &node) in bfs.iter().enumerate() {
            let n = node as usize;
            if i < dense {
                let row = i << shift;
                if i == 0 {
                    trans[..stride].fill(root);
                } else {
                    let from = (number[fail[n] as usize] as usize) << shift;
                    trans.copy_within(from..from + stride, row);
                }
                for &(code, child) in trie.children(node) {
                    trans[row + usize::from(code)] = value[child as usize];
                }
            } else {
                let children = trie.children(node);
                // The count and the first three codes in one word, the other codes
                // four to a word, the targets, the failure state, the number.
                let count = u32::try_from(children.len()).ok().filter(|&c| c <= 0xFF)?;
                let mut word = count;
                for (k, &(code, _)) in children.iter().enumerate() {
                    let slot = (k + 1) % 4;
                    word |= u32::from(code) << (8 * slot);
                    if slot == 3 || k + 1 == children.len() {
                        sparse.push(word);
                        word = 0;
                    }
                }
                if children.is_empty() {
                    sparse.push(word);
                }
                sparse.extend(children.iter().map(|&(_, child)| value[child as usize]));
                sparse.push(value[fail[n] as usize]);
                if value[n] & MATCH != 0 {
                    sparse.push(i as u32);
                }
            }
        }
        // The patterns of each state: its own, then its failure state's.
        let mut match_ends = Vec::with_capacity(nodes + 1);
        let mut matches: Vec<u32> = Vec::new();
        for (i, &node) in bfs.iter().enumerate() {
            let begin = matches.len();
            match_ends.push(u32::try_from(begin).ok()?);
            matches.extend_from_slice(trie.own(node));
            if i != 0 {
                let f = number[fail[node as usize] as usize] as usize;
                let (from, to) = (match_ends[f] as usize, match_ends[f + 1] as usize);
                matches.extend_from_within(from..to);
            }
        }
        match_ends.push(u32::try_from(matches.len()).ok()?);
        Some(HybridDfa {
            trans,
            shift,
            sparse,
            lists: MatchLists::new(match_ends, matches),
        })
    }

    /// Heap bytes.
    pub(super) fn memory_usage(&self) -> usize {
        (self.trans.capacity() + self.sparse.capacity()) * std::mem::size_of::<u32>()
            + self.lists.memory_usage()
    }
}

impl Table for HybridDfa {
    #[inline]
    fn start(&self) -> u32 {
        self.lists.start(MATCH)
    }

    #[inline(always)]
    fn next(&self, mut state: u32, code: u8) -> u32 {
        loop {
            if state & SPARSE == 0 {
                return self
                    .trans
                    .get((state & !MATCH) as usize + usize::from(code))
                    .copied()
                    .unwrap_or(0);
            }
            let at = (state & OFFSET) as usize;
            let head = self.sparse.get(at).copied().unwrap_or(0);
            let count = (head & 0xFF) as usize;
            let targets = at + code_words(count);
            // Deep states have a child or none: the first three codes are in the head.
            let code = u32::from(code);
            let found = (0..count.min(3))
                .find(|&k| (head >> (8 * (k + 1))) & 0xFF == code)
                .or_else(|| {
                    (3..count).find(|&k| {
                        let word = self.sparse.get(at + (k + 1) / 4).copied().unwrap_or(0);
                        (word >> (8 * ((k + 1) % 4))) & 0xFF == code
                    })
                });
            if let Some(k) = found {
                return self.sparse.get(targets + k).copied().unwrap_or(0);
            }
            // A state's failure state is shallower, and the root is dense: the walk ends.
            state = self.sparse.get(targets + count).copied().unwrap_or(0);
        }
    }

    #[inline]
    fn matches(&self, state: u32) -> &[u32] {
        let number = if state & SPARSE == 0 {
            ((state & !MATCH) >> self.shift) as usize
        } else {
            let at = (state & OFFSET) as usize;
            let count = (self.sparse.get(at).copied().unwrap_or(0) & 0xFF) as usize;
            let number_at = at + code_words(count) + count + 1;
            self.sparse.get(number_at).copied().unwrap_or(0) as usize
        };
        self.lists.of(number)
    }
}

/// The words a sparse record's count and codes take: the count and three codes in the
/// first, four codes in each after.
fn code_words(count: usize) -> usize {
    1 + count.saturating_sub(3).div_ceil(4)
}

/// The words of a sparse record: count and codes, targets, the failure state, and the
/// state's number when patterns end there.
fn record_len(count: usize, has_match: bool) -> usize {
    code_words(count) + count + 1 + usize::from(has_match)
}

/// The patterns' trie, its nodes numbered in the order made (from the patterns sorted,
/// so a node's children are made in the order of their codes).
struct Trie {
    parent: Vec<u32>,
    code: Vec<u8>,
    /// The children of node `n`, `(code, node)` in code order, are
    /// `edges[edge_ends[n - 1]..edge_ends[n]]` (from 0 for the root).
    edge_ends: Vec<u32>,
    edges: Vec<(u8, u32)>,
    /// The patterns ending at node `n`, in pattern order, are
    /// `own[own_ends[n - 1]..own_ends[n]]`, like the edges.
    own_ends: Vec<u32>,
    own: Vec<u32>,
}

impl Trie {
    fn build(patterns: &[&[u8]], classes: usize) -> Option<Trie> {
        let mut sorted: Vec<u32> = (0..u32::try_from(patterns.len()).ok()?).collect();
        sorted.sort_unstable_by(|&a, &b| {
            patterns[a as usize]
                .cmp(patterns[b as usize])
                .then(a.cmp(&b))
        });
        let mut parent = vec![0u32];
        let mut code = vec![0u8];
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(patterns.len());
        // The nodes of the previous pattern's path, the root first.
        let mut path: Vec<u32> = vec![0];
        let mut previous: &[u8] = &[];
        for &id in &sorted {
            let pattern = patterns[id as usize];
            let shared = pattern
                .iter()
                .zip(previous)
                .take_while(|(a, b)| a == b)
                .count();
            path.truncate(shared + 1);
            for &c in &pattern[shared..] {
                if usize::from(c) >= classes {
                    return None;
                }
                let node = u32::try_from(parent.len()).ok().filter(|&n| n != NONE)?;
                parent.push(*path.last()?);
                code.push(c);
                path.push(node);
            }
            ends.push((*path.last()?, id));
            previous = pattern;
        }
        let nodes = parent.len();
        // Children grouped by parent with a counting sort; nodes were made in code
        // order under each parent, so each group is in code order.
        let mut edge_ends = vec![0u32; nodes];
        for &p in &parent[1..] {
            edge_ends[p as usize] += 1;
        }
        let mut sum = 0;
        for end in &mut edge_ends {
            (*end, sum) = (sum, sum + *end);
        }
        let mut edges = vec![(0u8, 0u32); nodes - 1];
        for (node, (&p, &c)) in parent.iter().zip(&code).enumerate().skip(1) {
            let end = &mut edge_ends[p as usize];
            edges[*end as usize] = (c, node as u32);
            *end += 1;
        }
        // Patterns by node, in pattern order.
        ends.sort_unstable();
        let mut own_ends = vec![0u32; nodes];
        for &(node, _) in &ends {
            own_ends[node as usize] += 1;
        }
        let mut sum = 0;
        for end in &mut own_ends {
            sum += *end;
            *end = sum;
        }
        let own = ends.into_iter().map(|(_, id)| id).collect();
        Some(Trie {
            parent,
            code,
            edge_ends,
            edges,
            own_ends,
            own,
        })
    }

    fn range(ends: &[u32], node: u32) -> std::ops::Range<usize> {
        let n = node as usize;
        let from = if n == 0 { 0 } else { ends[n - 1] as usize };
        from..ends[n] as usize
    }

    fn children(&self, node: u32) -> &[(u8, u32)] {
        &self.edges[Trie::range(&self.edge_ends, node)]
    }

    fn child(&self, node: u32, code: u8) -> Option<u32> {
        let children = self.children(node);
        children
            .binary_search_by_key(&code, |&(c, _)| c)
            .ok()
            .map(|k| children[k].1)
    }

    fn own(&self, node: u32) -> &[u32] {
        &self.own[Trie::range(&self.own_ends, node)]
    }
}
