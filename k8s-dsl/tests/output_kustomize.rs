//! A generated directory is a kustomization `kubectl kustomize` renders into exactly the
//! objects that were written. Needs `kubectl` (no cluster); set `K8S_DSL_NO_KUBECTL=1` to skip.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod output_support;

use std::path::Path;
use std::process::Command;

use k8s_dsl::output::{Directory, Format};
use output_support::{app, scratch};
use serde::Deserialize;

/// Every document of a YAML stream (or a JSON text), as JSON values; `List`s are expanded and
/// the result is sorted so order does not matter.
fn documents(text: &str) -> Vec<serde_json::Value> {
    let mut documents = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        let value = serde_json::Value::deserialize(document).unwrap();
        if value.is_null() {
            continue;
        }
        match value.get("items") {
            Some(serde_json::Value::Array(items)) if value["kind"] == "List" => {
                documents.extend(items.iter().cloned())
            }
            _ => documents.push(value),
        }
    }
    documents.sort_by_key(|v| v.to_string());
    documents
}

/// The objects in the files the kustomization lists.
fn written_objects(dir: &Path) -> Vec<serde_json::Value> {
    let kustomization: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("kustomization.yaml")).unwrap())
            .unwrap();
    let mut objects = Vec::new();
    for resource in kustomization["resources"].as_array().unwrap() {
        let text = std::fs::read_to_string(dir.join(resource.as_str().unwrap())).unwrap();
        objects.extend(documents(&text));
    }
    objects.sort_by_key(|v| v.to_string());
    objects
}

/// `kubectl kustomize DIR`, or `None` when the test is told to skip.
fn kustomize(dir: &Path) -> Option<String> {
    if std::env::var_os("K8S_DSL_NO_KUBECTL").is_some_and(|v| v == "1") {
        eprintln!("skipped: K8S_DSL_NO_KUBECTL=1");
        return None;
    }
    let output = match Command::new("kubectl").arg("kustomize").arg(dir).output() {
        Ok(output) => output,
        Err(error) => panic!(
            "cannot run `kubectl kustomize` ({error}): install kubectl (no cluster is needed), or set K8S_DSL_NO_KUBECTL=1 to skip this test explicitly"
        ),
    };
    assert!(
        output.status.success(),
        "`kubectl kustomize {}` failed:\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap())
}

fn renders_what_was_written(dir: &Path, directory: Directory) {
    let written = directory.write(&app(2, "production")).unwrap();
    assert!(!written.written.is_empty());
    let expected = written_objects(dir);
    assert_eq!(expected.len(), 3, "{expected:#?}");
    let Some(rendered) = kustomize(dir) else {
        return;
    };
    assert_eq!(
        documents(&rendered),
        expected,
        "kubectl kustomize printed:\n{rendered}"
    );
}

#[test]
fn kubectl_kustomize_renders_the_yaml_directory() {
    let dir = scratch("kustomize-yaml");
    renders_what_was_written(&dir, Directory::new(&dir));
}

#[test]
fn kubectl_kustomize_renders_the_json_directory() {
    let dir = scratch("kustomize-json");
    renders_what_was_written(&dir, Directory::new(&dir).format(Format::Json));
}

#[test]
fn kubectl_kustomize_renders_a_single_file() {
    let dir = scratch("kustomize-single");
    renders_what_was_written(&dir, Directory::new(&dir).single_file("app.yaml"));
}

#[test]
fn kubectl_kustomize_ignores_foreign_and_bookkeeping_files() {
    let dir = scratch("kustomize-foreign");
    std::fs::write(dir.join("README.md"), "# notes\n").unwrap();
    std::fs::write(dir.join("notes.yaml"), "not: a manifest\n").unwrap();
    renders_what_was_written(&dir, Directory::new(&dir));
}
