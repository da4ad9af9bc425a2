//! The crate documentation (`src/lib.rs`) and the README tell the same story: they have the
//! same sections, in the same order, and name the same two commands.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// The headings of `text` at the level marked by `marker` (`## ` or `# `), outside code blocks.
fn headings(text: &str, marker: &str) -> Vec<String> {
    let mut in_code = false;
    let mut found = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            if let Some(heading) = line.strip_prefix(marker) {
                found.push(heading.trim().to_owned());
            }
        }
    }
    found
}

fn crate_docs() -> String {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    lib.lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap()
}

#[test]
fn crate_docs_have_the_readme_sections() {
    let readme_sections = headings(&readme(), "## ");
    let doc_sections = headings(&crate_docs(), "# ");
    assert!(readme_sections.len() >= 6, "{readme_sections:?}");
    // The crate docs open with the crate's name as a heading of their own.
    assert_eq!(doc_sections.first().map(String::as_str), Some("k8s-dsl"));
    assert_eq!(
        doc_sections[1..],
        readme_sections[..],
        "README.md and src/lib.rs differ"
    );
}

#[test]
fn both_name_the_two_commands() {
    for text in [readme(), crate_docs()] {
        assert!(text.contains("cargo run --example pod_init_containers"));
        assert!(text.contains("bash scripts/test-all"));
    }
}

/// The text of `text` from the first `start` to the next `end` after it (both included), each
/// line trimmed, so indentation does not count.
fn snippet(text: &str, start: &str, end: &str) -> String {
    let from = text.find(start).expect("start");
    let len = text[from..].find(end).expect("end") + end.len();
    text[from..from + len]
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_readme_pod_is_the_quick_start_pod() {
    // Both say they print `tests/snapshots/pod_readiness_http.yaml`: the same builder calls.
    let quick_start = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../book/src/quick-start.md"),
    )
    .unwrap();
    let start = "Pod::new(\"simple-webapp\")";
    let end = ".build()?";
    assert_eq!(
        snippet(&readme(), start, end),
        snippet(&quick_start, start, end)
    );
}

#[test]
fn the_file_names_the_readme_shows_are_the_ones_the_writer_produced() {
    let gitops = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/gitops/deploy/k8s");
    let mut written = Vec::new();
    for env in std::fs::read_dir(&gitops).unwrap() {
        for file in std::fs::read_dir(env.unwrap().path()).unwrap() {
            written.push(file.unwrap().file_name().to_string_lossy().into_owned());
        }
    }
    let readme = readme();
    let shown: Vec<&str> = readme
        .split('`')
        .filter(|word| {
            word.ends_with(".yaml")
                && word.contains('_')
                && !word.contains('/')
                && !word.contains(' ')
        })
        .collect();
    assert!(!shown.is_empty());
    for name in shown {
        assert!(
            written.iter().any(|w| w == name),
            "README names `{name}`; the gitops example wrote {written:?}"
        );
    }
}

#[test]
fn the_crate_page_links_k8s_openapi_to_its_docs() {
    // `[`k8s_openapi`]` alone resolves to a page `cargo doc --no-deps` never writes.
    let docs = crate_docs();
    assert!(docs.contains("[`k8s_openapi`]("), "{docs}");
    assert!(!docs.contains("[`k8s_openapi`] "));
}
