//! The round trip: every corpus manifest, imported (the committed code in `generated/`),
//! built and emitted, gives back the same objects; and importing the corpus again gives
//! exactly the committed code (`K8S_DSL_IMPORT_BLESS=1` rewrites it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod generated;

use std::fs;
use std::path::{Path, PathBuf};

use k8s_dsl_import::kinds::canonical;
use k8s_dsl_import::{import, Options};
use serde_json::Value;

const CORPUS: &str = "tests/corpus";
const GENERATED: &str = "tests/generated";

fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(CORPUS), &mut files);
    files.sort();
    files
}

/// `tests/corpus/examples/pod_sidecar.yaml` -> `examples_pod_sidecar`.
fn module_name(file: &Path) -> String {
    let relative = file.strip_prefix(CORPUS).unwrap().with_extension("");
    relative
        .to_string_lossy()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
        .collect()
}

fn yaml_values(text: &str) -> Vec<Value> {
    use serde::Deserialize;
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| serde_json::to_value(serde_yaml::Value::deserialize(doc).unwrap()).unwrap())
        .filter(|v| !v.is_null())
        .flat_map(|v| {
            if v["kind"] == "List" {
                v["items"].as_array().unwrap().clone()
            } else {
                vec![v]
            }
        })
        .map(|v| canonical(&v))
        .collect()
}

#[test]
fn every_corpus_manifest_round_trips_through_the_generated_code() {
    let mut failures = Vec::new();
    assert!(generated::CASES.len() >= 30, "the corpus has {} files", generated::CASES.len());
    for (file, objects) in generated::CASES {
        let source = fs::read_to_string(Path::new(CORPUS).join(file)).unwrap();
        let expected = yaml_values(&source);
        let objects = match objects() {
            Ok(objects) => objects,
            Err(e) => {
                failures.push(format!("{file}: the generated code fails: {e}"));
                continue;
            }
        };
        let emitted: String = objects
            .iter()
            .map(|o| k8s_dsl::emit::to_yaml(o).unwrap())
            .collect::<Vec<_>>()
            .join("---\n");
        let actual = yaml_values(&emitted);
        if actual != expected {
            failures.push(format!(
                "{file}: round trip differs\n--- source\n{}\n--- emitted\n{}",
                serde_json::to_string_pretty(&expected).unwrap(),
                serde_json::to_string_pretty(&actual).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_committed_generated_code_is_what_the_import_writes() {
    let bless = std::env::var_os("K8S_DSL_IMPORT_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    let mut cases = Vec::new();
    let mut modules = Vec::new();
    for file in corpus_files() {
        let module = module_name(&file);
        let code = import(&file, &Options::default())
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()))
            .code;
        check(&Path::new(GENERATED).join(format!("{module}.rs")), &code, bless, &mut stale);
        let relative = file.strip_prefix(CORPUS).unwrap().to_string_lossy().replace('\\', "/");
        modules.push(format!("pub mod {module};\n"));
        cases.push(format!("    ({relative:?}, {module}::objects),\n"));
    }
    let index = format!(
        "//! The code `k8s-dsl-import` writes for each corpus manifest (checked by the round-trip\n//! test; `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import` rewrites it).\n\n{}\n/// Each corpus file (relative to `tests/corpus`) with the function building its objects.\npub type Objects = fn() -> Result<Vec<k8s_dsl::bundle::Object>, Box<dyn std::error::Error>>;\n\n/// Every corpus file.\npub const CASES: &[(&str, Objects)] = &[\n{}];\n",
        modules.concat(),
        cases.concat()
    );
    check(&Path::new(GENERATED).join("mod.rs"), &index, bless, &mut stale);
    assert!(
        stale.is_empty(),
        "the generated code is stale: {stale:?}; run `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import` and review the diff"
    );
}

fn check(path: &Path, code: &str, bless: bool, stale: &mut Vec<String>) {
    let committed = fs::read_to_string(path).unwrap_or_default();
    if committed == code {
        return;
    }
    if bless {
        fs::write(path, code).unwrap();
    } else {
        stale.push(path.display().to_string());
    }
}
