//! What the documentation shows is real, and the corpus copies are current: the README's
//! import example (its command, input excerpt and output excerpt), the book chapter's
//! commands and the notes and errors it quotes, and the copies in `tests/corpus/examples` of
//! the examples' output (they are byte for byte the workspace files they copy).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_k8s-dsl-import");
const COMMAND: &str = "cargo run -p k8s-dsl-import -- ";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The fenced blocks of `markdown`: (language, body).
fn blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (line.strip_prefix("```"), open.take()) {
            (Some(_), Some(block)) => blocks.push(block),
            (Some(language), None) => open = Some((language.trim().to_owned(), String::new())),
            (None, Some((language, mut body))) => {
                body.push_str(line);
                body.push('\n');
                open = Some((language, body));
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "a code block is not closed");
    blocks
}

/// The arguments of each `cargo run -p k8s-dsl-import -- ...` line of `text` (up to a `#`).
fn commands(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|line| line.strip_prefix(COMMAND))
        .map(|rest| {
            let rest = rest.split('#').next().unwrap_or_default();
            rest.split_whitespace().map(str::to_owned).collect()
        })
        .collect()
}

/// Runs the command with `args` from the workspace root, as the documentation does; every
/// path it names must exist.
fn run(args: &[String]) -> Output {
    let root = workspace();
    assert!(!args.is_empty(), "a command without arguments");
    for arg in args.iter().filter(|a| !a.starts_with("--")) {
        assert!(
            root.join(arg).exists(),
            "the documentation runs the import on `{arg}`, which does not exist in the workspace"
        );
    }
    Command::new(BIN)
        .args(args)
        .current_dir(&root)
        .output()
        .unwrap()
}

/// Whether the lines of `excerpt` are consecutive lines of `text`, all indented by the same
/// amount more (the excerpt is shown without the code's outer indentation).
fn contains_indented(text: &str, excerpt: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let wanted: Vec<&str> = excerpt.lines().collect();
    if wanted.is_empty() || wanted.len() > lines.len() {
        return false;
    }
    (0..=lines.len() - wanted.len()).any(|start| {
        let first = lines[start];
        let Some(indent) = first.strip_suffix(wanted[0]).map(str::len) else {
            return false;
        };
        if !first[..indent].chars().all(|c| c == ' ') {
            return false;
        }
        wanted.iter().enumerate().all(|(i, want)| {
            let line = lines[start + i];
            if want.is_empty() {
                line.trim().is_empty()
            } else {
                line.len() == indent + want.len()
                    && line.ends_with(want)
                    && line[..indent].trim().is_empty()
            }
        })
    })
}

fn readme_section() -> String {
    let readme = fs::read_to_string(workspace().join("README.md")).unwrap();
    let start = readme
        .find("## Importing existing YAML")
        .expect("the README section");
    let rest = &readme[start + 2..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

#[test]
fn the_readme_import_example_is_the_real_input_and_output() {
    let section = readme_section();
    let blocks = blocks(&section);
    let shell: Vec<&(String, String)> = blocks.iter().filter(|(l, _)| l == "sh").collect();
    assert_eq!(shell.len(), 1, "one command in {section}");
    let commands = commands(&shell[0].1);
    assert_eq!(commands.len(), 1, "{commands:?}");
    let args = &commands[0];
    assert_eq!(args.len(), 1, "one file: {args:?}");
    let input = fs::read_to_string(workspace().join(&args[0])).unwrap();
    assert!(
        input.matches("\n---\n").count() >= 2,
        "a multi-document file"
    );

    for path in paths_named(&section) {
        assert!(
            workspace().join(&path).exists(),
            "the README names `{path}`, which does not exist"
        );
    }

    let output = run(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();

    let yaml: Vec<&String> = blocks
        .iter()
        .filter(|(l, _)| l == "yaml")
        .map(|(_, b)| b)
        .collect();
    let code: Vec<&String> = blocks
        .iter()
        .filter(|(l, _)| l == "text")
        .map(|(_, b)| b)
        .collect();
    assert_eq!(
        (yaml.len(), code.len()),
        (1, 1),
        "an input and an output excerpt"
    );
    assert!(yaml[0].lines().count() >= 10 && code[0].lines().count() >= 10);
    assert!(
        input.contains(yaml[0].as_str()),
        "the README's input excerpt is not in `{}`:\n{}",
        args[0],
        yaml[0]
    );
    assert!(
        contains_indented(&printed, code[0]),
        "the README's output excerpt is not what `{COMMAND}{}` prints:\n{}\n--- it prints:\n{printed}",
        args[0],
        code[0]
    );
}

#[test]
fn the_excerpt_check_finds_only_real_excerpts() {
    let text = "fn f() {\n    a(\n        b,\n    )\n}\n";
    assert!(contains_indented(text, "a(\n    b,\n)\n"));
    assert!(contains_indented(text, "    a(\n        b,\n"));
    assert!(
        !contains_indented(text, "a(\n  b,\n)\n"),
        "a different indentation"
    );
    assert!(
        !contains_indented(text, "a(\n    c,\n)\n"),
        "a different line"
    );
    assert!(!contains_indented(text, "b,\na(\n"), "another order");
    assert!(!contains_indented(text, "x"));
}

#[test]
fn the_book_chapter_runs_real_paths_and_quotes_real_messages() {
    let chapter = fs::read_to_string(workspace().join("book/src/import.md")).unwrap();
    let mut stderr = String::new();
    let mut count = 0;
    for (_, body) in blocks(&chapter) {
        for args in commands(&body) {
            let output = run(&args);
            stderr.push_str(&String::from_utf8_lossy(&output.stderr));
            count += 1;
        }
    }
    assert!(count >= 5, "{count} commands");
    let messages: Vec<&str> = chapter
        .lines()
        .filter(|l| {
            ["note: ", "error: ", "warning: "]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    assert!(messages.len() >= 3, "{messages:?}");
    for message in messages {
        assert!(
            stderr.lines().any(|l| l == message),
            "the book quotes a message its commands do not print:\n{message}\n--- they print:\n{stderr}"
        );
    }
    // Every workspace path the chapter names in its text exists.
    let named = paths_named(&chapter);
    assert!(
        named.iter().any(|p| p.ends_with("roles-classic.yaml")),
        "{named:?}"
    );
    for path in named {
        assert!(
            workspace().join(&path).exists(),
            "the book names `{path}`, which does not exist"
        );
    }
    // Every file the chapter includes exists.
    for include in chapter.split("{{#include ").skip(1) {
        let path = include.split("}}").next().unwrap();
        let path = workspace().join("book/src").join(path);
        assert!(
            path.exists(),
            "{} is included but does not exist",
            path.display()
        );
    }
}

/// The workspace paths written in backticks in the prose of `markdown` (outside code blocks;
/// those starting with a folder of the workspace).
fn paths_named(markdown: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut in_block = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
        } else if !in_block {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    prose
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            ["k8s-dsl-import/", "examples/", "tests/"]
                .iter()
                .any(|p| s.starts_with(p))
        })
        .filter(|s| !s.contains(char::is_whitespace))
        .map(str::to_owned)
        .collect()
}

/// Each copy in `tests/corpus/examples` (relative to it) with the workspace file it copies.
fn copies() -> Vec<(PathBuf, PathBuf)> {
    let root = workspace();
    let mut copies = Vec::new();
    let snapshots = root.join("tests/snapshots");
    for entry in fs::read_dir(&snapshots).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // `NAME_macro` prints what `NAME` prints: its snapshot is the same file.
        if name.ends_with(".yaml") && !name.ends_with("_macro.yaml") {
            copies.push((PathBuf::from(&name), path));
        }
    }
    assert!(copies.len() >= 20, "{} snapshots", copies.len());
    let gitops = root.join("examples/gitops/deploy/k8s");
    let files = common::files_below(&gitops, Some("yaml"));
    assert!(files.len() >= 6, "{files:?}");
    for file in files {
        let relative = file.strip_prefix(&gitops).unwrap();
        copies.push((Path::new("gitops").join(relative), file));
    }
    copies.push((
        PathBuf::from("fleet/fleet-n2.yaml"),
        root.join("examples/fleet/data/fleet-n2.yaml"),
    ));
    copies.sort();
    copies
}

#[test]
fn the_corpus_copies_of_the_examples_output_are_current_and_complete() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/examples");
    let copies = copies();
    let mut problems = Vec::new();
    for (copy, source) in &copies {
        let source_text = fs::read(source).unwrap();
        match fs::read(corpus.join(copy)) {
            Ok(text) if text == source_text => {}
            Ok(_) => problems.push(format!(
                "{} differs from {}",
                copy.display(),
                source.display()
            )),
            Err(_) => problems.push(format!(
                "{} has no copy {}",
                source.display(),
                copy.display()
            )),
        }
    }
    // And no copy of a file that is gone.
    let present = common::files_below(&corpus, None);
    for file in present {
        let copy = file.strip_prefix(&corpus).unwrap();
        if !copies.iter().any(|(c, _)| c == copy) {
            problems.push(format!("{} copies nothing (remove it)", copy.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "the corpus copies of the examples' output are stale:\n{}\nfrom the workspace root, copy each file again into `k8s-dsl-import/tests/corpus/examples/` (`tests/snapshots/NAME.yaml` to `NAME.yaml`, `examples/gitops/deploy/k8s/ENV/FILE` to `gitops/ENV/FILE`, `examples/fleet/data/fleet-n2.yaml` to `fleet/fleet-n2.yaml`), then run `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import --test fresh` and review the diff",
        problems.join("\n")
    );
}
