//! The search automaton: a DFA over a one-byte-per-character code of the normalized
//! text, with a UTF-8 automaton as the fallback for pattern sets too varied to code.
//!
//! A DFA is the fastest search, but its size is states × alphabet, and each state
//! lists every pattern of its failure chain, so both can explode: 200,000 user names
//! made a 682 MB DFA, and names repeating one letter have chains as long as
//! themselves. [`DfaCost`] measures both before anything is built, from the patterns'
//! trie. Past the size bound the search is the hybrid ([`HybridDfa`]): DFA rows for the
//! states nearest the root, up to a fixed budget, and a sparse trie below, walked in two
//! lanes (its steps wait on memory). Past the failure-chain bound (names that repeat a
//! letter or a syllable) it is aho-corasick's contiguous NFA, the smallest of the three
//! for such sets. The DFA itself is this crate's ([`CodedDfa`]): aho-corasick's took
//! half of a one-line run's instructions to build.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind};
use rustc_hash::FxHashMap;

use super::dfa::DfaTable;
#[cfg(test)]
use super::dfa::{CodedDfa, Entry};
use super::hybrid::HybridDfa;
use super::table::Table;
use crate::error::{Error, ErrorKind};

/// The largest DFA built, in bytes of `u32` transitions. The built-in gazetteer's is
/// 8.2 MB (kept in `u16`, 4.3 MB, as it has under 32,767 states); this leaves room
/// for a user's 10,000 villages (29 MB), while a larger set takes the hybrid, whose
/// rows are capped and whose other states grow with the names, not with names ×
/// alphabet (20,000 villages: a 48 MB DFA, a 12 MB hybrid), which keeps a worker's
/// memory within what one document may take (issue 17, target 5).
pub(super) const DFA_MAX_BYTES: usize = 32 << 20;

/// The longest failure chain a DFA state may have, on average. Real names share few
/// suffixes with other names' beginnings: the built-in set averages under 4. Names
/// that repeat a letter or a syllable have failure chains as long as themselves, and
/// every state of such a chain lists the patterns of all the states after it (the
/// chains also made aho-corasick's DFA construction, which walks them, quadratic).
pub(super) const DFA_MAX_FAIL_DEPTH: usize = 8;

/// The rows of the hybrid search, for name sets past [`DFA_MAX_BYTES`]: as large as
/// the built-in DFA's table. With 100,000 user names that is the states of the first
/// three letters and some of the fourth; 4 MB made the match stage slower, 16 MB no
/// faster.
pub(super) const HYBRID_DENSE_BYTES: usize = 8 << 20;

/// The code of a character no pattern contains, while the code is built.
const UNSET: u8 = 0xFF;
/// The characters with one- and two-byte UTF-8 encodings, U+0000..U+07FF.
const NARROW: usize = 0x800;

/// One byte per character: each character of the patterns as a code from 0, in the
/// order they first appear, everything else as the next code (`other`).
///
/// Arabic letters are two bytes of UTF-8, so an automaton over UTF-8 spends a state
/// and a step on each lead byte. Over this code the automaton has half the states and
/// the search half the steps: it runs about 1.7 times as fast on Arabic news.
///
/// The codes are dense, ASCII included, because aho-corasick's DFA gives each byte a
/// pattern uses a class of its own and each run of unused bytes between them another,
/// and rounds the classes up to a power of two for its row width. The built-in names
/// use 57 characters: coded densely they make 58 classes and rows of 64, where ASCII
/// as itself among them made 69 classes and rows of 128, a DFA twice the size.
#[derive(Debug, Clone)]
pub(super) struct CharCode {
    /// Codes of U+0000..U+07FF (one- and two-byte UTF-8, Arabic included). A fixed
    /// size: the search indexes it by the bits of one or two bytes, which the
    /// compiler then knows are in range, so the lookup needs no bounds check.
    narrow: Box<[u8; NARROW]>,
    /// Codes of the longer characters the patterns use, sorted.
    wide: Vec<(char, u8)>,
    /// The code of every character no pattern uses: the number of those that are.
    other: u8,
}

impl CharCode {
    /// The code for `patterns`, or `None` when they use more than 255 distinct
    /// characters.
    fn build<'a>(patterns: impl Iterator<Item = &'a str>) -> Option<CharCode> {
        let mut code = CharCode {
            narrow: Box::new([UNSET; NARROW]),
            wide: Vec::new(),
            other: UNSET,
        };
        let mut next = 0u8;
        for c in patterns.flat_map(str::chars) {
            if code.of(c) != UNSET {
                continue;
            }
            if next == UNSET {
                return None;
            }
            match code.narrow.get_mut(c as usize) {
                Some(slot) => *slot = next,
                None => {
                    let at = code.wide.partition_point(|&(w, _)| w < c);
                    code.wide.insert(at, (c, next));
                }
            }
            next += 1;
        }
        code.other = next;
        for slot in code.narrow.iter_mut().filter(|slot| **slot == UNSET) {
            *slot = next;
        }
        Some(code)
    }

    /// The number of codes: the characters the patterns use, and `other`.
    fn classes(&self) -> usize {
        usize::from(self.other) + 1
    }

    #[inline]
    fn of(&self, c: char) -> u8 {
        match self.narrow.get(c as usize) {
            Some(&code) => code,
            None => self
                .wide
                .binary_search_by_key(&c, |&(w, _)| w)
                .map_or(self.other, |i| self.wide[i].1),
        }
    }

    fn encode(&self, s: &str) -> Vec<u8> {
        s.chars().map(|c| self.of(c)).collect()
    }

    fn memory_usage(&self) -> usize {
        NARROW + self.wide.capacity() * std::mem::size_of::<(char, u8)>()
    }
}

/// What a DFA over a pattern set would cost, measured on the patterns' trie: its
/// states (one per distinct prefix), its alphabet, and the failure-link steps its
/// construction may walk (the sum over states of the length of their failure chains).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DfaCost {
    pub states: usize,
    pub classes: usize,
    /// Measured only when asked for and the table fits in [`DFA_MAX_BYTES`].
    pub fail_steps: Option<usize>,
}

impl DfaCost {
    /// Measures `patterns` (byte strings) in time linear in their total length (and
    /// a sort), failure chains included.
    pub(super) fn of(patterns: &[&[u8]]) -> DfaCost {
        DfaCost::measure(patterns, true)
    }

    /// [`of`](DfaCost::of) without the failure chains, which [`CodedDfa::build`]
    /// measures as it builds (they took a tenth of a one-line run here, in a trie of
    /// their own).
    pub(super) fn sized(patterns: &[&[u8]]) -> DfaCost {
        DfaCost::measure(patterns, false)
    }

    fn measure(patterns: &[&[u8]], failure_chains: bool) -> DfaCost {
        let mut used = [false; 256];
        for &b in patterns.iter().flat_map(|p| p.iter()) {
            used[usize::from(b)] = true;
        }
        // aho-corasick's byte classes: every byte a pattern uses is a class of its own,
        // and each run of unused bytes between them another.
        let mut ends = [false; 256];
        for b in (0..256).filter(|&b| used[b]) {
            if b > 0 {
                ends[b - 1] = true;
            }
            ends[b] = true;
        }
        ends[255] = true;
        let classes = ends.iter().filter(|&&e| e).count();
        // The trie's nodes, from the patterns in order: each adds what it does not
        // share with the one before.
        let mut sorted = patterns.to_vec();
        sorted.sort_unstable();
        let mut states = 1usize;
        let mut previous: &[u8] = &[];
        for p in &sorted {
            let shared = p.iter().zip(previous).take_while(|(a, b)| a == b).count();
            states = states.saturating_add(p.len() - shared);
            previous = p;
        }
        let mut cost = DfaCost {
            states,
            classes,
            fail_steps: None,
        };
        if failure_chains && cost.fits_in_bytes() {
            cost.fail_steps = Some(fail_steps(&sorted));
        }
        cost
    }

    /// Bytes of the DFA's transition table: a row of a power-of-two stride per state,
    /// four bytes a transition.
    pub(super) fn dfa_bytes(&self) -> usize {
        self.states
            .saturating_mul(self.classes.next_power_of_two())
            .saturating_mul(4)
    }

    /// Whether the DFA's table is within [`DFA_MAX_BYTES`].
    pub(super) fn fits_in_bytes(&self) -> bool {
        self.dfa_bytes() <= DFA_MAX_BYTES
    }

    /// The most failure-chain steps a DFA may have when its chains average at most
    /// `depth` states.
    pub(super) fn max_fail_steps(&self, depth: usize) -> usize {
        self.states.saturating_mul(depth)
    }

    /// Whether the measured failure chains average at most `depth` states (false when
    /// they were not measured).
    fn chains_within(&self, depth: usize) -> bool {
        self.fail_steps
            .is_some_and(|f| f <= self.max_fail_steps(depth))
    }

    /// Whether the DFA is small enough and cheap enough to build (the failure chains
    /// measured).
    #[cfg(test)]
    fn dfa_fits(&self) -> bool {
        self.fits_in_bytes() && self.chains_within(DFA_MAX_FAIL_DEPTH)
    }
}

/// The sum over the trie's nodes of the length of their failure chains, from the
/// failure links of the classic construction (linear in the patterns' length).
fn fail_steps(patterns: &[&[u8]]) -> usize {
    // Node 0 is the root; node i > 0 has a parent, a byte and a depth.
    let mut parent: Vec<u32> = vec![0];
    let mut byte: Vec<u8> = vec![0];
    let mut depth: Vec<u32> = vec![0];
    let mut child: FxHashMap<(u32, u8), u32> = FxHashMap::default();
    for p in patterns {
        let mut node = 0u32;
        for &b in *p {
            node = *child.entry((node, b)).or_insert_with(|| {
                parent.push(node);
                byte.push(b);
                depth.push(depth[node as usize] + 1);
                (parent.len() - 1) as u32
            });
        }
    }
    // In order of depth: a node's parent and its failure target are shallower.
    let mut order: Vec<u32> = (1..parent.len() as u32).collect();
    order.sort_unstable_by_key(|&n| depth[n as usize]);
    let mut fail = vec![0u32; parent.len()];
    let mut chain = vec![0usize; parent.len()];
    let mut steps = 0usize;
    for &n in &order {
        let (p, b) = (parent[n as usize], byte[n as usize]);
        let mut f = fail[p as usize];
        let target = loop {
            if p == 0 {
                break 0;
            }
            if let Some(&t) = child.get(&(f, b)) {
                break t;
            }
            if f == 0 {
                break 0;
            }
            f = fail[f as usize];
        };
        fail[n as usize] = target;
        chain[n as usize] = chain[target as usize] + 1;
        steps = steps.saturating_add(chain[n as usize]);
    }
    steps
}

/// The search automaton, reporting every pattern that ends at each position.
#[derive(Debug, Clone)]
pub(super) enum Search {
    /// The DFA over [`CharCode`], when its table fits and its failure chains are
    /// short.
    Dfa {
        dfa: Box<DfaTable>,
        code: CharCode,
        pattern_bytes: Vec<u32>,
    },
    /// DFA rows near the root and a sparse trie below, over [`CharCode`], for name
    /// sets whose DFA would be too large.
    Hybrid {
        dfa: Box<HybridDfa>,
        code: CharCode,
        pattern_bytes: Vec<u32>,
    },
    /// aho-corasick's contiguous NFA over [`CharCode`], for name sets whose DFA would
    /// be too costly to build.
    Nfa {
        nfa: Box<contiguous::NFA>,
        start: StateID,
        code: CharCode,
        pattern_bytes: Vec<u32>,
    },
    /// An automaton over UTF-8, for pattern sets with too many distinct characters
    /// to code.
    Utf8(AhoCorasick),
}

/// Which automaton to build over the character code, chosen from the measured
/// [`DfaCost`]; when its failure chains are too long, the contiguous NFA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// The DFA, if its failure chains average at most `depth` states.
    Dfa { depth: usize },
    /// The hybrid with `dense_bytes` of rows, if its failure chains average at most
    /// `depth` states.
    Hybrid { dense_bytes: usize, depth: usize },
}

impl Search {
    /// The search for `patterns`: over the character code when they allow it, a DFA
    /// when its table fits in [`DFA_MAX_BYTES`], else the hybrid with
    /// [`HYBRID_DENSE_BYTES`] of rows; either only when its failure chains average at
    /// most [`DFA_MAX_FAIL_DEPTH`], else the contiguous NFA.
    pub(super) fn build<'a>(
        patterns: impl Iterator<Item = &'a str> + Clone,
    ) -> Result<Search, Error> {
        Search::build_planned(patterns, |cost| {
            let depth = DFA_MAX_FAIL_DEPTH;
            if cost.fits_in_bytes() {
                Plan::Dfa { depth }
            } else {
                Plan::Hybrid {
                    dense_bytes: HYBRID_DENSE_BYTES,
                    depth,
                }
            }
        })
    }

    /// [`build`](Search::build) with the automaton chosen by `plan`.
    fn build_planned<'a>(
        patterns: impl Iterator<Item = &'a str> + Clone,
        plan: impl Fn(&DfaCost) -> Plan,
    ) -> Result<Search, Error> {
        let error = |e: String| Error::new("<matcher>", None, ErrorKind::Build(e));
        // Names are capped at load; a set built otherwise is checked here too, as
        // the cap is what bounds the matches a state inherits.
        let cap = crate::gazetteer::MAX_NAME_CHARS;
        if let Some(long) = patterns.clone().find(|p| p.chars().nth(cap).is_some()) {
            let chars = long.chars().count();
            return Err(error(format!(
                "a pattern of {chars} characters is longer than the {cap} allowed"
            )));
        }
        if let Some(code) = CharCode::build(patterns.clone()) {
            // A match is the pattern's characters exactly (no other character has a
            // pattern's code), so its length in the text is the pattern's in UTF-8.
            let pattern_bytes = patterns.clone().map(|p| p.len() as u32).collect();
            let coded: Vec<Vec<u8>> = patterns.map(|p| code.encode(p)).collect();
            let slices: Vec<&[u8]> = coded.iter().map(Vec::as_slice).collect();
            let cost = DfaCost::sized(&slices);
            let classes = code.classes();
            match plan(&cost) {
                Plan::Dfa { depth } => {
                    let max_fail_steps = cost.max_fail_steps(depth);
                    if let Some(dfa) =
                        DfaTable::build(&slices, classes, cost.states, max_fail_steps)
                    {
                        return Ok(Search::Dfa {
                            dfa: Box::new(dfa),
                            code,
                            pattern_bytes,
                        });
                    }
                }
                Plan::Hybrid { dense_bytes, depth } => {
                    let max_fail_steps = cost.max_fail_steps(depth);
                    if let Some(dfa) =
                        HybridDfa::build(&slices, classes, dense_bytes, max_fail_steps)
                    {
                        return Ok(Search::Hybrid {
                            dfa: Box::new(dfa),
                            code,
                            pattern_bytes,
                        });
                    }
                }
            }
            let nnfa = noncontiguous::Builder::new()
                .match_kind(MatchKind::Standard)
                // The search is walked by hand and never uses a prefilter.
                .prefilter(false)
                .build(&slices)
                .map_err(|e| error(e.to_string()))?;
            let nfa = contiguous::Builder::new()
                .build_from_noncontiguous(&nnfa)
                .map_err(|e| error(e.to_string()))?;
            let start = nfa
                .start_state(Anchored::No)
                .map_err(|e| error(e.to_string()))?;
            return Ok(Search::Nfa {
                nfa: Box::new(nfa),
                start,
                code,
                pattern_bytes,
            });
        }
        // Over UTF-8, aho-corasick's DFA when it fits (a hybrid is for the code).
        let bytes: Vec<&[u8]> = patterns.clone().map(str::as_bytes).collect();
        let cost = DfaCost::of(&bytes);
        let kind = match plan(&cost) {
            Plan::Dfa { depth } if cost.chains_within(depth) => AhoCorasickKind::DFA,
            _ => AhoCorasickKind::ContiguousNFA,
        };
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(patterns)
            .map_err(|e| error(e.to_string()))?;
        Ok(Search::Utf8(ac))
    }

    /// Which automaton the search runs.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Search::Dfa { .. } => "dfa",
            Search::Hybrid { .. } => "hybrid",
            Search::Nfa { .. } => "nfa",
            Search::Utf8(ac) if ac.kind() == AhoCorasickKind::DFA => "dfa",
            Search::Utf8(_) => "nfa",
        }
    }

    /// Calls `found(start, end, automaton pattern)` for every match in `text`, in the
    /// order of their ends, overlapping ones included.
    pub(super) fn for_each(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        match self {
            Search::Dfa {
                dfa,
                code,
                pattern_bytes,
            } => match &**dfa {
                DfaTable::Narrow(dfa) => walk(dfa, code, pattern_bytes, text, found),
                DfaTable::Wide(dfa) => walk(dfa, code, pattern_bytes, text, found),
            },
            Search::Hybrid {
                dfa,
                code,
                pattern_bytes,
            } => walk_two_lanes(&**dfa, code, pattern_bytes, text, found),
            Search::Nfa {
                nfa,
                start,
                code,
                pattern_bytes,
            } => {
                let nfa = &**nfa;
                let mut state = *start;
                for_each_code(code, text, |c, end| {
                    state = nfa.next_state(Anchored::No, state, c);
                    if nfa.is_special(state) && nfa.is_match(state) {
                        for k in 0..nfa.match_len(state) {
                            let pattern = nfa.match_pattern(state, k).as_usize();
                            found(start_of(pattern_bytes, end, pattern), end, pattern);
                        }
                    }
                });
            }
            Search::Utf8(ac) => {
                for m in ac.find_overlapping_iter(text) {
                    found(m.start(), m.end(), m.pattern().as_usize());
                }
            }
        }
    }

    pub(super) fn memory_usage(&self) -> usize {
        match self {
            Search::Dfa {
                dfa,
                code,
                pattern_bytes,
            } => dfa.memory_usage() + code.memory_usage() + pattern_bytes.capacity() * 4,
            Search::Hybrid {
                dfa,
                code,
                pattern_bytes,
            } => dfa.memory_usage() + code.memory_usage() + pattern_bytes.capacity() * 4,
            Search::Nfa {
                nfa,
                code,
                pattern_bytes,
                ..
            } => nfa.memory_usage() + code.memory_usage() + pattern_bytes.capacity() * 4,
            Search::Utf8(ac) => ac.memory_usage(),
        }
    }
}

/// Reports every match of `table` in `text` (see [`Search::for_each`]).
#[inline(always)]
fn walk<T: Table>(
    table: &T,
    code: &CharCode,
    pattern_bytes: &[u32],
    text: &str,
    mut found: impl FnMut(usize, usize, usize),
) {
    let mut state = table.start();
    for_each_code(code, text, |c, end| {
        state = table.next(state, c);
        if T::is_match(state) {
            report(table, pattern_bytes, state, end, &mut found);
        }
    });
}

/// Reports the patterns ending in `state` at byte `end`.
#[inline(always)]
fn report<T: Table>(
    table: &T,
    pattern_bytes: &[u32],
    state: u32,
    end: usize,
    found: &mut impl FnMut(usize, usize, usize),
) {
    for &pattern in table.matches(state) {
        found(
            start_of(pattern_bytes, end, pattern as usize),
            end,
            pattern as usize,
        );
    }
}

/// Texts shorter than this are walked in one lane by [`walk_two_lanes`]: an article's
/// paragraph or more.
const TWO_LANES_MIN_BYTES: usize = 1024;

/// [`walk`] with the two halves of the text walked in step, for an automaton whose
/// steps wait on memory (the hybrid's rows and records are larger than a core's
/// cache): the two walks do not depend on each other, so the processor waits for
/// both loads at once. Measured on B_news with 100,000 user names, the match stage
/// took 53 ms against 64 ms in one lane; over the built-in DFA, whose steps hit the
/// cache, the lanes cost a fifth more instructions for no gain, so it walks one.
///
/// The matches are reported in the order one lane reports them: the second lane's
/// are kept until the first lane ends.
// Out of line: inlined into `Search::for_each`, it cost the built-in DFA's walk 1 %
// more instructions (callgrind).
#[inline(never)]
fn walk_two_lanes<T: Table>(
    table: &T,
    code: &CharCode,
    pattern_bytes: &[u32],
    text: &str,
    found: impl FnMut(usize, usize, usize),
) {
    if text.len() < TWO_LANES_MIN_BYTES {
        walk(table, code, pattern_bytes, text, found);
    } else {
        walk_split(table, code, pattern_bytes, text, found);
    }
}

/// The two lanes of [`walk_two_lanes`], for a text of any length.
#[inline(always)]
fn walk_split<T: Table>(
    table: &T,
    code: &CharCode,
    pattern_bytes: &[u32],
    text: &str,
    mut found: impl FnMut(usize, usize, usize),
) {
    let mut split = text.len() / 2;
    while !text.is_char_boundary(split) {
        split += 1;
    }
    // The second lane starts as many characters before the split as the longest
    // pattern has. From there its state at the split is the first lane's: a state is
    // the longest suffix of the text read that begins a pattern, never longer than
    // one. It reports only the matches that end after the split.
    let warm_up = text[..split]
        .char_indices()
        .rev()
        .nth(crate::gazetteer::MAX_NAME_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let len = text.len();
    let (mut a, mut b) = (0, warm_up);
    let (mut state_a, mut state_b) = (table.start(), table.start());
    let mut later: Vec<(usize, u32)> = Vec::new();
    while a < split && b < len {
        let (code_a, len_a) = code_at(code, text, a);
        let (code_b, len_b) = code_at(code, text, b);
        a += len_a;
        b += len_b;
        state_a = table.next(state_a, code_a);
        state_b = table.next(state_b, code_b);
        if T::is_match(state_a) {
            report(table, pattern_bytes, state_a, a, &mut found);
        }
        if T::is_match(state_b) && b > split {
            later.push((b, state_b));
        }
    }
    while a < split {
        let (code_a, len_a) = code_at(code, text, a);
        a += len_a;
        state_a = table.next(state_a, code_a);
        if T::is_match(state_a) {
            report(table, pattern_bytes, state_a, a, &mut found);
        }
    }
    for (end, state) in later {
        report(table, pattern_bytes, state, end, &mut found);
    }
    while b < len {
        let (code_b, len_b) = code_at(code, text, b);
        b += len_b;
        state_b = table.next(state_b, code_b);
        if T::is_match(state_b) && b > split {
            report(table, pattern_bytes, state_b, b, &mut found);
        }
    }
}

/// The code of the character at byte `i` of `text` and its length in bytes (`i` at
/// the end: the code of a space, 1).
#[inline(always)]
fn code_at(code: &CharCode, text: &str, i: usize) -> (u8, usize) {
    let lead = text.as_bytes().get(i).copied().unwrap_or(b' ');
    code_with_lead(code, text, i, lead)
}

/// [`code_at`] with the character's first byte, `lead`, read.
#[inline(always)]
fn code_with_lead(code: &CharCode, text: &str, i: usize, lead: u8) -> (u8, usize) {
    if lead < 0x80 {
        (code.narrow[usize::from(lead)], 1)
    } else if lead < 0xE0 {
        // Two-byte UTF-8: the hot path for Arabic.
        let next = text.as_bytes().get(i + 1).copied().unwrap_or(0);
        let u = (usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F);
        (code.narrow[u], 2)
    } else {
        let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
        (code.of(c), c.len_utf8())
    }
}

/// Where a match of `pattern` ending at byte `end` starts.
#[inline]
fn start_of(pattern_bytes: &[u32], end: usize, pattern: usize) -> usize {
    let len = pattern_bytes.get(pattern).copied().unwrap_or(0) as usize;
    end.saturating_sub(len)
}

/// Calls `step(code, end)` for each character of `text`: its [`CharCode`] and the
/// byte offset where it ends.
#[inline(always)]
fn for_each_code(code: &CharCode, text: &str, mut step: impl FnMut(u8, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let (c, len) = code_with_lead(code, text, i, lead);
        i += len;
        step(c, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (start, end, automaton pattern) of each match.
    type Matches = Vec<(usize, usize, usize)>;

    /// Every match of `search` in `text`.
    fn all(search: &Search, text: &str) -> Matches {
        let mut found = Vec::new();
        search.for_each(text, |s, e, p| found.push((s, e, p)));
        found
    }

    /// Every match of a table search in `text`, walked in two lanes whatever its
    /// length (`None` for the NFA and the UTF-8 search).
    fn split(search: &Search, text: &str) -> Option<Matches> {
        let mut found = Vec::new();
        let push = |s, e, p| found.push((s, e, p));
        match search {
            Search::Dfa {
                dfa,
                code,
                pattern_bytes,
            } => match &**dfa {
                DfaTable::Narrow(dfa) => walk_split(dfa, code, pattern_bytes, text, push),
                DfaTable::Wide(dfa) => walk_split(dfa, code, pattern_bytes, text, push),
            },
            Search::Hybrid {
                dfa,
                code,
                pattern_bytes,
            } => walk_split(&**dfa, code, pattern_bytes, text, push),
            Search::Nfa { .. } | Search::Utf8(_) => return None,
        }
        Some(found)
    }

    /// The matches of the coded search and of the UTF-8 automaton over `patterns`
    /// in `text`. The coded search's DFA, hybrids (rows for the root alone, for some
    /// states, for all) and NFA must agree, in one lane and in two.
    fn both_searches(patterns: &[&str], text: &str) -> (Matches, Matches) {
        let build = |plan: Plan| Search::build_planned(patterns.iter().copied(), |_| plan).unwrap();
        let coded = build(Plan::Dfa { depth: usize::MAX });
        assert!(matches!(coded, Search::Dfa { .. }) && coded.kind() == "dfa");
        let a = all(&coded, text);
        assert_eq!(split(&coded, text).as_ref(), Some(&a), "DFA in two lanes");
        let wide = wide_dfa(patterns);
        assert_eq!(all(&wide, text), a, "DFA with its table in u32");
        assert_eq!(
            split(&wide, text).as_ref(),
            Some(&a),
            "u32 DFA in two lanes"
        );
        for dense_bytes in [0, 4096, 1 << 20, usize::MAX] {
            let hybrid = build(Plan::Hybrid {
                dense_bytes,
                depth: usize::MAX,
            });
            assert!(matches!(hybrid, Search::Hybrid { .. }) && hybrid.kind() == "hybrid");
            assert_eq!(all(&hybrid, text), a, "hybrid, {dense_bytes} bytes of rows");
            assert_eq!(
                split(&hybrid, text).as_ref(),
                Some(&a),
                "hybrid in two lanes"
            );
        }
        // No chain is short enough for a DFA of depth 0: the NFA.
        let nfa = build(Plan::Dfa { depth: 0 });
        assert!(matches!(nfa, Search::Nfa { .. }) && nfa.kind() == "nfa");
        assert_eq!(all(&nfa, text), a, "DFA and NFA over the code");
        let utf8 = Search::Utf8(
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .unwrap(),
        );
        (a, all(&utf8, text))
    }

    /// The DFA of `patterns` with its table in `u32` whatever its size, as sets of more
    /// than `u16`'s [`MAX_STATES`](super::super::dfa::Entry::MAX_STATES) states have it.
    fn wide_dfa(patterns: &[&str]) -> Search {
        let code = CharCode::build(patterns.iter().copied()).unwrap();
        let coded: Vec<Vec<u8>> = patterns.iter().map(|p| code.encode(p)).collect();
        let slices: Vec<&[u8]> = coded.iter().map(Vec::as_slice).collect();
        let states = DfaCost::sized(&slices).states;
        let dfa = CodedDfa::<u32>::build(&slices, code.classes(), states, usize::MAX).unwrap();
        Search::Dfa {
            dfa: Box::new(DfaTable::Wide(dfa)),
            pattern_bytes: patterns.iter().map(|p| p.len() as u32).collect(),
            code,
        }
    }

    /// Tables are narrow up to the states a `u16` numbers and wide past them, and
    /// either finds what the UTF-8 automaton finds, in a text of the names glued,
    /// cut and spaced.
    #[test]
    fn the_table_is_narrow_while_its_states_fit() {
        for (count, narrow) in [(10, true), (1_000, true), (8_000, false)] {
            let patterns = names(count, 7);
            let (bytes, classes) = coded_with_classes(&patterns);
            let slices: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
            let states = DfaCost::of(&slices).states;
            let table = DfaTable::build(&slices, classes, states, usize::MAX).unwrap();
            assert_eq!(
                matches!(table, DfaTable::Narrow(_)),
                narrow,
                "{count} names, {states} states"
            );
            assert_eq!(narrow, states <= <u16 as Entry>::MAX_STATES);
            let wide = CodedDfa::<u32>::build(&slices, classes, states, usize::MAX).unwrap();
            assert_eq!(narrow, table.memory_usage() < wide.memory_usage());
            let text: String = patterns
                .iter()
                .take(400)
                .enumerate()
                .map(|(i, p)| match i % 3 {
                    0 => format!("{p} "),
                    1 => p.chars().skip(1).collect(),
                    _ => format!("و{p}،"),
                })
                .collect();
            let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let (coded, utf8) = both_searches(&refs, &text);
            // Two names in three are in the text whole.
            let whole = count.min(400) * 2 / 3;
            assert!(
                coded.len() >= whole,
                "{count} names: {} matches",
                coded.len()
            );
            assert_eq!(coded, utf8, "{count} names");
        }
    }

    /// A deterministic stream of Arabic-letter names.
    fn names(count: usize, seed: u64) -> Vec<String> {
        names_over("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", count, seed)
    }

    fn names_over(letters: &str, count: usize, seed: u64) -> Vec<String> {
        let letters: Vec<char> = letters.chars().collect();
        let mut x = seed;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as usize
        };
        (0..count)
            .map(|_| {
                let len = 3 + next() % 8;
                (0..len).map(|_| letters[next() % letters.len()]).collect()
            })
            .collect()
    }

    fn coded(patterns: &[String]) -> Vec<Vec<u8>> {
        coded_with_classes(patterns).0
    }

    /// The coded patterns and the number of codes.
    fn coded_with_classes(patterns: &[String]) -> (Vec<Vec<u8>>, usize) {
        let code = CharCode::build(patterns.iter().map(String::as_str)).unwrap();
        let coded = patterns.iter().map(|p| code.encode(p)).collect();
        (coded, code.classes())
    }

    #[test]
    fn the_measured_cost_predicts_the_dfa() {
        for (count, seed) in [(10, 1), (500, 2), (5_000, 3)] {
            let patterns = names(count, seed);
            let (bytes, classes) = coded_with_classes(&patterns);
            let slices: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
            let cost = DfaCost::of(&slices);
            assert_eq!(cost.classes, classes);
            let dfa = CodedDfa::<u32>::build(&slices, classes, cost.states, usize::MAX).unwrap();
            // The table is the DFA's memory but for its match lists.
            let (predicted, real) = (cost.dfa_bytes(), dfa.memory_usage());
            assert!(
                predicted <= real && real < predicted + predicted / 4 + 4096,
                "{count} names: predicted {predicted}, built {real}"
            );
            assert!(cost.dfa_fits(), "{cost:?}");
        }
        // One name of a repeated letter: every node's failure chain is its depth.
        let cost = DfaCost::of(&[&[7u8; 60][..]]);
        assert_eq!((cost.states, cost.fail_steps), (61, Some(60 * 61 / 2)));
        // Unrelated names: every chain ends at the root.
        let cost = DfaCost::of(&[b"ab", b"cd"]);
        assert_eq!((cost.states, cost.fail_steps), (5, Some(4)));
    }

    /// The two ways a DFA explodes: self-overlapping names fall back to the NFA, and
    /// too many names to the hybrid, both in proportion to the names; ordinary names
    /// keep the DFA.
    #[test]
    fn oversized_or_self_overlapping_name_sets_leave_the_dfa() {
        let ordinary = names(2_000, 4);
        let search = Search::build(ordinary.iter().map(String::as_str)).unwrap();
        assert_eq!(search.kind(), "dfa");
        // Names that end in a run of one letter, which also begins a name: each
        // state's failure chain is as long as the run.
        let mut tails: Vec<String> = names(300, 5)
            .into_iter()
            .map(|n| format!("{n}{}", "ب".repeat(50)))
            .collect();
        tails.push("ب".repeat(60));
        let total: usize = tails.iter().map(String::len).sum();
        let search = Search::build(tails.iter().map(String::as_str)).unwrap();
        assert_eq!(search.kind(), "nfa");
        let dfa = Search::build_planned(tails.iter().map(String::as_str), |_| Plan::Dfa {
            depth: usize::MAX,
        })
        .unwrap();
        assert!(search.memory_usage() * 4 < dfa.memory_usage());
        assert!(
            search.memory_usage() < 40 * total,
            "{} for {total}",
            search.memory_usage()
        );
        // Too many names for the DFA's size bound (its table would pass 32 MB): Latin
        // letters and digits among the Arabic, 71 characters, widen each state's row
        // to 128.
        let many = names_over(
            "ابتثجحخدذرزسشصضطظعغفقكلمنهوي0123456789bdfhjlnprtvxzBDFHJLNPRTVXZacegikmo",
            40_000,
            6,
        );
        let bytes = coded(&many);
        let slices: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
        let cost = DfaCost::of(&slices);
        assert!(
            cost.dfa_bytes() > DFA_MAX_BYTES && !cost.dfa_fits(),
            "{cost:?}"
        );
        // They take the hybrid: its rows are capped, the rest is in proportion to
        // the names.
        let search = Search::build(many.iter().map(String::as_str)).unwrap();
        assert_eq!(search.kind(), "hybrid");
        let total: usize = many.iter().map(String::len).sum();
        assert!(
            search.memory_usage() < HYBRID_DENSE_BYTES + 16 * total
                && search.memory_usage() * 2 < cost.dfa_bytes(),
            "{} for {total}, the DFA {}",
            search.memory_usage(),
            cost.dfa_bytes()
        );
    }

    /// Each character the names use is one byte class, and the rest one more, however
    /// the characters lie in Unicode: ASCII among Arabic costs no extra classes.
    #[test]
    fn coded_names_make_one_class_per_character() {
        let mixed = names_over("ابتثجحخدذرزسشصضطظعغفقكلمنهوي 19adgkmstwy-", 3_000, 7);
        let distinct = mixed
            .iter()
            .flat_map(|n| n.chars())
            .collect::<std::collections::BTreeSet<char>>()
            .len();
        let bytes = coded(&mixed);
        let slices: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
        assert_eq!(DfaCost::of(&slices).classes, distinct + 1);
        assert!(distinct < 64, "{distinct}");
    }

    #[test]
    fn patterns_past_the_cap_are_refused() {
        let long = "ب".repeat(crate::gazetteer::MAX_NAME_CHARS + 1);
        let err = Search::build([long.as_str()].into_iter()).unwrap_err();
        assert!(err.to_string().contains("65 characters"), "{err}");
        let fits = "ب".repeat(crate::gazetteer::MAX_NAME_CHARS);
        assert!(Search::build([fits.as_str()].into_iter()).is_ok());
    }

    #[test]
    fn coded_search_reports_what_the_utf8_automaton_reports() {
        // Arabic, ASCII, Latin-1, three- and four-byte characters, in patterns and not.
        let patterns = ["حمص", "مص", "sy24", "café", "“داعش”", "中东", "🙂x", "ص"];
        let text = "في حمص وcafé و“داعش” sy24 中东 🙂x 🙃x ﻻ caf\u{e9}e حمصي";
        let (coded, utf8) = both_searches(&patterns, text);
        assert_eq!(coded, utf8);
        assert_eq!(coded.len(), 12, "{coded:?}");
    }

    /// The DFA's failure transitions and inherited match lists, on a set large enough
    /// to have deep chains: the same matches, in the same order, as aho-corasick's.
    #[test]
    fn dfa_agrees_with_aho_corasick_on_many_names() {
        let mut patterns = names_over("ابتحسلمنوي", 3_000, 8);
        patterns.extend(["ب", "بب", "ببب", "لا", "الا", "سلام"].map(String::from));
        let words = names_over("ابتحسلمنوي", 400, 9);
        let text = words.join(" ") + &words.concat();
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let (coded, utf8) = both_searches(&patterns, &text);
        assert!(coded.len() > 2_000, "{}", coded.len());
        assert_eq!(coded, utf8);
    }

    #[test]
    fn too_many_distinct_characters_fall_back_to_utf8() {
        let letters: Vec<String> = (0x4E00..0x4E00 + 300)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        let search = Search::build(letters.iter().map(String::as_str)).unwrap();
        assert!(matches!(search, Search::Utf8(_)));
        let mut found = Vec::new();
        search.for_each("x\u{4E01}y", |s, e, p| found.push((s, e, p)));
        assert_eq!(found, vec![(1, 4, 1)]);
    }

    /// The second lane starts a pattern's length before the split, so a match that
    /// spans the split, even of the longest pattern allowed, is found once, in order.
    #[test]
    fn two_lanes_find_a_match_across_the_split() {
        let long = "ب".repeat(30) + "ت" + &"ث".repeat(33);
        assert_eq!(long.chars().count(), crate::gazetteer::MAX_NAME_CHARS);
        let patterns = [long.as_str(), "ثث", "بت", "x"];
        let build = |plan: Plan| Search::build_planned(patterns.iter().copied(), |_| plan).unwrap();
        let searches = [
            build(Plan::Dfa { depth: usize::MAX }),
            build(Plan::Hybrid {
                dense_bytes: 0,
                depth: usize::MAX,
            }),
        ];
        // The long name at every offset around the middle of the text.
        for before in 0..300 {
            let text = format!("{}{long}{}", "x".repeat(before), "x".repeat(300 - before));
            let one = all(&searches[0], &text);
            assert_eq!(one.iter().filter(|m| m.2 == 0).count(), 1, "{before}");
            for search in &searches {
                assert_eq!(split(search, &text), Some(one.clone()), "{before}");
            }
        }
    }

    proptest::proptest! {
        /// Texts long enough for the second lane to start after the first.
        #[test]
        fn two_lanes_report_what_one_lane_reports(
            patterns in proptest::collection::vec("[حمصالب a]{1,8}", 1..20),
            text in "[حمصالب ax،]{0,400}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let (coded, utf8) = both_searches(&patterns, &text);
            proptest::prop_assert_eq!(coded, utf8);
        }


        #[test]
        fn coded_and_utf8_searches_agree(
            patterns in proptest::collection::vec("[حمصالب a中🙂]{1,4}", 1..12),
            text in "[حمصالب a中🙂x،]{0,40}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let (coded, utf8) = both_searches(&patterns, &text);
            proptest::prop_assert_eq!(coded, utf8);
        }
    }
}
