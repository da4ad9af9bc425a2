//! Stable file names for objects: `deployment_web.yaml`, `deployment_shop_web.yaml`.
//!
//! The name is the lowercase kind, the namespace when there is one, and the name, joined by
//! `_` and followed by the format's extension. Kubernetes names never contain `_`, so two
//! objects never share a file name unless they share kind, namespace and name; any character
//! outside `a-z`, `0-9`, `-` and `.` (possible only in custom objects) becomes `-`.

use crate::bundle::ObjectId;

use super::Format;

/// The file an object is written to in a directory: `{kind}_{name}.{ext}`, or
/// `{kind}_{namespace}_{name}.{ext}` for a namespaced object.
///
/// ```
/// use k8s_dsl::bundle::ObjectId;
/// use k8s_dsl::output::{file_name, Format};
///
/// let id = ObjectId { kind: "ConfigMap".into(), namespace: Some("shop".into()), name: "web-config".into() };
/// assert_eq!(file_name(&id, Format::Yaml), "configmap_shop_web-config.yaml");
/// ```
pub fn file_name(id: &ObjectId, format: Format) -> String {
    let mut parts = vec![part(&id.kind)];
    if let Some(namespace) = &id.namespace {
        parts.push(part(namespace));
    }
    parts.push(part(&id.name));
    format!("{}.{}", parts.join("_"), format.extension())
}

/// One part of a file name: lowercase, with anything but `a-z`, `0-9`, `-` and `.` replaced
/// by `-`; an empty part, or one of only dots, becomes `-` so no name is empty or `..`.
fn part(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.chars().all(|c| c == '.') {
        "-".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    fn id(kind: &str, namespace: Option<&str>, name: &str) -> ObjectId {
        ObjectId {
            kind: kind.to_owned(),
            namespace: namespace.map(str::to_owned),
            name: name.to_owned(),
        }
    }

    #[test]
    fn kind_namespace_and_name() {
        assert_eq!(
            file_name(&id("Deployment", None, "web"), Format::Yaml),
            "deployment_web.yaml"
        );
        assert_eq!(
            file_name(
                &id("HorizontalPodAutoscaler", Some("prod"), "web.v2"),
                Format::Json
            ),
            "horizontalpodautoscaler_prod_web.v2.json"
        );
    }

    #[test]
    fn names_that_are_no_file_names_are_cleaned() {
        assert_eq!(
            file_name(&id("Odd", None, "../x/y"), Format::Yaml),
            "odd_..-x-y.yaml"
        );
        assert_eq!(
            file_name(&id("Odd", None, ".."), Format::Yaml),
            "odd_-.yaml"
        );
        assert_eq!(file_name(&id("Odd", None, ""), Format::Yaml), "odd_-.yaml");
        assert_eq!(
            file_name(&id("Odd", Some("a_b"), "Ü"), Format::Yaml),
            "odd_a-b_-.yaml"
        );
    }
}
