//! Whether standard output was closed when the program started (`syria-extract
//! extract a.txt >&-`).
//!
//! The Rust runtime reopens a closed descriptor 0–2 on `/dev/null` before `main`, so
//! every line would be written into nothing and the run would end with status 0.
//! Looking at `/dev/null` from `main` cannot tell that apart from a wanted
//! `>/dev/null` (Python's `subprocess.DEVNULL` even opens it the same way), so the
//! descriptor is looked at earlier, from a constructor the loader runs before the
//! runtime's start-up code.

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether descriptor 1 was closed at start-up (always false off Linux, or where
/// `/proc` is not mounted).
pub fn was_closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}

#[cfg(target_os = "linux")]
extern "C" fn look() {
    use std::fs::symlink_metadata;
    // Without /proc nothing is known: assume open.
    if symlink_metadata("/proc/self/fd").is_ok() && symlink_metadata("/proc/self/fd/1").is_err() {
        CLOSED.store(true, Ordering::Relaxed);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static LOOK: extern "C" fn() = look;
