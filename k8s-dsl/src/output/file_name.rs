//! Stable file names for objects: `deployment_web.yaml`, `deployment_shop_web.yaml`.
//!
//! The name is the lowercase kind, the namespace when there is one, and the name, joined by
//! `_` and followed by the format's extension. Kubernetes names never contain `_`, so two
//! objects never share a file name unless they share kind, namespace and name; any character
//! outside `a-z`, `0-9`, `-` and `.` (possible only in custom objects) becomes `-`.
//!
//! A name longer than [`MAX_FILE_NAME`] (255 bytes, the limit of common file systems; a
//! namespace of 63 characters and a name of 253 make 330) is shortened deterministically:
//! its start is kept, and `-` and the first 16 hex digits of the SHA-256 of the whole name
//! (without the extension) take the place of the rest, so the file name stays 255 bytes and
//! two long names never share one. Shorter names are as they were.

use sha2::{Digest, Sha256};

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
///
/// // The longest valid names are shortened to 255 bytes, with a hash of the whole name:
/// let long = ObjectId { kind: "ConfigMap".into(), namespace: Some("n".repeat(63)), name: "a".repeat(253) };
/// let name = file_name(&long, Format::Yaml);
/// assert_eq!(name.len(), 255);
/// assert!(name.starts_with(&format!("configmap_{}_aaa", "n".repeat(63))));
/// assert!(name.ends_with(".yaml"));
/// ```
pub fn file_name(id: &ObjectId, format: Format) -> String {
    let mut parts = vec![part(&id.kind)];
    if let Some(namespace) = &id.namespace {
        parts.push(part(namespace));
    }
    parts.push(part(&id.name));
    let stem = parts.join("_");
    let extension = format.extension();
    if stem.len() + 1 + extension.len() <= MAX_FILE_NAME {
        return format!("{stem}.{extension}");
    }
    let hash: String = Sha256::digest(stem.as_bytes())
        .iter()
        .take(HASH_DIGITS / 2)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let keep = MAX_FILE_NAME - (1 + HASH_DIGITS) - (1 + extension.len());
    // Every part is ASCII, so any byte index is a character boundary.
    let start = stem.get(..keep).unwrap_or(&stem);
    format!("{start}-{hash}.{extension}")
}

/// The longest file name written, in bytes (the limit of ext4, XFS, btrfs, APFS and NTFS).
///
/// ```
/// use k8s_dsl::bundle::ObjectId;
/// use k8s_dsl::output::{file_name, Format, MAX_FILE_NAME};
///
/// let id = ObjectId { kind: "Secret".into(), namespace: Some("x".repeat(63)), name: "y".repeat(253) };
/// assert!(file_name(&id, Format::Json).len() <= MAX_FILE_NAME);
/// ```
pub const MAX_FILE_NAME: usize = 255;

/// Hex digits of the hash that ends a shortened name.
const HASH_DIGITS: usize = 16;

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
