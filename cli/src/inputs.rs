//! The inputs named on the command line: files, directories (walked), standard input.
//!
//! Paths stay `PathBuf` (OS strings) from the command line to the file system, so a file
//! name that is not UTF-8 is read like any other; only its printed name is lossy.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named "-".
    Stdin,
    /// A file, named by its path as given (or as found under a directory given).
    File(PathBuf),
}

impl Input {
    /// The name printed for the input: "-", or the path (lossy where it is not UTF-8).
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// The inputs of the command line, directories replaced by the files under them.
///
/// A directory is walked depth-first with the entries of each directory in byte order
/// of their names; every regular file (or link to one) is taken, whatever its
/// extension, except names starting with '.' (editor and system files). Links to
/// directories are not followed, so a link cycle cannot loop. A directory that cannot be
/// listed is reported on stderr and counted in `failed`. No input at all means
/// standard input.
pub fn expand(args: &[PathBuf], failed: &mut usize) -> Vec<Input> {
    if args.is_empty() {
        return vec![Input::Stdin];
    }
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if arg.is_dir() {
            walk(arg, &mut out, failed);
        } else {
            // Missing and unreadable files are reported when they are read, in order.
            out.push(Input::File(arg.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>, failed: &mut usize) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!(
                "syria-extract: {}: cannot list directory: {e}",
                dir.to_string_lossy()
            );
            *failed += 1;
            return;
        }
    };
    let mut entries: Vec<fs::DirEntry> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out, failed);
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            out.push(Input::File(path));
        }
    }
}

/// Opens an input for reading.
pub fn open(input: &Input) -> io::Result<Box<dyn io::BufRead + Send>> {
    Ok(match input {
        Input::Stdin => Box::new(io::BufReader::new(io::stdin())),
        Input::File(p) => Box::new(io::BufReader::with_capacity(1 << 16, fs::File::open(p)?)),
    })
}

/// Reads an input as one text, or says why it cannot be used.
pub fn read_text(input: &Input) -> Result<String, String> {
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => io::stdin().read_to_end(&mut bytes),
        Input::File(p) => {
            // Checked first: reading a directory fails with an OS-specific message.
            if p.is_dir() {
                return Err("is a directory, not a file".to_string());
            }
            fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes))
        }
    }
    .map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        format!("not valid UTF-8 (first invalid byte at offset {offset}, line {line})")
    })
}
