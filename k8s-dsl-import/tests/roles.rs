//! Container roles: the `k8s-dsl.io/roles` annotation (written by `.role_annotations()`)
//! gives each container its role back, classic (app container) or native (restartable init
//! container); without it only what the spec shows is known. That the code gives back the
//! same objects is `roundtrip.rs` (`pods/roles-annotation.yaml`, `pods/roles-classic.yaml`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use k8s_dsl_import::{import, import_str, Options};

const MACROS: Options = Options { macros: true };

/// The part of `code` from the heading of `object` to the next heading.
fn object<'a>(code: &'a str, object: &str) -> &'a str {
    let start = code
        .find(&format!("// {object}"))
        .unwrap_or_else(|| panic!("{object} not in\n{code}"));
    let rest = &code[start + 3..];
    let end = rest.find("\n        // ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn classic_ambassadors_and_adapters_come_back_in_their_roles() {
    let file = Path::new("tests/corpus/pods/roles-classic.yaml");
    let code = import(file, &Options::default()).unwrap().code;
    for heading in ["Pod `classic-roles`", "Deployment `api`"] {
        let pod = object(&code, heading);
        for method in [
            ".classic_ambassador(",
            ".classic_adapter(",
            ".role_annotations()",
        ] {
            assert!(pod.contains(method), "{method} not in\n{pod}");
        }
        assert!(!pod.contains("k8s-dsl.io/roles"), "{pod}");
    }
    let pod = object(&code, "Pod `classic-roles`");
    assert!(pod.contains(".init_container(\n"), "{pod}");
    let deployment = object(&code, "Deployment `api`");
    assert!(deployment.contains(".sidecar(\n"), "{deployment}");
    assert!(
        deployment.contains(".annotation(\"team\", \"payments\")"),
        "{deployment}"
    );

    let macros = import(file, &MACROS).unwrap().code;
    let pod = object(&macros, "Pod `classic-roles`");
    assert!(pod.contains("k8s_dsl::pod! {"), "{pod}");
    for key in [
        "initContainers: [",
        "classicAmbassadors: [",
        "classicAdapters: [",
    ] {
        assert!(pod.contains(key), "{key} not in\n{pod}");
    }
}

#[test]
fn an_annotation_that_does_not_describe_the_containers_is_kept_and_not_trusted() {
    let code = import(
        Path::new("tests/corpus/pods/roles-classic.yaml"),
        &Options::default(),
    )
    .unwrap()
    .code;
    let pod = object(&code, "Pod `stale-roles`");
    assert!(
        pod.contains(".annotation(\"k8s-dsl.io/roles\", \"ambassador=old-proxy\")"),
        "{pod}"
    );
    assert!(!pod.contains("classic_"), "{pod}");
    assert!(!pod.contains(".role_annotations()"), "{pod}");
}

#[test]
fn the_examples_ambassador_and_adapter_need_the_annotation_to_be_recognised() {
    // The examples build without `.role_annotations()`: their output says only that these
    // are native sidecars (restartable init containers), so that is what the import writes.
    for (file, role) in [
        ("pod_ambassador.yaml", "ambassador"),
        ("pod_adapter.yaml", "adapter"),
    ] {
        let path = Path::new("tests/corpus/examples").join(file);
        let text = fs::read_to_string(&path).unwrap();
        let plain = import_str(file, &text, &Options::default()).unwrap().code;
        assert!(plain.contains(".sidecar(\n"), "{plain}");
        assert!(!plain.contains(&format!(".{role}(")), "{plain}");

        // With the annotation `.role_annotations()` writes, the role comes back.
        let first_document = text.split("\n---\n").next().unwrap();
        let value: serde_yaml::Value = serde_yaml::from_str(first_document).unwrap();
        let sidecar = value["spec"]["initContainers"][0]["name"].as_str().unwrap();
        let entry = format!("    k8s-dsl.io/roles: {role}={sidecar}\n");
        let annotated = if first_document.contains("\n  annotations:\n") {
            text.replacen(
                "\n  annotations:\n",
                &format!("\n  annotations:\n{entry}"),
                1,
            )
        } else {
            text.replacen(
                "metadata:\n",
                &format!("metadata:\n  annotations:\n{entry}"),
                1,
            )
        };
        let code = import_str(file, &annotated, &Options::default())
            .unwrap()
            .code;
        let first = code.split("\n        // ").nth(1).unwrap();
        assert!(first.contains(&format!(".{role}(\n")), "{first}");
        assert!(first.contains(".role_annotations()"), "{first}");
        assert!(!first.contains(".sidecar("), "{first}");
    }
}
