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
pub fn open(input: &Input) -> io::Result<io::BufReader<Box<dyn io::Read + Send>>> {
    Ok(match input {
        Input::Stdin => io::BufReader::new(Box::new(io::stdin())),
        Input::File(p) => io::BufReader::with_capacity(1 << 16, Box::new(fs::File::open(p)?)),
    })
}

/// A document's text: its bytes, known to be UTF-8.
///
/// A file's bytes are checked with simdutf8, which takes 32 bytes a step; std's check
/// (`String::from_utf8`) goes about a byte at a time on Arabic, 4 % of a whole run. The
/// bytes then stay a `Vec<u8>`, as making a `String` of them without checking again
/// needs `unsafe`, and [`as_str`](Text::as_str) checks them again at simdutf8's speed
/// (under a millisecond for 5 MB).
#[derive(Debug)]
pub struct Text {
    bytes: Vec<u8>,
}

impl Text {
    /// The bytes as a text, or where they first are not UTF-8: the byte offset and
    /// the line (from 1).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Text, (usize, usize)> {
        if simdutf8::basic::from_utf8(&bytes).is_ok() {
            return Ok(Text { bytes });
        }
        // The fast check says only that the bytes are not UTF-8; std's says where.
        let offset = std::str::from_utf8(&bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        Err((offset, line))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Checked when made, so never the empty default.
        simdutf8::basic::from_utf8(&self.bytes).unwrap_or_default()
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text {
            bytes: text.into_bytes(),
        }
    }
}

/// Reads an input as one text, or says why it cannot be used.
pub fn read_text(input: &Input) -> Result<Text, String> {
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
    Text::from_bytes(bytes).map_err(|(offset, line)| {
        format!("not valid UTF-8 (first invalid byte at offset {offset}, line {line})")
    })
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn text_is_checked_once_and_says_where_it_breaks() {
        let arabic = "قصفت قوات النظام بلدة كفرنبل\nوقتل ثلاثة مدنيين 🙂\n";
        let text = Text::from_bytes(arabic.as_bytes().to_vec()).unwrap();
        assert_eq!((text.as_str(), text.len()), (arabic, arabic.len()));
        // A stray byte on the second line, at the byte after "وقتل ".
        let mut bytes = arabic.as_bytes().to_vec();
        let at = arabic.find("ثلاثة").unwrap();
        bytes.insert(at, 0xFF);
        assert_eq!(Text::from_bytes(bytes).unwrap_err(), (at, 2));
        // A character cut short at the end, and a lone continuation byte first.
        let cut = &arabic.as_bytes()[..arabic.len() - 2];
        assert_eq!(
            Text::from_bytes(cut.to_vec()).unwrap_err(),
            (arabic.len() - 5, 2)
        );
        assert_eq!(Text::from_bytes(vec![0x80, b'a']).unwrap_err(), (0, 1));
        assert!(Text::from_bytes(Vec::new()).unwrap().is_empty());
        assert_eq!(Text::from(arabic.to_string()).as_str(), arabic);
    }
}
