//! Replays every input under `fuzz/regressions/macro_parse/` through the check of the
//! `macro_parse` fuzz target (`fuzz/macro_check.rs`): the parser and checks of the macros
//! (`pod!`, `job!`, `cronjob!`, `deployment!`) may not panic on any macro body. CI runs this
//! corpus, not the fuzzer; `fuzz/README.md` says how to run the fuzzer and how to add an input
//! here.
//!
//! The parser and checks are those of the library `k8s-dsl-syntax`, which the macros call.
//! It runs without the test harness (`harness = false` in `tests/Cargo.toml`).

use k8s_dsl_syntax::{check, ctxt, parse};

#[path = "../../fuzz/macro_check.rs"]
mod macro_check;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The inputs, sorted (none is an error: a replay of nothing proves nothing).
fn inputs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("no regression inputs in {}", dir.display()));
    }
    Ok(files)
}

/// The check reaches the macros' errors: a body with mistakes is parsed, checked and
/// reported (a check that skipped every input would replay the corpus without failing).
fn reports_mistakes() -> Result<(), String> {
    let tokens: proc_macro2::TokenStream = r#"name: "Web_1", containers: [ { name: "app" } ]"#
        .parse()
        .map_err(|e| format!("cannot tokenize: {e}"))?;
    let mut cx = ctxt::Ctxt::new();
    let body = parse::body(tokens, &mut cx);
    check::pod(&body, &mut cx);
    match cx.into_compile_errors() {
        Some(_) => Ok(()),
        None => Err("`pod!` accepted `name: \"Web_1\"` without an image".to_owned()),
    }
}

/// Runs without the test harness (see `tests/Cargo.toml`): every input of
/// `fuzz/regressions/macro_parse/` must go through `macro_check::check` without a panic; with
/// `K8S_DSL_FUZZ_OPEN=1`, so must those of `fuzz/open/macro_parse/` (open crashes, which abort
/// the process until they are fixed; then move them to `regressions/`).
fn main() -> ExitCode {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut files = match inputs(&fuzz.join("regressions/macro_parse")) {
        Ok(files) => files,
        Err(problem) => {
            eprintln!("error: {problem}");
            return ExitCode::FAILURE;
        }
    };
    // Inputs of crashes not fixed yet (`fuzz/open/`), on request: they abort the process.
    if std::env::var_os("K8S_DSL_FUZZ_OPEN").is_some() {
        match inputs(&fuzz.join("open/macro_parse")) {
            Ok(open) => files.extend(open),
            Err(problem) => eprintln!("note: {problem}"),
        }
    }
    let mut failing = Vec::new();
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                failing.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        if std::panic::catch_unwind(|| macro_check::check(&bytes)).is_err() {
            failing.push(path.display().to_string());
        }
    }
    if let Err(problem) = reports_mistakes() {
        failing.push(problem);
    }
    if failing.is_empty() {
        println!(
            "fuzz_regressions_macro_parse: {} inputs replayed, ok",
            files.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!("regression inputs fail: {failing:#?}");
        ExitCode::FAILURE
    }
}
