//! Importing the corpus again gives exactly the committed code in `generated/` (builder code)
//! and `generated_macros/` (`--macros`, for the files where it differs from builder code)
//! (`K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import --test fresh` rewrites it; CI never
//! sets it). Kept apart from the round trip so that blessing works even when the committed
//! code no longer compiles.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use k8s_dsl_import::{import, Options};

const CORPUS: &str = "tests/corpus";
const GENERATED: &str = "tests/generated";
const GENERATED_MACROS: &str = "tests/generated_macros";
fn corpus_files() -> Vec<PathBuf> {
    common::files_below(Path::new(CORPUS), Some("yaml"))
}

/// `tests/corpus/examples/pod_sidecar.yaml` -> `examples_pod_sidecar`.
fn module_name(file: &Path) -> String {
    let relative = file.strip_prefix(CORPUS).unwrap().with_extension("");
    relative
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

#[test]
fn the_committed_generated_code_is_what_the_import_writes() {
    let bless = std::env::var_os("K8S_DSL_IMPORT_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    let mut builders = Vec::new();
    let mut macros = Vec::new();
    for file in corpus_files() {
        let module = module_name(&file);
        let generated = import(&file, &Options::default())
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        // Unformatted code would be stale (and, blessed, committed): say why instead.
        assert!(
            generated.warnings.iter().all(|w| !w.contains("rustfmt")),
            "{}: {:?}",
            file.display(),
            generated.warnings
        );
        let code = generated.code;
        let with_macros = import(&file, &Options { macros: true })
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()))
            .code;
        if with_macros != code {
            check(
                &Path::new(GENERATED_MACROS).join(format!("{module}.rs")),
                &with_macros,
                bless,
                &mut stale,
            );
            macros.push((file.clone(), module.clone()));
        }
        check(
            &Path::new(GENERATED).join(format!("{module}.rs")),
            &code,
            bless,
            &mut stale,
        );
        builders.push((file, module));
    }
    index(GENERATED, "", &builders, bless, &mut stale);
    index(
        GENERATED_MACROS,
        " with `--macros` (the files where that differs from builder code)",
        &macros,
        bless,
        &mut stale,
    );
    assert!(
        stale.is_empty(),
        "the generated code is stale: {stale:?}; run `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import --test fresh` and review the diff"
    );
}

/// Writes `dir/mod.rs`: the modules of `files` and the table of their `objects` functions.
fn index(dir: &str, how: &str, files: &[(PathBuf, String)], bless: bool, stale: &mut Vec<String>) {
    let mut cases = Vec::new();
    let mut modules = Vec::new();
    for (file, module) in files {
        let relative = file
            .strip_prefix(CORPUS)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        modules.push(format!("pub mod {module};\n"));
        cases.push(format!("    ({relative:?}, {module}::objects),\n"));
    }
    // rustfmt cannot format `mod` declarations read from stdin: format the rest, and write
    // the declarations in rustfmt's order.
    modules.sort();
    let table = k8s_dsl_import::rust::format(&format!(
        "/// Each corpus file (relative to `tests/corpus`) with the function building its objects.\npub type Objects = fn() -> Result<Vec<k8s_dsl::bundle::Object>, Box<dyn std::error::Error>>;\n\n/// Every corpus file.\npub const CASES: &[(&str, Objects)] = &[\n{}];\n",
        cases.concat()
    ));
    let index = format!(
        "//! The code `k8s-dsl-import` writes{how} for each corpus manifest (checked by the\n//! round-trip test; `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import --test fresh`\n//! rewrites it).\n\n{}\n{table}",
        modules.concat()
    );
    check(&Path::new(dir).join("mod.rs"), &index, bless, stale);
}

fn check(path: &Path, code: &str, bless: bool, stale: &mut Vec<String>) {
    let committed = fs::read_to_string(path).unwrap_or_default();
    if committed == code {
        return;
    }
    if bless {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, code).unwrap();
    } else {
        stale.push(path.display().to_string());
    }
}
