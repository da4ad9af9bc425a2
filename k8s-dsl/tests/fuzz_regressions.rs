//! Replays every input under `fuzz/regressions/<target>/` through the very check its fuzz
//! target runs (`fuzz/checks/`), on stable and in the normal `cargo test`. CI runs this corpus,
//! not the fuzzer; `fuzz/README.md` says how to run the fuzzer and how to add an input here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[allow(dead_code)]
#[path = "../../fuzz/checks/mod.rs"]
mod checks;

use std::path::PathBuf;

/// The inputs of one target, sorted; fails when there are none (a check that runs nothing
/// proves nothing).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

/// Runs `check` on every input of `target`, naming every file that fails.
fn replay(target: &str, check: fn(&[u8])) {
    let failing: Vec<String> = inputs(target)
        .into_iter()
        .filter(|(_, bytes)| std::panic::catch_unwind(|| check(bytes)).is_err())
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(failing.is_empty(), "regression inputs fail: {failing:#?}");
}

#[test]
fn fuzz_regressions_rules() {
    replay("rules", checks::rules::check);
}

#[test]
fn fuzz_regressions_emit_yaml() {
    replay("emit_yaml", checks::emit::check);
}
