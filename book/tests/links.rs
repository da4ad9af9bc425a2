//! The book's structure, checked without building it:
//!
//! - every chapter file is listed in `SUMMARY.md`, and every file `SUMMARY.md` lists exists;
//! - every relative link resolves to a file, and every `#anchor` to a heading of its page;
//! - every `{{#include ...}}` names an existing file, and every snapshot shown is an example's;
//! - no code block is `ignore`d;
//! - every compile-time error kind of the UI suite (`tests/ui/{pod,job,cronjob}/*.rs`) is in the
//!   error chapter, with its sample and its message;
//! - every rule the run-time error chapter lists has unit tests named after it in `k8s-dsl/src` or `k8s-dsl-rules/src`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn src() -> PathBuf {
    root().join("src")
}

fn workspace() -> PathBuf {
    root().join("..")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn files_with_extension(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files_with_extension(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    found.sort();
}

/// The chapters, as paths relative to `src/` with `/` separators.
fn chapters() -> Vec<String> {
    let mut found = Vec::new();
    files_with_extension(&src(), "md", &mut found);
    found
        .iter()
        .map(|p| relative(p.strip_prefix(src()).expect("under src")))
        .filter(|p| p != "SUMMARY.md")
        .collect()
}

fn relative(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `dir/target` with `.` and `..` resolved, relative to `src/`.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<String> = dir
        .split('/')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    for component in Path::new(target).components() {
        match component {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

fn dir_of(chapter: &str) -> &str {
    chapter.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The text outside fenced code blocks, with inline code spans removed: links are only
/// looked for there.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let mut in_code = false;
        let mut ticks = 0;
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '`' {
                let mut run = 0;
                while i < chars.len() && chars[i] == '`' {
                    run += 1;
                    i += 1;
                }
                if !in_code {
                    in_code = true;
                    ticks = run;
                } else if run == ticks {
                    in_code = false;
                }
                continue;
            }
            if !in_code {
                out.push(chars[i]);
            }
            i += 1;
        }
        out.push('\n');
    }
    out
}

/// The targets of the Markdown links `[text](target)` in `text`.
fn links(text: &str) -> Vec<String> {
    let prose = prose(text);
    let mut found = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find(')').unwrap_or(after.len());
        let target = after[..end].trim();
        if !target.is_empty() {
            found.push(target.to_owned());
        }
        rest = &after[end..];
    }
    found
}

/// The ids mdBook gives the headings of a page (`normalize_id`, with `-1`, `-2` for repeats).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut ids = BTreeSet::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || !line.starts_with('#') {
            continue;
        }
        let heading = line.trim_start_matches('#').trim();
        let id: String = heading
            .chars()
            .filter_map(|c| {
                if c.is_alphanumeric() || c == '_' || c == '-' {
                    Some(c.to_ascii_lowercase())
                } else if c.is_whitespace() {
                    Some('-')
                } else {
                    None
                }
            })
            .collect();
        let count = seen.entry(id.clone()).or_insert(0);
        ids.insert(if *count == 0 {
            id
        } else {
            format!("{id}-{count}")
        });
        *count += 1;
    }
    ids
}

/// The paths of the `{{#include PATH[:START:END]}}` of a chapter, relative to its folder.
fn includes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("{{#include ") {
        let after = &rest[at + "{{#include ".len()..];
        let end = after.find("}}").expect("a closed {{#include}}");
        let spec = after[..end].trim();
        found.push(spec.split(':').next().unwrap_or(spec).to_owned());
        rest = &after[end..];
    }
    found
}

#[test]
fn every_chapter_is_in_the_summary_and_every_summary_entry_exists() {
    let summary = read(&src().join("SUMMARY.md"));
    let listed: BTreeSet<String> = links(&summary).into_iter().collect();
    for chapter in chapters() {
        assert!(
            listed.contains(&chapter),
            "{chapter} is not listed in SUMMARY.md"
        );
    }
    for entry in &listed {
        assert!(
            src().join(entry).is_file(),
            "SUMMARY.md lists {entry}, which does not exist"
        );
    }
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let mut problems = Vec::new();
    let pages: BTreeMap<String, String> = chapters()
        .into_iter()
        .map(|c| {
            let text = read(&src().join(&c));
            (c, text)
        })
        .collect();
    for (chapter, text) in &pages {
        for link in links(text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((link.as_str(), ""));
            let target = if file.is_empty() {
                chapter.clone()
            } else {
                resolve(dir_of(chapter), file)
            };
            let Some(target_text) = pages.get(&target) else {
                problems.push(format!("{chapter}: link to {link}: no chapter {target}"));
                continue;
            };
            if !anchor.is_empty() && !anchors(target_text).contains(anchor) {
                problems.push(format!(
                    "{chapter}: link to {link}: {target} has no heading with id `{anchor}`"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_include_exists_and_every_snapshot_shown_is_an_examples_output() {
    let mut problems = Vec::new();
    for chapter in chapters() {
        let text = read(&src().join(&chapter));
        for include in includes(&text) {
            let path = src().join(dir_of(&chapter)).join(&include);
            if !path.is_file() {
                problems.push(format!(
                    "{chapter}: {{{{#include {include}}}}}: no such file"
                ));
            }
            if let Some(name) = include
                .strip_prefix("../")
                .and_then(|_| include.rsplit_once("tests/snapshots/"))
                .and_then(|(_, file)| file.strip_suffix(".yaml"))
            {
                let example = workspace().join("examples").join(format!("{name}.rs"));
                if !example.is_file() {
                    problems.push(format!(
                        "{chapter}: shows tests/snapshots/{name}.yaml, but there is no example {name}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_code_block_is_ignored() {
    for chapter in chapters() {
        for line in read(&src().join(&chapter)).lines() {
            let fence = line.trim_start();
            if let Some(info) = fence.strip_prefix("```") {
                assert!(
                    !info
                        .split(',')
                        .any(|attribute| attribute.trim() == "ignore"),
                    "{chapter}: `{line}`: use `no_run` or `compile_fail`, never `ignore`"
                );
            }
        }
    }
}

#[test]
fn every_compile_error_kind_is_in_the_error_chapter_with_sample_and_message() {
    let chapter = read(&src().join("reference/compile-errors.md"));
    let includes: BTreeSet<String> = includes(&chapter).into_iter().collect();
    let mut missing = Vec::new();
    let mut count = 0;
    for macro_name in ["pod", "job", "cronjob", "deployment", "statefulset"] {
        let mut samples = Vec::new();
        files_with_extension(
            &workspace().join("tests/ui").join(macro_name),
            "rs",
            &mut samples,
        );
        for sample in samples {
            let stem = sample
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            count += 1;
            for extension in ["rs", "stderr"] {
                let include = format!("../../../tests/ui/{macro_name}/{stem}.{extension}");
                if !includes.contains(&include) {
                    missing.push(include);
                }
            }
        }
    }
    assert!(count > 50, "only {count} UI tests found");
    assert!(
        missing.is_empty(),
        "not included in reference/compile-errors.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_rule_in_the_run_time_error_table_is_enforced_and_tested() {
    let chapter = read(&src().join("reference/runtime-errors.md"));
    let table = chapter
        .split("## Every rule")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a section `## Every rule`");
    let listed: Vec<u16> = table
        .lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|cells| cells.split(" |").next())
        .filter_map(|number| number.trim().parse().ok())
        .collect();
    assert!(listed.len() > 50, "only {} rules listed", listed.len());

    let mut sources = Vec::new();
    // The rules' own tests live with them, in `k8s-dsl-rules`.
    for dir in ["k8s-dsl/src", "k8s-dsl-rules/src"] {
        files_with_extension(&workspace().join(dir), "rs", &mut sources);
    }
    let code: String = sources.iter().map(|p| read(p)).collect();
    let untested: Vec<u16> = listed
        .iter()
        .copied()
        .filter(|rule| !code.contains(&format!("fn rule_{rule}_")))
        .collect();
    assert!(
        untested.is_empty(),
        "rules listed in reference/runtime-errors.md without a `rule_N_` test in k8s-dsl/src or k8s-dsl-rules/src: {untested:?}"
    );
}

#[test]
fn the_helpers_find_what_they_should() {
    assert_eq!(
        links("a [b](c.md#d) `[x](y.md)` [e](https://f)"),
        ["c.md#d", "https://f"]
    );
    assert!(
        anchors("# Init containers\n## What is checked\n## What is checked\n").is_superset(
            &BTreeSet::from([
                "init-containers".to_owned(),
                "what-is-checked".to_owned(),
                "what-is-checked-1".to_owned(),
            ])
        )
    );
    assert_eq!(resolve("patterns", "../reference/x.md"), "reference/x.md");
    assert_eq!(
        includes("{{#include ../a.rs:3:4}} and {{#include b.yaml}}"),
        ["../a.rs", "b.yaml"]
    );
}
