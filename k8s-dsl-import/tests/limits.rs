//! Bounded work on any input: nesting, documents, size and the rustfmt step each have a
//! limit (`k8s_dsl_import::limits`), checked before the work they bound, and an input past
//! one is an error naming it (issue 23, issue 20 item 2). These tests check that the limits
//! hold, not how fast; the times are measured apart (see the book's performance chapter).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use k8s_dsl_import::limits::{MAX_DEPTH, MAX_DOCUMENTS, MAX_FILE_BYTES};
use k8s_dsl_import::read::read_str;
use k8s_dsl_import::{import_str, Options};

fn config_map(i: usize) -> String {
    format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndata:\n  k: v\n")
}

#[test]
fn nesting_past_the_limit_is_an_error_naming_it_before_any_yaml_is_parsed() {
    // Issue 23: a 200 KB file nested 100k deep took 25 s.
    let deep = format!(
        "{}data: {}{}\n",
        config_map(0),
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let errors = read_str("deep.yaml", &deep).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, Some(7));
    assert!(
        errors[0].message.ends_with(&format!(
            "over the importer's nesting limit of {MAX_DEPTH}; no Kubernetes object needs as many"
        )),
        "{}",
        errors[0]
    );
    // Block style counts as well as flow style.
    let block: String = (0..100)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    let errors = read_str("block.yaml", &format!("{}{block}", config_map(0))).unwrap_err();
    assert!(errors[0].message.contains("nesting limit"), "{}", errors[0]);
    // Just under the limit is read.
    let fine = format!(
        "apiVersion: example.com/v1\nkind: Deep\nmetadata:\n  name: d\nspec: {}1{}\n",
        "[".repeat(MAX_DEPTH - 2),
        "]".repeat(MAX_DEPTH - 2)
    );
    assert!(read_str("fine.yaml", &fine).is_ok());
}

#[test]
fn documents_past_the_limit_are_an_error_naming_it() {
    // Issue 23: 4000 documents took 25 s, each re-reading the file from its start.
    let many: Vec<String> = (0..=MAX_DOCUMENTS).map(config_map).collect();
    let errors = read_str("many.yaml", &many.join("---\n")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].message,
        "10001 documents or more, over the importer's limit of 10000 documents per import; split the input"
    );
    // 4000 are read, each once, in order.
    let documents = read_str("many.yaml", &many[..4000].join("---\n")).unwrap();
    assert_eq!(documents.len(), 4000);
    assert_eq!(documents[3999].name(), "c3999");
    assert_eq!(documents[3999].line, 3999 * 7 + 1);
}

#[test]
fn text_past_the_size_limit_is_an_error_naming_it() {
    let big = format!(
        "{}data:\n  k: \"{}\"\n",
        config_map(0),
        "x".repeat(MAX_FILE_BYTES)
    );
    let errors = read_str("big.yaml", &big).unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("over the importer's limit of 16777216 bytes (16 MiB) per file"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_mistake_in_one_of_many_documents_is_found_with_its_line() {
    let mut many: Vec<String> = (0..50).map(config_map).collect();
    many[42] =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: 80\n".to_owned();
    let errors = read_str("many.yaml", &many.join("---\n")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].document, errors[0].line),
        (Some(43), Some(42 * 7 + 6))
    );
    assert!(
        errors[0].message.starts_with("spec.ports: "),
        "{}",
        errors[0]
    );
}

#[test]
fn code_rustfmt_would_choke_on_is_left_unformatted_with_the_warning() {
    // Issue 20: 120 nested flow lists (300 bytes) kept rustfmt busy for 4 minutes.
    let nested = format!(
        "apiVersion: example.com/v1\nkind: Deep\nmetadata:\n  name: d\nspec: {}1{}\n",
        "[".repeat(60),
        "]".repeat(60)
    );
    let generated = import_str("nested.yaml", &nested, &Options::default()).unwrap();
    assert_eq!(generated.warnings.len(), 1, "{:?}", generated.warnings);
    assert!(
        generated.warnings[0].contains("past the 40 that rustfmt formats"),
        "{:?}",
        generated.warnings
    );
    assert!(generated
        .code
        .contains("CustomResource::new(\"example.com/v1\", \"Deep\", \"d\")"));
}

#[test]
fn a_byte_order_mark_is_read_as_kubectl_reads_it() {
    let documents = read_str("bom.yaml", &format!("\u{feff}{}", config_map(0))).unwrap();
    assert_eq!(documents[0].name(), "c0");
}
