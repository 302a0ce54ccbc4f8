//! The `extract` example as a user runs it: bad inputs are reported on stderr by name,
//! good ones are still processed and printed, and the exit status is non-zero at the end.
//!
//! The example is built with the same cargo that runs the tests (`$CARGO build
//! --example extract`, which also works on a clean clone) and run directly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// Path of the freshly built example binary.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let out = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--example",
                "extract",
                "--message-format=json",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(Stdio::inherit())
            .output()
            .expect("run cargo build --example extract");
        assert!(out.status.success(), "cargo build --example extract failed");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "extract")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reported the example's executable")
    })
}

fn run(args: &[&Path]) -> Output {
    Command::new(binary())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run the example")
}

/// A scratch directory for one test.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syria-extract-cli-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The JSON lines printed, parsed.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn bad_inputs_are_named_and_good_ones_still_printed() {
    let dir = scratch("mixed");
    let good1 = dir.join("good1.txt");
    std::fs::write(&good1, "قصفت قوات النظام بلدة السخنة بريف حمص الشرقي").unwrap();
    let good2 = dir.join("good2.txt");
    std::fs::write(&good2, " \n").unwrap();
    let missing = dir.join("missing.txt");
    let subdir = dir.join("a-directory");
    std::fs::create_dir_all(&subdir).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"line one\nDeir ez-Zor \xE9t\xE9\n").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();

    let out = run(&[&good1, &missing, &subdir, &latin1, &empty, &good2]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");

    // Good files, in order, each one JSON object with the contract's keys.
    let lines = json_lines(&out);
    let files: Vec<&str> = lines.iter().map(|l| l["file"].as_str().unwrap()).collect();
    assert_eq!(files, [good1.to_str().unwrap(), good2.to_str().unwrap()]);
    let text = std::fs::read_to_string(&good1).unwrap();
    for l in &lines {
        assert!(l["entities"].is_array() && l["events"].is_array(), "{l}");
        for e in l["entities"].as_array().unwrap() {
            let (s, t) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            assert_eq!(&text[s as usize..t as usize], e["text"].as_str().unwrap());
        }
    }

    // Each bad input on its own stderr line, by name, with the reason.
    let name = |p: &Path| p.display().to_string();
    let expect = [
        format!("extract: {}: cannot read: ", name(&missing)),
        format!("extract: {}: is a directory, not a file", name(&subdir)),
        format!(
            "extract: {}: not valid UTF-8 (first invalid byte at offset 21, line 2)",
            name(&latin1)
        ),
        format!("extract: {}: empty file", name(&empty)),
        "extract: 4 of 6 inputs failed".to_string(),
    ];
    let err_lines: Vec<&str> = err.lines().collect();
    assert_eq!(err_lines.len(), expect.len(), "stderr: {err}");
    for (got, want) in err_lines.iter().zip(&expect) {
        assert!(
            got.starts_with(want.as_str()),
            "{got:?} should start with {want:?}"
        );
    }
}

#[test]
fn each_bad_input_alone_fails_with_its_name() {
    let dir = scratch("alone");
    let missing = dir.join("nope.txt");
    let latin1 = dir.join("bad.txt");
    std::fs::write(&latin1, b"\xFF").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    for (path, reason) in [
        (missing.as_path(), "cannot read"),
        (dir.as_path(), "is a directory, not a file"),
        (
            latin1.as_path(),
            "not valid UTF-8 (first invalid byte at offset 0, line 1)",
        ),
        (empty.as_path(), "empty file"),
    ] {
        let out = run(&[path]);
        assert_eq!(out.status.code(), Some(1), "{path:?}");
        assert!(out.stdout.is_empty(), "{path:?}: nothing printed");
        let want = format!("extract: {}: {reason}", path.display());
        assert!(
            stderr(&out).starts_with(&want),
            "{:?} vs {want:?}",
            stderr(&out)
        );
    }
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "حمص").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading, so there is nothing to test.
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    let good = dir.join("good.txt");
    std::fs::write(&good, "في حلب").unwrap();
    let out = run(&[&locked, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1);
    assert!(stderr(&out).starts_with(&format!("extract: {}: cannot read: ", locked.display())));
}

#[test]
fn good_files_only_exit_zero() {
    let dir = scratch("good");
    let a = dir.join("a.txt");
    std::fs::write(&a, "\u{FEFF}في دير الزور\r\n").unwrap();
    let out = run(&[&a, &a]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 2);
    assert!(out.stderr.is_empty());
}

#[test]
fn empty_standard_input_is_reported_as_dash() {
    let out = Command::new(binary())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).starts_with("extract: -: empty file\n"));
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the example");
    // The example may exit before reading (a bad option): ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn jsonl_streams_documents_and_reports_bad_lines() {
    let mut input = String::new();
    for i in 0..600 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"قصفت قوات النظام بلدة السخنة قبل يومين\"}}\n"
        ));
        if i == 300 {
            input.push_str("{not json\n{\"id\": \"x\"}\n\n");
        }
    }
    let out = run_with_stdin(&["--jsonl", "--date", "2019-05-20"], &input);
    assert!(
        !out.status.success(),
        "bad lines make the exit status non-zero"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("-:302:"),
        "line number of the bad JSON: {stderr}"
    );
    assert!(
        stderr.contains("-:303:") && stderr.contains("text"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\r'),
        "no progress line when stderr is not a terminal"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 600, "every good line, in order, across chunks");
    for (i, obj) in lines.iter().enumerate() {
        assert_eq!(obj["id"], i);
        assert_eq!(obj["events"][0]["kind"], "shelling");
        assert_eq!(obj["events"][0]["time"]["date"], "2019-05-18");
        assert!(obj.get("file").is_none());
    }
}

#[test]
fn date_option_resolves_times_and_rejects_bad_dates() {
    let out = run_with_stdin(&["--date", "2019-05-20"], "قصفت قوات النظام البلدة أمس");
    assert!(out.status.success());
    let obj: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(obj["file"], "-");
    assert_eq!(obj["times"][0]["date"], "2019-05-19");
    let out = run_with_stdin(&["--date", "20-05-2019"], "نص");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}
