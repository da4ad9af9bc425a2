//! The round trip: every corpus manifest, imported (the committed code in `generated/`, and
//! with `--macros` in `generated_macros/`, kept fresh by `fresh.rs`), built and emitted, gives
//! back the same objects.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod generated;
mod generated_macros;

use std::fs;
use std::path::Path;

use k8s_dsl_import::kinds::canonical;
use serde_json::Value;

const CORPUS: &str = "tests/corpus";

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
        .map(|mut v| {
            // No `metadata` and `metadata: {}` are the same object; a `CustomObject` always
            // writes it (a `Kustomization` has none).
            if let Some(map) = v.as_object_mut() {
                map.entry("metadata")
                    .or_insert_with(|| Value::Object(serde_json::Map::new()));
            }
            v
        })
        .collect()
}

#[test]
fn every_corpus_manifest_round_trips_through_the_generated_code() {
    assert!(
        generated::CASES.len() >= 30,
        "the corpus has {} files",
        generated::CASES.len()
    );
    round_trip(generated::CASES);
}

#[test]
fn every_corpus_manifest_round_trips_through_the_generated_macros() {
    // Every file with a Pod, Job or CronJob, and every example's output that has one.
    assert!(
        generated_macros::CASES.len() >= 25,
        "{} files differ with `--macros`",
        generated_macros::CASES.len()
    );
    round_trip(generated_macros::CASES);
}

/// The corpus file whose Deployment has a field k8s-openapi does not know.
const UNKNOWN_FIELDS: &str = "custom/unknown-fields.yaml";

fn round_trip(cases: &[(&str, generated::Objects)]) {
    let mut failures = Vec::new();
    for (file, objects) in cases {
        let source = fs::read_to_string(Path::new(CORPUS).join(file)).unwrap();
        let expected = yaml_values(&source);
        let objects = match objects() {
            Ok(objects) => objects,
            // A built-in kind with a field its API lacks is kept whole as a `CustomResource`,
            // and checked as that kind: the unknown field is an error at its path, as the API
            // server's strict field validation reports it.
            Err(e) if *file == UNKNOWN_FIELDS => {
                let message = e.to_string();
                assert!(
                    message
                        .contains("spec.template.spec.containers[0].imagePullPolcy: unknown field"),
                    "{file}: {message}"
                );
                continue;
            }
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
