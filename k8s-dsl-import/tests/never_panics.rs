//! Whatever the text, the import returns its objects or its errors, and never panics:
//! arbitrary YAML-ish text, and the corpus files with arbitrary edits (bytes removed, text
//! inserted, lines swapped, repeated or cut), imported with and without `--macros`.
//! `PROPTEST_CASES` raises the case count (in CI the defaults keep this under a few seconds).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use k8s_dsl_import::{import_str, Options};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every corpus file, with its text.
fn corpus() -> &'static [(String, String)] {
    static CORPUS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let files = common::files_below(Path::new("tests/corpus"), Some("yaml"));
        assert!(files.len() >= 30, "{files:?}");
        files
            .into_iter()
            .map(|f| (f.display().to_string(), fs::read_to_string(&f).unwrap()))
            .collect()
    })
}

/// Imports `text` both ways. Returning at all is the property: a panic fails the test
/// (with the input, shrunk, in the message).
fn import_both(file: &str, text: &str) -> (bool, bool) {
    let builders = import_str(file, text, &Options::default());
    let macros = import_str(file, text, &Options { macros: true });
    // Both ways read the same documents: they fail or succeed together.
    assert_eq!(builders.is_ok(), macros.is_ok(), "{file}: {text:?}");
    if let (Err(a), Err(b)) = (&builders, &macros) {
        assert_eq!(a, b, "{file}");
        for error in a {
            // Every error says where: the file, and the line within the text when known.
            assert_eq!(error.file, file);
            if let Some(line) = error.line {
                assert!(
                    (1..=text.lines().count().max(1)).contains(&line),
                    "{error} for {text:?}"
                );
            }
        }
    }
    (builders.is_ok(), macros.is_ok())
}

/// Pieces of YAML and of Kubernetes objects, and some arbitrary text.
fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        4 => prop::sample::select(&[
            "apiVersion: v1", "apiVersion: apps/v1", "apiVersion: batch/v1", "kind: Pod",
            "kind: Deployment", "kind: CronJob", "kind: Job", "kind: List", "kind: ConfigMap",
            "kind: Secret", "kind: Service", "metadata:", "  name: web", "  namespace: ns",
            "  labels:", "    app: web", "  annotations:", "    k8s-dsl.io/roles: ambassador=p",
            "spec:", "  containers:", "  - name: c", "    image: nginx", "    ports:",
            "    - containerPort: 80", "  initContainers:", "    restartPolicy: Always",
            "  template:", "  schedule: \"*/5 * * * *\"", "items:", "- apiVersion: v1",
            "data:", "  k: aGk=", "  volumes:", "  - name: v", "    emptyDir: {}", "---",
            "- ", ": ", "[", "]", "{", "}", ",", "  ", "\t", "&a ", "*a", "<<: *a", "!!binary ",
            "!custom ", "'", "\"", "# comment", "null", "~", "true", "0x1F", "-1", "1e999",
            "\"\\u0000\"", "? key", "|", ">-", "...", "%YAML 1.2",
        ][..])
        .prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => prop::collection::vec(any::<u8>(), 0..8)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
    .boxed()
}

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            fragment(),
            prop::sample::select(&["", " ", "\n", "\n  ", "\n    "][..]),
        ),
        0..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(f, sep)| f + sep).collect())
}

/// One edit of a text, at a place given as a fraction of its length.
#[derive(Debug, Clone)]
enum Edit {
    Remove { at: f64, len: usize },
    Insert { at: f64, text: String },
    SwapLines { a: f64, b: f64 },
    RepeatLine { at: f64 },
    Cut { at: f64 },
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), 1..20usize).prop_map(|(at, len)| Edit::Remove { at, len }),
        (at.clone(), fragment()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (at.clone(), at.clone()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
        at.clone().prop_map(|at| Edit::RepeatLine { at }),
        at.prop_map(|at| Edit::Cut { at }),
    ]
}

fn place(at: f64, len: usize) -> usize {
    ((at * len as f64) as usize).min(len)
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    match edit {
        Edit::Remove { at, len } => {
            let start = place(*at, chars.len());
            let end = (start + len).min(chars.len());
            chars[..start].iter().chain(&chars[end..]).collect()
        }
        Edit::Insert { at, text } => {
            let i = place(*at, chars.len());
            chars[..i]
                .iter()
                .chain(text.chars().collect::<Vec<_>>().iter())
                .chain(&chars[i..])
                .collect()
        }
        Edit::SwapLines { a, b } if !lines.is_empty() => {
            let (a, b) = (place(*a, lines.len() - 1), place(*b, lines.len() - 1));
            lines.swap(a, b);
            lines.concat()
        }
        Edit::RepeatLine { at } if !lines.is_empty() => {
            let i = place(*at, lines.len() - 1);
            lines.insert(i, lines[i]);
            lines.concat()
        }
        Edit::Cut { at } => chars[..place(*at, chars.len())].iter().collect(),
        Edit::SwapLines { .. } | Edit::RepeatLine { .. } => text.to_owned(),
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn yaml_ish_text_gives_objects_or_errors(text in yamlish()) {
        import_both("any.yaml", &text);
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn edited_corpus_files_give_objects_or_errors(
        file in 0..corpus().len(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let (name, text) = &corpus()[file];
        let edited = edits.iter().fold(text.clone(), |text, e| apply(&text, e));
        import_both(name, &edited);
    }
}

#[test]
fn the_edits_change_the_files_and_some_edited_files_still_import() {
    // The property above would prove little if every edit broke (or left) every file.
    let (name, text) = corpus()
        .iter()
        .find(|(name, _)| name.ends_with("web-app.yaml"))
        .unwrap();
    assert_eq!(import_both(name, text), (true, true));
    let swapped = apply(text, &Edit::SwapLines { a: 0.02, b: 0.05 });
    assert_ne!(&swapped, text);
    let cut = apply(text, &Edit::Cut { at: 0.5 });
    assert!(cut.len() < text.len());
    let removed = apply(text, &Edit::Remove { at: 0.3, len: 5 });
    assert_eq!(removed.chars().count(), text.chars().count() - 5);
    // Cutting at a document boundary leaves a valid file; an unclosed list does not.
    let first = text.find("---").unwrap();
    assert_eq!(import_both(name, &text[..first]), (true, true));
    let broken = apply(
        text,
        &Edit::Insert {
            at: 0.5,
            text: "\n[".to_owned(),
        },
    );
    assert_eq!(import_both(name, &broken), (false, false));
}
