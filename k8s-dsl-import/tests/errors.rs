//! Bad input gets an error with the file, document number and line; nothing panics; and
//! what has no builder method is reported with its path.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Command;

use k8s_dsl_import::{import, import_str, Options, ReadError};

fn errors(text: &str) -> Vec<ReadError> {
    match import_str("bad.yaml", text, &Options::default()) {
        Ok(generated) => panic!("expected errors, got:\n{}", generated.code),
        Err(errors) => errors,
    }
}

#[test]
fn invalid_yaml_is_reported_with_document_and_line() {
    let errors = errors("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: [unclosed\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    // The text has 7 lines; the unclosed list ends with the file, on line 7.
    assert_eq!((error.document, error.line), (Some(2), Some(7)), "{error}");
    assert!(
        error.to_string().starts_with("bad.yaml:7 (document 2): "),
        "{error}"
    );
}

#[test]
fn an_error_at_the_end_of_the_file_points_at_its_last_line() {
    // serde_yaml places these after the final newline, one line past the end of the file.
    for (text, lines) in [
        (
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\nfoo: [\n",
            6,
        ),
        (
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\nfoo: [",
            6,
        ),
        (
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\nfoo: [\n\n\n",
            8,
        ),
        ("a: \"unclosed\n", 1),
        ("a: {\n  b: 1\n", 2),
        ("- [\n", 1),
    ] {
        let errors = errors(text);
        let lines_in_text = text.lines().count();
        assert_eq!(lines_in_text, lines, "{text:?}");
        assert_eq!(errors.len(), 1, "{text:?}: {errors:?}");
        assert_eq!(errors[0].line, Some(lines), "{text:?}: {}", errors[0]);
    }
}

#[test]
fn an_error_before_the_end_keeps_its_own_line() {
    let syntax = errors("apiVersion: v1\nkind: [unclosed\nmetadata:\n  name: x\n");
    assert_eq!(syntax.len(), 1, "{syntax:?}");
    assert!(syntax[0].line < Some(4), "{}", syntax[0]);
    let typed = errors(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: 3\n# the end\n\n",
    );
    assert_eq!(typed[0].line, Some(6), "{}", typed[0]);
}

#[test]
fn a_document_that_is_not_an_object_is_reported() {
    let errors = errors("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n- just\n- a list\n---\nmetadata:\n  name: b\n");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!((errors[0].document, errors[0].line), (Some(2), Some(6)));
    assert!(errors[0].message.contains("found a list"), "{}", errors[0]);
    assert_eq!((errors[1].document, errors[1].line), (Some(3), Some(9)));
    assert!(
        errors[1].message.contains("`apiVersion` is missing"),
        "{}",
        errors[1]
    );
}

#[test]
fn a_wrong_field_type_is_reported_with_its_path_and_line() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: http\n";
    let errors = errors(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!((error.document, error.line), (Some(1), Some(10)), "{error}");
    assert!(
        error
            .message
            .contains("spec.containers[0].ports[0].containerPort"),
        "{error}"
    );
    assert!(error.message.contains("invalid type"), "{error}");
}

#[test]
fn metadata_must_be_a_mapping_and_a_list_needs_items() {
    let errors =
        errors("apiVersion: v1\nkind: Pod\nmetadata: web\n---\napiVersion: v1\nkind: List\n");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].message.contains("`metadata` must be a mapping"),
        "{}",
        errors[0]
    );
    assert!(errors[1].message.contains("`items`"), "{}", errors[1]);
}

#[test]
fn list_items_are_checked_one_by_one() {
    let errors = errors("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    ports: 80\n- 42\n");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].message.starts_with("items[0]: "), "{}", errors[0]);
    assert!(errors[1].message.starts_with("items[1]: "), "{}", errors[1]);
}

#[test]
fn hostile_input_never_panics() {
    let inputs = [
        "", "---", "---\n---\n", "~", "42", "\"text\"", "[", "{", ": :", "a: b: c", "\t- x",
        "apiVersion: 1\nkind: 2\n", "apiVersion: v1\nkind: Pod\n", "apiVersion: v1\nkind: Pod\nmetadata: {}\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec: 3\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  k: not-base64!\n",
        "apiVersion: v1\nkind: List\nitems: 3\n", "&a [*a]", "!!binary aGk=", "key: !custom tag\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"\\u0000\\u001b\"\ndata:\n  \"\\u00e9\": \"\\t\"\n",
    ];
    for input in inputs {
        let _ = import_str("hostile.yaml", input, &Options::default());
    }
}

#[test]
fn fields_without_a_builder_method_are_reported_with_their_paths() {
    let generated = import(
        Path::new("tests/corpus/pods/unsupported-fields.yaml"),
        &Options::default(),
    )
    .unwrap();
    let paths: Vec<&str> = generated
        .unsupported
        .iter()
        .map(|u| u.path.as_str())
        .collect();
    for path in [
        "spec.containers[0].securityContext.procMount",
        "spec.containers[0].lifecycle.stopSignal",
        "spec.containers[0].volumeMounts[0].readOnly",
        "spec.containers[0].livenessProbe",
        "metadata.finalizers",
    ] {
        assert!(paths.contains(&path), "{path} not in {paths:?}");
    }
    assert!(generated
        .code
        .contains("// `spec.containers[0].securityContext.procMount`: no builder method"));
    // The pod fields with builder methods are written with them.
    for (path, call) in [
        ("spec.os", ".os(OsName::Linux)"),
        ("spec.containers[0].resizePolicy", ".resize_policy("),
        ("spec.topologySpreadConstraints", ".topology_spread("),
    ] {
        assert!(!paths.contains(&path), "{path} in {paths:?}");
        assert!(generated.code.contains(call), "{call} not in the code");
    }
    let note = generated.unsupported[0].to_string();
    assert!(
        note.starts_with(
            "tests/corpus/pods/unsupported-fields.yaml document 1: Pod/unsupported: `"
        ),
        "{note}"
    );
}

#[test]
fn unknown_kinds_and_unknown_fields_are_kept_as_custom_resources() {
    let kinds = import(
        Path::new("tests/corpus/custom/unsupported-kinds.yaml"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(kinds.unsupported.len(), 1, "{:?}", kinds.unsupported);
    assert!(kinds.code.contains(
        "CustomResource::new(\"autoscaling/v1\", \"HorizontalPodAutoscaler\", \"legacy\")"
    ));
    // An Ingress, a Namespace and a ServiceAccount have builders now.
    assert!(kinds.code.contains("Ingress::new(\"web\")"));
    assert!(kinds.code.contains("Namespace::new(\"shop\")"));
    assert!(kinds.code.contains("ServiceAccount::new(\"reader\")"));
    let fields = import(
        Path::new("tests/corpus/custom/unknown-fields.yaml"),
        &Options::default(),
    )
    .unwrap();
    let paths: Vec<&str> = fields.unsupported.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(paths, ["spec.template.spec.containers[0].imagePullPolcy"]);
}

#[test]
fn the_command_prints_code_and_reports_errors_with_their_place() {
    let bin = env!("CARGO_BIN_EXE_k8s-dsl-import");
    let ok = Command::new(bin)
        .arg("tests/corpus/web-app.yaml")
        .output()
        .unwrap();
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("Deployment::new(\"web\")"));

    let dir = std::env::temp_dir().join(format!("k8s-dsl-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.yaml");
    std::fs::write(
        &bad,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\nfoo: [\n",
    )
    .unwrap();
    let failed = Command::new(bin).arg(&bad).output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    // The file has 6 lines: the list left open at the end is reported on the last one.
    assert!(stderr.contains("bad.yaml:6 (document 2): "), "{stderr}");

    let usage = Command::new(bin).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn without_rustfmt_the_code_is_printed_with_a_warning() {
    let bin = env!("CARGO_BIN_EXE_k8s-dsl-import");
    let file = "tests/corpus/web-app.yaml";
    // No `PATH`: no rustfmt to be found.
    let output = Command::new(bin)
        .arg(file)
        .env("PATH", "")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "warning: rustfmt was not found, so the code is printed as the importer indented it"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("`rustup component add rustfmt`"),
        "{stderr}"
    );
    // The code is the generator's own, unformatted, and still all there.
    let documents = k8s_dsl_import::read::read_path(Path::new(file)).unwrap();
    let unformatted = k8s_dsl_import::generate(file, &documents, &Options::default()).code;
    let formatted = import(Path::new(file), &Options::default()).unwrap();
    assert_ne!(unformatted, formatted.code);
    assert_eq!(String::from_utf8_lossy(&output.stdout), unformatted);
    // With rustfmt found, no warning.
    assert!(formatted.warnings.is_empty(), "{:?}", formatted.warnings);
    let with_path = Command::new(bin).arg(file).output().unwrap();
    assert!(
        with_path.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&with_path.stderr)
    );
}

#[test]
fn the_book_chapter_shows_the_real_output_for_its_file() {
    let chapter = std::fs::read_to_string("../book/src/import.md").unwrap();
    let corpus = "../../k8s-dsl-import/tests/corpus/web-app.yaml";
    let generated = "../../k8s-dsl-import/tests/generated/web_app.rs";
    assert!(chapter.contains(&format!("```yaml\n{{{{#include {corpus}}}}}\n```")));
    assert!(chapter.contains(&format!("```rust\n{{{{#include {generated}}}}}\n")));
    // The included code is what the tool prints for that file.
    let code = import(Path::new("tests/corpus/web-app.yaml"), &Options::default())
        .unwrap()
        .code;
    assert_eq!(
        std::fs::read_to_string("tests/generated/web_app.rs").unwrap(),
        code
    );
}
