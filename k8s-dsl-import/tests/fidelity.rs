//! The importer reads what kubectl reads, and writes code that compiles: YAML 1.1 octal
//! modes, a mistyped scalar named by its field, integers beyond `i32`, placeholder images
//! (issue 23 item 3, issue 20 item 4). The generated code of the corpus files
//! `custom/kafka-topic-big-integers.yaml` and `pods/placeholder-image.yaml` is compiled and
//! run by `roundtrip.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use k8s_dsl_import::read::read_str;
use k8s_dsl_import::{import_str, Options};

fn pod_with_volume(mode: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n  volumes:\n  - name: s\n    secret:\n      secretName: s\n      defaultMode: {mode}\n      items:\n      - {{key: k, path: k, mode: {mode}}}\n"
    )
}

#[test]
fn modes_written_0400_are_octal_as_kubectl_reads_them_and_printed_as_0o400() {
    let documents = read_str("p.yaml", &pod_with_volume("0400")).unwrap();
    let secret = &documents[0].value["spec"]["volumes"][0]["secret"];
    assert_eq!(secret["defaultMode"], 256);
    assert_eq!(secret["items"][0]["mode"], 256);
    for macros in [false, true] {
        // Without `items`, which the builders keep with `Volume::from_k8s`.
        let yaml = pod_with_volume("0400");
        let yaml = &yaml[..yaml.find("      items:").unwrap()];
        let code = import_str("p.yaml", yaml, &Options { macros })
            .unwrap()
            .code;
        assert!(code.contains("0o400"), "{code}");
    }
    // Quoted, it is a string to kubectl too: refused, with its field.
    let errors = read_str("p.yaml", &pod_with_volume("\"0400\"")).unwrap_err();
    assert!(errors[0].message.contains("defaultMode"), "{}", errors[0]);
    // `0o400` (YAML 1.2) and `256` are read as before.
    assert!(read_str("p.yaml", &pod_with_volume("256")).is_ok());
}

#[test]
fn a_mistyped_scalar_keeps_the_typed_object_and_is_reported_with_its_field_and_type() {
    // The API server refuses `value: 8080` (a number where EnvVar.value is a string); what was
    // meant is plain, so the Pod stays a Pod, with the string, and a warning names the field.
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    env:\n    - name: PORT\n      value: 8080\n";
    let documents = read_str("p.yaml", yaml).unwrap();
    assert_eq!(
        documents[0].value["spec"]["containers"][0]["env"][0]["value"],
        "8080"
    );
    assert_eq!(
        documents[0].warnings,
        ["`spec.containers[0].env[0].value` is the integer `8080` where the API takes a string, so the API server refuses the file as written; imported as the string \"8080\": quote it in the file too"]
    );
    for macros in [false, true] {
        let generated = import_str("p.yaml", yaml, &Options { macros }).unwrap();
        assert!(
            !generated.code.contains("CustomResource"),
            "{}",
            generated.code
        );
        assert!(generated.code.contains("\"8080\""), "{}", generated.code);
        assert!(
            generated
                .unsupported
                .iter()
                .all(|n| !n.to_string().contains("has no builder")),
            "{:?}",
            generated.unsupported
        );
        let warnings: Vec<&String> = generated
            .warnings
            .iter()
            .filter(|w| w.contains("env[0].value"))
            .collect();
        assert_eq!(warnings.len(), 1, "{:?}", generated.warnings);
        assert!(
            warnings[0].starts_with(
                "p.yaml document 1: Pod/p: `spec.containers[0].env[0].value` is the integer `8080`"
            ),
            "{}",
            warnings[0]
        );
    }
    // A Secret's `stringData` with a boolean, in a `List` item: the same.
    let list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: s\n  stringData:\n    enabled: true\n";
    let documents = read_str("s.yaml", list).unwrap();
    assert_eq!(documents[0].value["stringData"]["enabled"], "true");
    assert!(documents[0].warnings[0].contains("`stringData.enabled` is the boolean `true`"));
    let generated = import_str("s.yaml", list, &Options { macros: false }).unwrap();
    assert!(
        !generated.code.contains("CustomResource"),
        "{}",
        generated.code
    );
    // The same number in two places cannot be told apart: an error, as before, never a guess.
    let twice = yaml.replace(
        "    env:",
        "    ports:\n    - containerPort: 8080\n    env:",
    );
    let errors = read_str("p.yaml", &twice).unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("invalid type: integer `8080`, expected a string"),
        "{}",
        errors[0]
    );
    // Another type error (a string where a number goes) is an error with its field.
    let port = yaml
        .replace(
            "    env:",
            "    ports:\n    - containerPort: http\n    env:",
        )
        .replace("value: 8080", "value: \"8080\"");
    let errors = read_str("p.yaml", &port).unwrap_err();
    assert!(errors[0].message.contains("containerPort"), "{}", errors[0]);
}

#[test]
fn an_image_that_looks_like_a_placeholder_is_a_warning_and_json_not_code_that_fails() {
    let yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: \"{{ .Values.image }}\"\n";
    for macros in [false, true] {
        let generated = import_str("web.yaml", yaml, &Options { macros }).unwrap();
        let warnings: Vec<&String> = generated
            .warnings
            .iter()
            .filter(|w| !w.contains("rustfmt"))
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("`spec.template.spec.containers[0].image` is \"{{ .Values.image }}\", which looks like a placeholder"),
            "{}",
            warnings[0]
        );
        assert!(
            generated
                .code
                .contains("Object::Deployment(serde_json::from_value("),
            "{}",
            generated.code
        );
        assert!(!generated.code.contains("pod!") && !generated.code.contains(".image("));
    }
}

#[test]
fn integers_beyond_i32_are_written_with_their_type() {
    let yaml = "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config:\n    retention.bytes: 107374182400\n";
    let code = import_str("t.yaml", yaml, &Options::default())
        .unwrap()
        .code;
    assert!(
        code.contains("\"retention.bytes\": 107374182400_i64"),
        "{code}"
    );
}

#[test]
fn a_secret_kept_as_a_custom_resource_gets_the_literal_data_warning() {
    let yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: hunter2\nextra: 1\n";
    let generated = import_str("s.yaml", yaml, &Options::default()).unwrap();
    assert!(
        generated.code.contains("Object::Custom("),
        "{}",
        generated.code
    );
    let warnings: Vec<&String> = generated
        .warnings
        .iter()
        .filter(|w| !w.contains("rustfmt"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("s.yaml document 1: Secret/s: a Secret kept as a `CustomResource`: its values are literals"), "{}", warnings[0]);
    // A Secret that is a `Secret` gets the builder's own warning at `build()`, not this one.
    let plain = import_str(
        "s.yaml",
        &yaml.replace("extra: 1\n", ""),
        &Options::default(),
    )
    .unwrap();
    assert!(
        plain.warnings.iter().all(|w| w.contains("rustfmt")),
        "{:?}",
        plain.warnings
    );
}
