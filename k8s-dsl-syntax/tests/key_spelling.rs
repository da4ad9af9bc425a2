//! The key table (`src/keys.rs`) is the one place a key is spelled: every key the checks
//! (`src/check/`) or the expansion (`src/expand*`) look up or match on is a key of the table.
//! A key spelled wrong there, or removed from the table but still handled, fails here.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use k8s_dsl_syntax::keys::{self, Kind, Spec};

/// Every key name of the blocks reachable from the macros' bodies.
fn table_keys() -> BTreeSet<&'static str> {
    fn walk(spec: &'static Spec, seen: &mut Vec<*const Spec>, names: &mut BTreeSet<&'static str>) {
        if seen.contains(&(spec as *const Spec)) {
            return;
        }
        seen.push(spec);
        for key in spec.keys() {
            names.insert(key.name);
            if let Kind::Block(inner) | Kind::Blocks(inner) = key.kind {
                walk(inner, seen, names);
            }
        }
        for one_of in spec.one_of {
            names.extend(one_of.keys.iter().copied());
        }
    }
    let mut names = BTreeSet::new();
    let mut seen = Vec::new();
    for root in [&keys::POD, &keys::JOB, &keys::CRONJOB, &keys::DEPLOYMENT] {
        walk(root, &mut seen, &mut names);
    }
    names
}

/// The Rust files under `dir` (or `dir` itself when it is a file).
fn sources(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

/// The string literals of `source` used as keys: looked up in a block (`.get("ports")`,
/// `.str("name")`, `.block("httpGet")`, `.blocks("items")`, `.entry("image")`), compared
/// (`name == "items"`) or matched on (`"initContainers" =>`, `"a" | "b" =>`). Only literals that can be keys (camelCase
/// identifiers) count.
fn spelled_keys(source: &str) -> Vec<(usize, String)> {
    let is_key = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        // Lookups.
        for call in [
            ".get(\"",
            ".str(\"",
            ".block(\"",
            ".blocks(\"",
            ".entry(\"",
            "== \"",
            "!= \"",
        ] {
            for (at, _) in code.match_indices(call) {
                let rest = &code[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    if is_key(&rest[..end]) {
                        found.push((n + 1, rest[..end].to_owned()));
                    }
                }
            }
        }
        // Match arms: a line of literals separated by `|`, ending in `=>`.
        let trimmed = code.trim();
        if let Some((pattern, _)) = trimmed.split_once("=>") {
            let alternatives: Vec<&str> = pattern.split('|').map(str::trim).collect();
            if alternatives
                .iter()
                .all(|a| a.len() >= 2 && a.starts_with('"') && a.ends_with('"'))
            {
                for a in alternatives {
                    let name = &a[1..a.len() - 1];
                    if is_key(name) {
                        found.push((n + 1, name.to_owned()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn checks_and_expansion_spell_only_keys_of_the_table() {
    let table = table_keys();
    assert!(
        table.len() > 150,
        "the walk found only {} keys",
        table.len()
    );
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in ["check", "expand", "expand.rs"] {
        files.extend(sources(&src.join(part)));
    }
    let mut unknown = Vec::new();
    let mut spelled = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for (line, key) in spelled_keys(&source) {
            spelled += 1;
            if !table.contains(key.as_str()) {
                unknown.push(format!("{}:{line}: `{key}`", file.display()));
            }
        }
    }
    // The scan sees the keys the checks look up: a scan that found nothing proves nothing.
    assert!(spelled > 100, "only {spelled} keys found in {files:?}");
    assert!(
        unknown.is_empty(),
        "keys spelled outside the table (src/keys.rs) that it lacks:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_scan_finds_a_misspelled_key() {
    let source = "match key {\n    \"initContainers\" | \"sidecars\" => {}\n    \"lables\" => {}\n}\nlet p = block.get(\"prots\");\nif name != \"itmes\" {}";
    let found: Vec<String> = spelled_keys(source).into_iter().map(|(_, k)| k).collect();
    assert_eq!(
        found,
        ["initContainers", "sidecars", "lables", "prots", "itmes"]
    );
    let table = table_keys();
    assert!(!table.contains("lables") && !table.contains("prots"));
    assert!(table.contains("initContainers") && table.contains("sidecars"));
}
