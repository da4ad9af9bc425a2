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
