//! The `syria-extract` command as a user runs it: every flag and every failure.
//!
//! The binary is the one cargo builds for these tests (`CARGO_BIN_EXE_syria-extract`),
//! run with `std::process::Command`: no test crate is needed for that. The texts are
//! sentences written for these tests in the style of Syrian outlets.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use syria_extract::time::Date;
use syria_extract::{Article, Extractor};

const SHELLING: &str =
    "قصفت قوات النظام أمس بلدة السخنة بريف حمص الشرقي ما أدى إلى مقتل 4 مدنيين، وفق المرصد السوري.";
const CLASH: &str = "اندلعت اشتباكات عنيفة بين قوات النظام وتنظيم داعش في بادية السخنة.";
const PROTEST: &str = "خرج العشرات في مظاهرة وسط مدينة إدلب للمطالبة بالإفراج عن المعتقلين.";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_syria-extract"))
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run syria-extract")
}

fn run_paths(args: &[&str], paths: &[&Path]) -> Output {
    bin()
        .args(args)
        .args(paths)
        .stdin(Stdio::null())
        .output()
        .expect("run syria-extract")
}

fn run_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run syria-extract");
    // The tool may exit before reading (a bad option): a broken pipe here is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// A fresh directory for one test.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syria-extract-cli-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

// ---------------------------------------------------------------- extract: files

#[test]
fn extract_prints_the_library_document_for_each_file() {
    let dir = scratch("contract");
    let a = write(&dir, "a.txt", SHELLING);
    let b = write(&dir, "b.txt", CLASH);
    let out = run_paths(&["extract", "--date", "2019-05-20"], &[&a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let extractor = Extractor::default();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, (path, text)) in lines.iter().zip([(&a, SHELLING), (&b, CLASH)]) {
        let doc = extractor.extract(Article::new(text).published(Date::parse("2019-05-20").ok()));
        let body = serde_json::to_string(&doc).unwrap();
        let want = format!(
            "{{\"file\":{},{}",
            serde_json::to_string(&path.to_string_lossy()).unwrap(),
            &body[1..]
        );
        assert_eq!(*line, want);
    }
    // Offsets are byte offsets into the file.
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    for e in first["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&SHELLING[s..t], e["text"].as_str().unwrap());
    }
}

/// What the CLI extracts block by block: documents longer than this (its
/// `BLOCK_BYTES`, in cli/src/pipeline.rs).
const BLOCK_BYTES: usize = 1 << 20;

/// The library's blocks of a text put together as one document, which is what the CLI
/// prints for a long document.
fn blocks_as_one(extractor: &Extractor, article: Article<'_>) -> syria_extract::Document {
    let mut whole = syria_extract::Document::default();
    let mut blocks = 0;
    for block in extractor.extract_blocks(article, BLOCK_BYTES) {
        whole.entities.extend(block.document.entities);
        whole.events.extend(block.document.events);
        whole.times.extend(block.document.times);
        blocks += 1;
    }
    assert!(blocks >= 2, "a long text is more than one block");
    whole
}

/// A text of more than one block, mostly a sentence that names nothing, so that the
/// debug build is quick.
fn long_text() -> String {
    let quiet = "وكان الجو معتدلا طوال النهار والناس في الأسواق كعادتهم. ";
    let mut long = String::new();
    for i in 0.. {
        if long.len() > BLOCK_BYTES + (1 << 18) {
            break;
        }
        long.push_str([SHELLING, CLASH, PROTEST][i % 3]);
        long.push_str("\n\n");
        long.push_str(&quiet.repeat(30));
        long.push_str("\n\n");
    }
    long
}

/// A document longer than a block is extracted block by block and its answer kept in
/// a temporary file: its line is the library's blocks as one document, byte for byte
/// what serializing that document gives, and in its place.
#[test]
fn a_long_document_is_extracted_by_blocks_and_printed_in_order() {
    let dir = scratch("long");
    let long = long_text();
    let big = write(&dir, "a_long.txt", &long);
    let small = write(&dir, "b_short.txt", CLASH);
    let out = run_paths(&["extract"], &[&big, &small]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let extractor = Extractor::default();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    let long_doc = blocks_as_one(&extractor, Article::new(&long));
    assert!(
        long_doc.events.iter().any(|e| e.part_of.is_some()),
        "outcome events"
    );
    let long_body = serde_json::to_string(&long_doc).unwrap();
    let short_body = serde_json::to_string(&extractor.extract(CLASH)).unwrap();
    for (line, (path, body)) in lines
        .iter()
        .zip([(&big, &long_body), (&small, &short_body)])
    {
        let name = serde_json::to_string(&path.to_string_lossy()).unwrap();
        assert_eq!(*line, format!("{{\"file\":{name},{}", &body[1..]));
    }
    // Where no temporary file can be made, the answer is kept in memory instead.
    let nowhere = bin()
        .args(["extract"])
        .arg(&big)
        .env("TMPDIR", dir.join("no-such-directory"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(nowhere.status.code(), Some(0), "{}", stderr(&nowhere));
    assert_eq!(stdout(&nowhere).lines().next(), lines.first().copied());
    // The same text as an archive line between two short ones.
    let record = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let archive = [
        record("x", CLASH),
        record("long", &long),
        record("y", PROTEST),
    ]
    .join("\n");
    let jsonl = write(&dir, "docs.jsonl", &archive);
    let out = run_paths(&["extract", "--jsonl"], &[&jsonl]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "long", "y"]);
    let want: serde_json::Value = serde_json::from_str(&long_body).unwrap();
    assert_eq!(docs[1]["entities"], want["entities"]);
    assert_eq!(docs[1]["events"], want["events"]);
    assert_eq!(docs[1]["times"], want["times"]);
    assert!(!want["events"].as_array().unwrap().is_empty());
}

/// The ACLED rows of a long document are those of its blocks' events as one document:
/// the same event told in two blocks is one row.
#[test]
fn acled_rows_of_a_long_document_merge_across_blocks() {
    let dir = scratch("long-acled");
    let long = long_text();
    let big = write(&dir, "long.txt", &long);
    let out = run_paths(
        &["acled", "--date", "2019-05-20", "--timestamp", "0"],
        &[&big],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = csv_records(&stdout(&out));
    let extractor = Extractor::default();
    let date = Date::parse("2019-05-20").unwrap();
    let doc = blocks_as_one(&extractor, Article::new(&long).published(date));
    let name = big.to_string_lossy();
    let info = syria_extract::acled::DocumentInfo {
        id: &name,
        date: Some(date),
        source: None,
        timestamp: Some(0),
    };
    let want = syria_extract::acled::rows(extractor.gazetteer(), &long, &doc, &info);
    // The text repeats three reports: each is one row, though told in every block.
    assert_eq!(rows.len(), 3, "{rows:?}");
    let mut csv = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    csv.write_record(syria_extract::acled::COLUMNS).unwrap();
    for row in &want {
        csv.serialize(row).unwrap();
    }
    let want = csv_records(&String::from_utf8(csv.into_inner().unwrap()).unwrap());
    assert_eq!(rows, want);
    // The clash and the protest name no source: the document's (the shelling's) is
    // theirs, as it is for a short document.
    assert!(rows
        .iter()
        .all(|r| r[column("source")] == "Syrian Observatory for Human Rights"));
}

#[test]
fn standard_input_with_no_file_or_dash() {
    for args in [&["extract"][..], &["extract", "-"][..]] {
        let out = run_stdin(args, CLASH.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["file"], "-");
        assert_eq!(lines[0]["events"][0]["kind"], "armed_clash");
    }
}

#[test]
fn directories_are_walked_in_name_order() {
    let dir = scratch("walk");
    write(&dir, "b.txt", CLASH);
    write(&dir, "a/2.txt", PROTEST);
    write(&dir, "a/1.article", SHELLING);
    write(&dir, ".hidden.txt", SHELLING);
    write(&dir, "a/.swp", "x");
    std::fs::create_dir_all(dir.join("empty-subdir")).unwrap();
    let out = run_paths(&["extract"], &[&dir]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| l["file"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = ["a/1.article", "a/2.txt", "b.txt"]
        .iter()
        .map(|n| dir.join(n).to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, want);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_printed_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("non-utf8");
    // "حمص" in Windows-1256, as old Arabic archives name their files.
    let name = OsStr::from_bytes(b"\xcd\xe3\xd5.txt");
    let path = dir.join(name);
    std::fs::write(&path, SHELLING).unwrap();
    let good = write(&dir, "good.txt", CLASH);
    for args in [vec![path.as_path(), good.as_path()], vec![dir.as_path()]] {
        let out = run_paths(&["extract"], &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 2, "both files answered");
        let printed = lines
            .iter()
            .map(|l| l["file"].as_str().unwrap())
            .find(|f| f.contains('\u{FFFD}'))
            .expect("the non-UTF-8 name, lossily");
        assert_eq!(printed, path.to_string_lossy());
        let doc = lines.iter().find(|l| l["file"] == printed).unwrap();
        assert_eq!(doc["events"][0]["kind"], "shelling");
    }
}

#[test]
fn a_bad_file_is_named_and_the_others_still_printed() {
    let dir = scratch("bad-files");
    let good = write(&dir, "good.txt", SHELLING);
    let missing = dir.join("missing.txt");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Deir ez-Zor \xE9t\xE9\n").unwrap();
    let out = run_paths(&["extract"], &[&missing, &good, &latin1, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 2, "the good file, twice");
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}: cannot read: ", missing.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: not valid UTF-8 (first invalid byte at offset 12, line 1)",
            latin1.display()
        )),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let good = write(&dir, "good.txt", CLASH);
    // A link to itself cannot be opened, whoever runs the test (root included).
    let looped = dir.join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let mut bad = vec![looped];
    let locked = write(&dir, "locked.txt", SHELLING);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        bad.push(locked); // permissions apply to this user
    }
    for path in &bad {
        let out = run_paths(&["extract"], &[path, &good]);
        assert_eq!(out.status.code(), Some(1), "{path:?}");
        assert_eq!(json_lines(&out).len(), 1);
        assert!(
            stderr(&out).starts_with(&format!("syria-extract: {}: cannot read: ", path.display())),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn an_empty_file_is_an_empty_document_with_a_warning() {
    let dir = scratch("empty");
    let empty = write(&dir, "empty.txt", "");
    let out = run_paths(&["extract"], &[&empty]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], empty.to_string_lossy().as_ref());
    assert_eq!(lines[0]["entities"], serde_json::json!([]));
    assert_eq!(lines[0]["events"], serde_json::json!([]));
    assert!(stderr(&out).contains("empty file"), "{}", stderr(&out));
}

// ---------------------------------------------------------------- dates

#[test]
fn date_in_both_forms() {
    for args in [
        &["extract", "--date", "2019-05-20"][..],
        &["extract", "--date=2019-05-20"][..],
    ] {
        let out = run_stdin(args, SHELLING.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let doc = &json_lines(&out)[0];
        assert_eq!(doc["events"][0]["time"]["text"], "أمس");
        assert_eq!(doc["events"][0]["time"]["date"], "2019-05-19", "{args:?}");
    }
    let out = run_stdin(&["extract"], SHELLING.as_bytes());
    assert_eq!(
        json_lines(&out)[0]["events"][0]["time"]["date"],
        serde_json::Value::Null
    );
}

#[test]
fn bad_dates_are_usage_errors() {
    for bad in [
        "+201-05-20",
        "2019-5-20",
        "2019-02-30",
        "20-05-2019",
        "2019-05-20T10:00",
        "",
    ] {
        let arg = format!("--date={bad}");
        let out = run_stdin(&["extract", &arg], SHELLING.as_bytes());
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
        assert!(
            stderr(&out).contains("YYYY-MM-DD"),
            "{bad:?}: {}",
            stderr(&out)
        );
    }
    let out = run_stdin(&["acled", "--date"], b"");
    assert_eq!(out.status.code(), Some(2), "--date needs a value");
}

// ---------------------------------------------------------------- flags

#[test]
fn help_on_each_subcommand_and_unknown_flags_exit_2() {
    for sub in ["extract", "acled", "coverage"] {
        let out = run(&[sub, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{sub} --help");
        assert!(stdout(&out).contains("Usage: syria-extract"), "{sub}");
        assert!(stdout(&out).contains("--gazetteer"), "{sub}");
        let out = run(&[sub, "--no-such-flag"]);
        assert_eq!(out.status.code(), Some(2), "{sub} unknown flag");
        assert!(stderr(&out).contains("--no-such-flag"));
        assert!(out.stdout.is_empty());
    }
    for args in [&["--help"][..], &["--version"][..]] {
        assert_eq!(run(args).status.code(), Some(0), "{args:?}");
    }
    assert_eq!(run(&[]).status.code(), Some(2), "no subcommand");
    assert_eq!(
        run(&["explode"]).status.code(),
        Some(2),
        "unknown subcommand"
    );
    // Archive options need --jsonl.
    let out = run_stdin(&["extract", "--text-field", "body"], b"x");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn gazetteer_files_add_to_the_built_in_ones() {
    let dir = scratch("gazetteer");
    let actors = write(
        &dir,
        "my_actors.tsv",
        "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n\
         liwa-test\tmilitia\tLiwa al-Tajriba\tلواء التجربة\t\t\tSY\tLiwa al-Tajriba\t\ttest\n",
    );
    let places = write(
        &dir,
        "my_places.tsv",
        "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n\
         tal-tajriba\tvillage\tTal al-Tajriba\tتل التجربة\t\tsy040501\t34.9\t38.8\t\t\t\t\ttest\n",
    );
    let text = "هاجم لواء التجربة قرية تل التجربة بريف حمص.";
    let args = [
        "extract",
        "--gazetteer",
        actors.to_str().unwrap(),
        &format!("--gazetteer={}", places.display()),
    ];
    let out = run_stdin(&args, text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out)[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"liwa-test".to_string()), "{ids:?}");
    assert!(ids.contains(&"tal-tajriba".to_string()), "{ids:?}");
    assert!(
        ids.contains(&"sy04".to_string()),
        "built-in data still there: {ids:?}"
    );

    // And in the ACLED export: the user's place with its built-in admin names.
    let out = run_stdin(
        &[
            "acled",
            "--gazetteer",
            actors.to_str().unwrap(),
            "--gazetteer",
            places.to_str().unwrap(),
        ],
        text.as_bytes(),
    );
    let csv = stdout(&out);
    assert!(
        csv.contains("Liwa al-Tajriba") && csv.contains("Tal al-Tajriba,34.9,38.8"),
        "{csv}"
    );
}

#[test]
fn a_bad_gazetteer_file_names_file_and_line_and_exits_2() {
    let dir = scratch("bad-gazetteer");
    let bad = write(
        &dir,
        "bad.tsv",
        "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n\
         ok-one\tmilitia\tOk\tفصيل الاختبار\t\t\tSY\tOk\t\ttest\n\
         broken\tnot_a_kind\tBroken\tفصيل معطوب\t\t\tSY\tBroken\t\ttest\n",
    );
    for sub in ["extract", "acled", "coverage"] {
        let out = run_stdin(
            &[sub, "--gazetteer", bad.to_str().unwrap()],
            SHELLING.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(2), "{sub}");
        assert!(out.stdout.is_empty(), "{sub}: nothing printed");
        let want = format!("syria-extract: {}:3: ", bad.display());
        assert!(stderr(&out).starts_with(&want), "{sub}: {}", stderr(&out));
        assert!(stderr(&out).contains("not_a_kind"), "{}", stderr(&out));
    }
    let missing = dir.join("missing.tsv");
    let out = run_stdin(&["extract", "--gazetteer", missing.to_str().unwrap()], b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.tsv"), "{}", stderr(&out));
}

// ---------------------------------------------------------------- output errors

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_ends_the_run_with_a_message() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    for args in [
        &["extract"][..],
        &["acled"][..],
        &["coverage"][..],
        &["extract", "--jsonl"][..],
    ] {
        let input = if args.contains(&"--jsonl") {
            format!("{{\"id\": 1, \"text\": \"{SHELLING}\"}}\n")
        } else {
            SHELLING.to_string()
        };
        let mut child = bin()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("cannot write output"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_a_success() {
    let dir = scratch("pipe");
    let file = write(&dir, "a.txt", SHELLING);
    let mut child = bin()
        .arg("extract")
        .args(std::iter::repeat_n(&file, 50))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before anything is read
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot write output"),
        "{}",
        stderr(&out)
    );
}

/// A closed standard output (`>&-`) is an error, not a run into nothing; /dev/null
/// opened for writing, or for reading and writing as Python's `subprocess.DEVNULL`
/// opens it, is a wanted discard and succeeds.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_not_a_success() {
    let dir = scratch("closed-stdout");
    let file = write(&dir, "a.txt", SHELLING);
    let shell = |redirect: &str, sub: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {sub} \"$1\" {redirect}"))
            .arg(env!("CARGO_BIN_EXE_syria-extract"))
            .arg(&file)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    for sub in ["extract", "acled", "extract --jsonl"] {
        let out = shell(">&-", sub);
        assert_eq!(out.status.code(), Some(1), "{sub}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write output: standard output is closed"),
            "{sub}: {}",
            stderr(&out)
        );
    }
    for redirect in [">/dev/null", "1<>/dev/null"] {
        let out = shell(redirect, "extract");
        assert_eq!(out.status.code(), Some(0), "{redirect}: {}", stderr(&out));
    }
}

// ---------------------------------------------------------------- --jsonl

#[test]
fn jsonl_keeps_ids_and_fields_exactly() {
    let line = format!(
        "{{\"id\": 123456789012345678901234567890, \"url\": \"https://example.org/a?b=1\", \
         \"title\": \"\\u0642\\u0635\\u0641\", \"score\": 1.50e3, \"tags\": [\"a\", {{\"b\": null}}], \
         \"text\": \"{SHELLING}\"}}\n{{\"id\": \"\\u0627-7\", \"text\": \"{CLASH}\"}}\n"
    );
    let out = run_stdin(&["extract", "--jsonl"], line.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(
            r#"{"id":123456789012345678901234567890,"url":"https://example.org/a?b=1","title":"\u0642\u0635\u0641","score":1.50e3,"tags":["a", {"b": null}],"entities":["#
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(r#"{"id":"\u0627-7","entities":"#),
        "{}",
        lines[1]
    );
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert!(
        first.get("text").is_none(),
        "the text itself is not passed through"
    );
    assert_eq!(first["events"][0]["kind"], "shelling");
}

#[test]
fn jsonl_with_a_bom_and_crlf_answers_the_first_line() {
    let input = format!(
        "\u{FEFF}{{\"id\": \"first\", \"text\": \"{CLASH}\"}}\r\n{{\"id\": \"second\", \"text\": \"{PROTEST}\"}}\r\n"
    );
    let out = run_stdin(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<serde_json::Value> = json_lines(&out).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, ["first", "second"]);
}

#[test]
fn jsonl_reports_each_bad_line_by_number_and_answers_the_rest_in_order() {
    let mut input = String::new();
    let mut numbers = Vec::new();
    for i in 0..600 {
        input.push_str(&format!("{{\"id\": {i}, \"text\": \"{CLASH}\"}}\n"));
        numbers.push(i);
        if i == 299 {
            input.push_str("{\"id\": \"broken\", \"text\": \n"); // line 301
            input.push_str("{\"id\": \"no-text\"}\n"); // line 302
            input.push('\n'); // 303: blank, no document
            input.push_str("[\"not\", \"an object\"]\n"); // 304
        }
    }
    let out = run_stdin(
        &["extract", "--jsonl", "--date", "2019-05-20"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("-:301: EOF while parsing"), "{err}");
    assert!(err.contains("-:302: no text field"), "{err}");
    assert!(err.contains("-:304: invalid type"), "{err}");
    assert!(!err.contains("-:303:"), "{err}");
    assert!(err.contains("3 input(s) or line(s) failed"), "{err}");
    let ids: Vec<u64> = json_lines(&out)
        .iter()
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(
        ids,
        (0..600).collect::<Vec<u64>>(),
        "every good line, in order, across chunks"
    );
}

/// Lines go to the workers in batches (up to 32, while the next line is already
/// read): a bad line at either edge of a batch is named with its number, and the
/// answers of the rest come in order, from a file as from a pipe.
#[test]
fn jsonl_lines_in_batches_keep_their_numbers_and_order() {
    let dir = scratch("jsonl-batches");
    let bad = [32, 33, 64, 65, 97, 200];
    let mut input = String::new();
    let mut good = Vec::new();
    for number in 1..=200 {
        if bad.contains(&number) {
            input.push_str("{\"id\": \"broken\", \"text\": \n");
        } else {
            input.push_str(&format!("{{\"id\": {number}, \"text\": \"{CLASH}\"}}\n"));
            good.push(number as u64);
        }
    }
    let path = write(&dir, "batches.jsonl", &input);
    for out in [
        run_paths(&["extract", "--jsonl"], &[&path]),
        run_stdin(&["extract", "--jsonl"], input.as_bytes()),
    ] {
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        let named: Vec<usize> = err
            .lines()
            .filter(|l| l.contains(": EOF while parsing"))
            .map(|l| {
                let number = l.split(':').nth(2).unwrap_or_default();
                number.trim().parse().unwrap_or_else(|_| panic!("{l}"))
            })
            .collect();
        assert_eq!(named, bad, "{err}");
        let ids: Vec<u64> = json_lines(&out)
            .iter()
            .map(|l| l["id"].as_u64().unwrap())
            .collect();
        assert_eq!(ids, good);
    }
}

#[test]
fn jsonl_a_line_that_is_not_utf8_is_named_with_its_place() {
    let mut input = Vec::new();
    input.extend_from_slice(format!("{{\"id\": 1, \"text\": \"{CLASH}\"}}\n").as_bytes());
    // Line 2: a stray byte after two Arabic words of its text.
    input.extend_from_slice("{\"id\": 2, \"text\": \"قصفت الطائرات ".as_bytes());
    input.push(0xFF);
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(format!("{{\"id\": 3, \"text\": \"{CLASH}\"}}\n").as_bytes());
    let out = run_stdin(&["extract", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("-:2: invalid unicode code point at line 1 column"),
        "{err}"
    );
    assert!(err.contains("1 input(s) or line(s) failed"), "{err}");
    let ids: Vec<u64> = json_lines(&out)
        .iter()
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 3]);
}

#[test]
fn jsonl_field_options_and_usual_names() {
    // The project's own archive format: content and date_extracted.
    let input = format!(
        "{{\"source\": \"SY24\", \"url\": \"u1\", \"date_extracted\": \"2019-05-20 09:15:00\", \"content\": \"{SHELLING}\"}}\n"
    );
    let out = run_stdin(
        &["extract", "--jsonl", "--date", "2001-01-01"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["id"], serde_json::Value::Null);
    assert_eq!(doc["url"], "u1");
    assert_eq!(doc["date_extracted"], "2019-05-20 09:15:00");
    assert!(doc.get("content").is_none());
    // The document's own date wins over --date.
    assert_eq!(doc["events"][0]["time"]["date"], "2019-05-19");

    let input = format!(
        "{{\"doc\": 77, \"body\": \"{SHELLING}\", \"when\": \"2019-05-20T23:59:59+03:00\", \"id\": \"other\"}}\n"
    );
    let args = [
        "extract",
        "--jsonl",
        "--text-field=body",
        "--id-field",
        "doc",
        "--date-field",
        "when",
    ];
    let out = run_stdin(&args, input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["id"], 77);
    assert_eq!(
        doc["input_id"], "other",
        "a field named like an output key is renamed"
    );
    assert!(stderr(&out).contains("input_<name>"), "{}", stderr(&out));
    assert_eq!(doc["events"][0]["time"]["date"], "2019-05-19");

    // A date field that is not a date: the line is answered with --date, and said.
    let input = format!("{{\"id\": 1, \"date\": \"last Tuesday\", \"text\": \"{SHELLING}\"}}\n");
    let out = run_stdin(
        &["extract", "--jsonl", "--date=2019-05-20"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("-:1: field \"date\" is not a date"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json_lines(&out)[0]["events"][0]["time"]["date"],
        "2019-05-19"
    );

    // A chosen text field that a line lacks is that line's error.
    let out = run_stdin(
        &["extract", "--jsonl", "--text-field", "body"],
        b"{\"text\": \"x\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("-:1: no field \"body\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn jsonl_files_and_directories() {
    let dir = scratch("jsonl-dir");
    write(
        &dir,
        "b.jsonl",
        &format!("{{\"id\": \"b1\", \"text\": \"{CLASH}\"}}\n"),
    );
    write(
        &dir,
        "a.jsonl",
        &format!(
            "{{\"id\": \"a1\", \"text\": \"{PROTEST}\"}}\n{{\"id\": \"a2\", \"text\": \"\"}}\n"
        ),
    );
    let out = run_paths(&["extract", "--jsonl"], &[&dir, &dir.join("missing.jsonl")]);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<serde_json::Value> = json_lines(&out).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, ["a1", "a2", "b1"]);
    assert!(stderr(&out).contains(":2: empty text"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing.jsonl: cannot read"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------- acled

fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        syria_extract::acled::COLUMNS,
        "ACLED's columns, in order"
    );
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn column(name: &str) -> usize {
    syria_extract::acled::COLUMNS
        .iter()
        .position(|c| *c == name)
        .unwrap()
}

#[test]
fn acled_header_always() {
    let dir = scratch("acled-empty");
    let empty_dir = dir.join("nothing");
    std::fs::create_dir_all(&empty_dir).unwrap();
    let empty_file = write(&dir, "empty.txt", "");
    let eventless = write(&dir, "eventless.txt", "زار وفد أممي مدينة دمشق.");
    for (what, out) in [
        ("empty dir", run_paths(&["acled"], &[&empty_dir])),
        ("empty file", run_paths(&["acled"], &[&empty_file])),
        ("no events", run_paths(&["acled"], &[&eventless])),
        ("empty stdin", run_stdin(&["acled"], b"")),
        ("empty archive", run_stdin(&["acled", "--jsonl"], b"")),
    ] {
        assert_eq!(out.status.code(), Some(0), "{what}");
        let text = stdout(&out);
        assert_eq!(
            text,
            format!("{}\n", syria_extract::acled::COLUMNS.join(",")),
            "{what}"
        );
    }
}

#[test]
fn acled_rows_from_files_and_archives() {
    let dir = scratch("acled-rows");
    let article = write(
        &dir,
        "article.txt",
        &format!("{SHELLING}\n{CLASH}\n{PROTEST}"),
    );
    let out = run_paths(
        &["acled", "--date", "2019-05-20", "--timestamp", "1700000000"],
        &[&article],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = csv_records(&stdout(&out));
    let subs: Vec<&str> = rows
        .iter()
        .map(|r| r[column("sub_event_type")].as_str())
        .collect();
    assert_eq!(
        subs,
        [
            "Shelling/artillery/missile attack",
            "Armed clash",
            "Peaceful protest"
        ]
    );
    let shelling = &rows[0];
    assert_eq!(shelling[column("event_date")], "2019-05-19");
    assert_eq!(shelling[column("interaction")], "17");
    assert_eq!(shelling[column("fatalities")], "4");
    assert_eq!(shelling[column("timestamp")], "1700000000");
    assert_eq!(
        shelling[column("source")],
        "Syrian Observatory for Human Rights"
    );
    let ids: std::collections::HashSet<&str> = rows
        .iter()
        .map(|r| r[column("event_id_cnty")].as_str())
        .collect();
    assert_eq!(ids.len(), rows.len(), "distinct event ids");

    // The same documents as an archive, with the outlet named per document.
    let archive = format!(
        "{{\"id\": 5, \"source\": \"src-sy24\", \"date\": \"2019-05-20\", \"text\": \"{SHELLING}\"}}\n"
    );
    let out = run_stdin(&["acled", "--jsonl", "--timestamp=0"], archive.as_bytes());
    let rows = csv_records(&stdout(&out));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0][column("source")],
        "SY24; Syrian Observatory for Human Rights"
    );
    assert_eq!(rows[0][column("source_scale")], "National-Other");
    assert_eq!(rows[0][column("event_date")], "2019-05-19");
    // The timestamp defaults to now.
    let out = run_stdin(&["acled", "--jsonl"], archive.as_bytes());
    let rows = csv_records(&stdout(&out));
    assert!(rows[0][column("timestamp")].parse::<i64>().unwrap() > 1_700_000_000);
}

/// The CSV as pandas reads it. pandas is installed by .ci/run in a virtual environment
/// (SYRIA_EXTRACT_PYTHON names its interpreter, SYRIA_EXTRACT_REQUIRE_PANDAS=1 makes a
/// missing pandas a failure there); on a machine without it the test says so and stops.
#[test]
fn acled_csv_reads_in_pandas_without_warnings() {
    let python = std::env::var("SYRIA_EXTRACT_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let required = std::env::var("SYRIA_EXTRACT_REQUIRE_PANDAS").is_ok_and(|v| v == "1");
    let probe = Command::new(&python).args(["-c", "import pandas"]).output();
    if !probe.as_ref().is_ok_and(|o| o.status.success()) {
        assert!(
            !required,
            "pandas is required here but `{python} -c 'import pandas'` fails: {probe:?}"
        );
        eprintln!("skipped: no pandas for {python}");
        return;
    }
    let dir = scratch("pandas");
    // Commas, quotes and line breaks inside fields, several rows, and an empty export.
    let article = write(
        &dir,
        "article.txt",
        &format!("{SHELLING}\nوقال ناشطون: \"{CLASH}\"\n{PROTEST}\nقصفت قوات النظام بلدتي هجين والباغوز بريف دير الزور الشرقي."),
    );
    let full = run_paths(
        &["acled", "--date=2019-05-20", "--timestamp=1700000000"],
        &[&article],
    );
    assert_eq!(full.status.code(), Some(0));
    let rows = csv_records(&stdout(&full)).len();
    let full_csv = write(&dir, "full.csv", &stdout(&full));
    let empty = run_stdin(&["acled"], b"");
    let empty_csv = write(&dir, "empty.csv", &stdout(&empty));
    let script = r#"
import sys, warnings
warnings.simplefilter("error")
import pandas as pd
full, empty, rows, columns = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
df = pd.read_csv(full)
assert list(df.columns) == columns, list(df.columns)
assert len(df) == rows, (len(df), rows)
assert str(df["fatalities"].dtype) == "int64", df["fatalities"].dtype
assert str(df["iso"].dtype) == "int64", df["iso"].dtype
assert str(df["latitude"].dtype) == "float64", df["latitude"].dtype
assert df["event_id_cnty"].str.startswith("SYR").all()
assert df["event_id_cnty"].is_unique
assert pd.to_datetime(df["event_date"], format="%Y-%m-%d").notna().all()
assert (df["timestamp"] == 1700000000).all()
e = pd.read_csv(empty)
assert list(e.columns) == columns and len(e) == 0
print("ok", len(df))
"#;
    let out = Command::new(&python)
        .args(["-c", script])
        .arg(&full_csv)
        .arg(&empty_csv)
        .arg(rows.to_string())
        .arg(syria_extract::acled::COLUMNS.join(","))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pandas: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("ok {rows}")
    );
}

// ---------------------------------------------------------------- coverage

#[test]
fn coverage_counts_the_gazetteers() {
    let gaz = syria_extract::gazetteer::Gazetteer::builtin();
    let out = run(&["coverage"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("locations: {}\n", gaz.locations().len())),
        "{text}"
    );
    assert!(
        text.contains(&format!("\nactors: {}\n", gaz.actors().len())),
        "{text}"
    );
    assert!(text.contains("unmarked collisions: 0\n"), "{text}");

    let dir = scratch("coverage");
    let extra = write(
        &dir,
        "my_sources.tsv",
        "id\tkind\tname_en\tname_ar\taliases\tcountry\tflags\tprovenance\n\
         src-test\toutlet\tTest Outlet\tشبكة الاختبار الإخبارية\t\tSY\t\ttest\n",
    );
    let out = run_paths(&["coverage", "--gazetteer"], &[&extra]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("\nsources: {}\n", gaz.sources().len() + 1)));
}
