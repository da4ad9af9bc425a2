//! The macros' key table (`k8s_dsl_syntax::keys`) is the one source of the keys `--macros`
//! prints: every key of the table is printed from some corpus manifest (the committed
//! `generated_macros/`, kept fresh by `fresh.rs`), every printed macro expands without an
//! error, and the printer spells no key that the table lacks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use k8s_dsl_syntax::ast::{Block, Value};
use k8s_dsl_syntax::keys::{self, Kind, Spec};
use proc_macro2::TokenStream;

/// A key of the table: its name and the value it takes (the block it opens, by what it is
/// called). Blocks that share keys (a pod's and a template's) share these rows.
type Row = (&'static str, String);

fn row(key: &'static keys::Key) -> Row {
    let kind = match key.kind {
        Kind::Block(inner) => format!("{{ {} }}", inner.what),
        Kind::Blocks(inner) => format!("[ {} ]", inner.what),
        other => format!("{other:?}"),
    };
    (key.name, kind)
}

/// Every key of every block reachable from the macros' bodies.
fn table() -> BTreeSet<Row> {
    fn walk(spec: &'static Spec, seen: &mut Vec<*const Spec>, rows: &mut BTreeSet<Row>) {
        if seen.contains(&(spec as *const Spec)) {
            return;
        }
        seen.push(spec);
        for key in spec.keys() {
            rows.insert(row(key));
            if let Kind::Block(inner) | Kind::Blocks(inner) = key.kind {
                walk(inner, seen, rows);
            }
        }
    }
    let mut rows = BTreeSet::new();
    let mut seen = Vec::new();
    for (_, root) in roots() {
        walk(root, &mut seen, &mut rows);
    }
    rows
}

/// The macros and the table of their bodies.
fn roots() -> [(&'static str, &'static Spec); 4] {
    [
        ("pod", &keys::POD),
        ("job", &keys::JOB),
        ("cronjob", &keys::CRONJOB),
        ("deployment", &keys::DEPLOYMENT),
    ]
}

/// The keys of a parsed block, walked with its table.
fn used(block: &Block, spec: &'static Spec, rows: &mut BTreeSet<Row>) {
    for entry in &block.entries {
        let Some(key) = spec.key(&entry.key.name) else {
            panic!("`{}` is no key of {}", entry.key.name, spec.what);
        };
        rows.insert(row(key));
        match (key.kind, &entry.value) {
            (Kind::Block(inner), Value::Block(b)) => used(b, inner, rows),
            (Kind::Blocks(inner), Value::List(list)) => {
                for item in &list.items {
                    if let Value::Block(b) = item {
                        used(b, inner, rows);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The macro calls of a generated file: the macro's name and its body.
fn calls(code: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("k8s_dsl::") {
        rest = &rest[at + "k8s_dsl::".len()..];
        let Some((name, after)) = rest.split_once("! {") else {
            continue;
        };
        if !name.chars().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let mut depth = 1;
        let end = after
            .char_indices()
            .find(|(_, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map(|(i, _)| i)
            .unwrap();
        found.push((name.to_owned(), after[..end].to_owned()));
        rest = &after[end..];
    }
    found
}

fn generated() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/generated_macros");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_key_of_the_table_is_printed_and_every_printed_macro_expands() {
    let mut printed = BTreeSet::new();
    let mut macros = 0;
    for file in generated() {
        let code = std::fs::read_to_string(&file).unwrap();
        for (name, body) in calls(&code) {
            macros += 1;
            let (_, root) = roots().into_iter().find(|(n, _)| *n == name).unwrap();
            let (_, phases) = k8s_dsl_syntax::MACROS
                .into_iter()
                .find(|(n, _)| *n == name)
                .unwrap();
            let tokens: TokenStream = body.parse().unwrap();
            let expansion = k8s_dsl_syntax::run(tokens.clone(), phases).to_string();
            assert!(
                !expansion.contains("compile_error"),
                "{}: `{name}!` does not expand: {expansion}",
                file.display()
            );
            let mut cx = k8s_dsl_syntax::ctxt::Ctxt::new();
            let block = k8s_dsl_syntax::parse::body(tokens, &mut cx);
            assert!(cx.is_ok());
            used(&block, root, &mut printed);
        }
    }
    assert!(macros > 20, "only {macros} macro calls found");
    let missing: Vec<String> = table()
        .difference(&printed)
        .map(|(key, kind)| format!("`{key}`: {kind}"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys of the table that no corpus manifest prints (add them to a corpus file):\n{}",
        missing.join("\n")
    );
}

/// The string literals of `source` that can be keys (camelCase identifiers), looked up
/// (`.get("name")`) or compared (`== "initContainers"`, `"a" | "b" =>`).
fn spelled_keys(source: &str) -> Vec<(usize, String)> {
    let is_key = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for call in [".get(\"", "== \"", "!= \"", ".contains_key(\""] {
            for (at, _) in code.match_indices(call) {
                let rest = &code[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    if is_key(&rest[..end]) {
                        found.push((n + 1, rest[..end].to_owned()));
                    }
                }
            }
        }
        let trimmed = code.trim();
        if let Some((pattern, _)) = trimmed.split_once("=>") {
            let alternatives: Vec<&str> = pattern.split('|').map(str::trim).collect();
            if alternatives
                .iter()
                .all(|a| a.len() >= 2 && a.starts_with('"') && a.ends_with('"'))
            {
                for a in alternatives {
                    if is_key(&a[1..a.len() - 1]) {
                        found.push((n + 1, a[1..a.len() - 1].to_owned()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn the_printer_spells_only_keys_of_the_table() {
    let keys: BTreeSet<&str> = table().into_iter().map(|(key, _)| key).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/codegen/macros");
    let mut spelled = 0;
    let mut unknown = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().path();
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, key) in spelled_keys(&source) {
            spelled += 1;
            if !keys.contains(key.as_str()) {
                unknown.push(format!("{}:{line}: `{key}`", file.display()));
            }
        }
    }
    // The printer reads the container lists and the projected sources by name.
    assert!(
        spelled >= 3,
        "only {spelled} keys found in {}",
        dir.display()
    );
    assert!(
        unknown.is_empty(),
        "keys spelled by the printer that the table lacks:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_scan_finds_a_misspelled_key() {
    let source = "if field == \"initContainer\" {}\nlet d = i.get(\"downwardApi\");";
    let found: Vec<String> = spelled_keys(source).into_iter().map(|(_, k)| k).collect();
    assert_eq!(found, ["initContainer", "downwardApi"]);
    let keys: BTreeSet<&str> = table().into_iter().map(|(key, _)| key).collect();
    assert!(!keys.contains("initContainer") && !keys.contains("downwardApi"));
}
