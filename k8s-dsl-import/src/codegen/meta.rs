//! `metadata`: namespace, labels and annotations (the name goes to the constructor).

use super::fields::{Chain, Fields};

/// Writes `.namespace(..)` (when `namespaced`), `.label(..)` and `.annotation(..)` calls.
pub(crate) fn meta(metadata: &mut Fields, chain: &mut Chain, namespaced: bool) {
    if namespaced {
        if let Some(namespace) = metadata.str("namespace") {
            chain.text("namespace", &namespace);
        }
    }
    labels_and_annotations(metadata, chain);
}

/// Writes `.label(..)` and `.annotation(..)` calls.
pub(crate) fn labels_and_annotations(metadata: &mut Fields, chain: &mut Chain) {
    for (key, value) in metadata.string_map("labels").unwrap_or_default() {
        chain.pair("label", &key, &value);
    }
    for (key, value) in metadata.string_map("annotations").unwrap_or_default() {
        chain.pair("annotation", &key, &value);
    }
}
