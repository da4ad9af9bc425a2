//! The manifests of the Kubernetes documentation's examples in `tests/corpus/kubernetes-docs`
//! (kubernetes/website, `content/en/examples/`): each names its source and commit, and each
//! becomes builder code, never a `CustomResource` or a whole object kept as JSON. The round
//! trip of every one is `roundtrip.rs`'s, over the whole corpus.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::path::Path;

use k8s_dsl_import::{import, Options};

const DOCS: &str = "tests/corpus/kubernetes-docs";

/// The kinds of the application objects (issue 17) besides Pods and workloads.
const APPLICATION_KINDS: &[&str] = &[
    "ServiceAccount",
    "Namespace",
    "Role",
    "ClusterRole",
    "RoleBinding",
    "ClusterRoleBinding",
    "NetworkPolicy",
    "Ingress",
    "IngressClass",
    "PersistentVolumeClaim",
    "PersistentVolume",
    "StorageClass",
    "ResourceQuota",
    "LimitRange",
    "ReplicaSet",
];

#[test]
fn every_kubernetes_documentation_example_names_its_source_and_becomes_builder_code() {
    let files = common::files_below(Path::new(DOCS), Some("yaml"));
    assert!(files.len() >= 70, "{} files", files.len());
    let mut application = 0;
    let mut wrong = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let mut lines = text.lines();
        let source = lines.next().unwrap_or_default();
        let commit = lines.next().unwrap_or_default();
        let path = source.strip_prefix("# From kubernetes/website, content/en/examples/");
        let hash = commit
            .strip_prefix("# at commit ")
            .and_then(|c| c.strip_suffix('.'));
        if path.is_none_or(|p| !p.ends_with(".yaml"))
            || hash.is_none_or(|h| h.len() != 40 || !h.chars().all(|c| c.is_ascii_hexdigit()))
        {
            wrong.push(format!("{}: no source and commit on top", file.display()));
        }
        let generated = import(file, &Options::default()).unwrap();
        // A kind kept whole: `CustomResource`, or its typed object read from JSON.
        let kept_whole = [
            "CustomResource",
            "CustomObject",
            "(serde_json::from_value(serde_json::json!(",
        ];
        for word in kept_whole {
            if generated.code.contains(word) {
                wrong.push(format!(
                    "{}: `{word}` in\n{}",
                    file.display(),
                    generated.code
                ));
            }
        }
        for note in &generated.unsupported {
            let note = note.to_string();
            if note.contains("has no builder;") || note.contains("the whole object") {
                wrong.push(format!("{}: {note}", file.display()));
            }
        }
        let kinds: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("kind:"))
            .map(|k| k.trim().trim_matches(['"', ','].as_slice()))
            .collect();
        if kinds.iter().any(|k| APPLICATION_KINDS.contains(k)) {
            application += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        application >= 50,
        "{application} files with the application kinds"
    );
}
