//! Object metadata: name, namespace, labels and annotations, shared by every object kind.
//!
//! Each builder keeps a [`Meta`] and turns it into k8s-openapi's `ObjectMeta` when it is
//! built, checking the name with the rule of the object kind (pods: rule 1,
//! services: rule 2, ...), the namespace (a DNS-1123 label), label keys and values (rule 8) and
//! annotation keys and total size (rule 9).
//!
//! ```
//! use k8s_dsl::meta::Meta;
//!
//! let meta = Meta::new("web").namespace("shop").label("app", "web").annotation("team", "store");
//! assert_eq!(meta.labels.get("app").map(String::as_str), Some("web"));
//! ```

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use crate::rules::Checked;
use crate::validate::{At, Report};

/// The name, namespace, labels and annotations of an object (or of a pod template, which has
/// no name).
///
/// ```
/// use k8s_dsl::meta::Meta;
///
/// let meta = Meta::new("web")
///     .namespace("shop")
///     .label("app", "web")
///     .labels([("tier", "frontend"), ("track", "stable")])
///     .annotation("team", "store")
///     .annotations([("example.com/owner", "alice")]);
/// assert_eq!(meta.name.as_deref(), Some("web"));
/// assert_eq!(meta.namespace.as_deref(), Some("shop"));
/// assert_eq!(meta.labels.keys().collect::<Vec<_>>(), ["app", "tier", "track"]);
/// assert_eq!(meta.annotations.len(), 2);
///
/// // A pod template's metadata has no name:
/// let template = Meta::unnamed().label("app", "web");
/// assert_eq!(template.name, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// `metadata.name`; `None` for a pod template, or for an object named by the API server
    /// from [`Meta::generate_name`].
    pub name: Option<String>,
    /// `metadata.generateName`: the prefix of a name the API server makes unique (five random
    /// characters are added), for objects created again and again, such as the Job of each
    /// run.
    pub generate_name: Option<String>,
    /// `metadata.namespace`; `None` leaves it to the client (kubectl's current namespace).
    pub namespace: Option<String>,
    /// `metadata.labels`, sorted by key.
    pub labels: BTreeMap<String, String>,
    /// `metadata.annotations`, sorted by key.
    pub annotations: BTreeMap<String, String>,
}

impl Meta {
    /// The metadata of an object called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Meta {
            name: Some(name.into()),
            ..Meta::default()
        }
    }

    /// The metadata of a template: no name.
    pub fn unnamed() -> Self {
        Meta::default()
    }

    /// The metadata of an object named by the API server: `prefix` and five random characters
    /// (`metadata.generateName`). The prefix follows the name rule of the object's kind, with
    /// a trailing `-` allowed.
    ///
    /// ```
    /// use k8s_dsl::meta::Meta;
    ///
    /// let meta = Meta::generated("migrate-");
    /// assert_eq!(meta.name, None);
    /// assert_eq!(meta.generate_name.as_deref(), Some("migrate-"));
    /// ```
    pub fn generated(prefix: impl Into<String>) -> Self {
        Meta {
            generate_name: Some(prefix.into()),
            ..Meta::default()
        }
    }

    /// Sets `metadata.generateName` (see [`Meta::generated`]).
    pub fn generate_name(mut self, prefix: impl Into<String>) -> Self {
        self.generate_name = Some(prefix.into());
        self
    }

    /// Whether the object has a name, or a prefix for the API server to make one from.
    pub fn is_named(&self) -> bool {
        self.name.is_some() || self.generate_name.is_some()
    }

    /// Sets `metadata.namespace`.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// Adds (or replaces) the label `key: value`.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.labels.insert(key.into(), value.into());
        self
    }

    /// Adds (or replaces) several labels.
    pub fn labels<K, V>(mut self, labels: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        self.labels
            .extend(labels.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Adds (or replaces) the annotation `key: value`.
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.annotations.insert(key.into(), value.into());
        self
    }

    /// Adds (or replaces) several annotations.
    pub fn annotations<K, V>(mut self, annotations: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        self.annotations
            .extend(annotations.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// The k8s-openapi `ObjectMeta`, checking every field into `report`.
    ///
    /// `path` is the path of the metadata itself (`metadata`, or `spec.template.metadata` for
    /// a template). Errors land at `<path>.name` (checked with `name_rule`, only when a name
    /// is set), `<path>.namespace`, `<path>.labels[<key>]` (rule 8, key and value),
    /// `<path>.annotations[<key>]` (rule 9, key) and `<path>.annotations` (rule 9, total size).
    /// Empty label and annotation maps are left out of the output.
    pub(crate) fn to_k8s(
        &self,
        path: &At<'_>,
        report: &mut Report,
        name_rule: fn(&str) -> Checked,
    ) -> ObjectMeta {
        self.clone().into_k8s(path, report, name_rule)
    }

    /// Like [`Meta::to_k8s`], moving the names, labels and annotations into the result.
    pub(crate) fn into_k8s(
        self,
        path: &At<'_>,
        report: &mut Report,
        name_rule: fn(&str) -> Checked,
    ) -> ObjectMeta {
        let meta = self.into_object_meta();
        crate::validate::meta::object_meta(&meta, path, name_rule, report);
        meta
    }

    /// The k8s-openapi `ObjectMeta`, unchecked (for an object checked as a whole by
    /// [`crate::validate`]).
    pub(crate) fn into_object_meta(self) -> ObjectMeta {
        ObjectMeta {
            name: self.name,
            generate_name: self.generate_name,
            namespace: self.namespace,
            labels: non_empty_map(self.labels),
            annotations: non_empty_map(self.annotations),
            ..ObjectMeta::default()
        }
    }
}

/// `Some(map)` unless it is empty, so empty maps are not emitted.
pub(crate) fn non_empty(map: &BTreeMap<String, String>) -> Option<BTreeMap<String, String>> {
    non_empty_map(map.clone())
}

/// `Some(map)` unless it is empty (the map moves; see [`non_empty`]).
pub(crate) fn non_empty_map<K, V>(map: BTreeMap<K, V>) -> Option<BTreeMap<K, V>> {
    (!map.is_empty()).then_some(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::names;

    fn check(meta: &Meta) -> Report {
        let mut report = Report::new();
        meta.to_k8s(&At::root().field("metadata"), &mut report, names::pod_name);
        report
    }

    fn has(report: &Report, path: &str, rule: u16) -> bool {
        report
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == rule)
    }

    #[test]
    fn valid_metadata_is_copied() {
        let meta = Meta::new("web")
            .namespace("shop")
            .labels([("app", "web"), ("tier", "front")])
            .annotations([("build", "two")]);
        let mut report = Report::new();
        let out = meta.to_k8s(&At::root().field("metadata"), &mut report, names::pod_name);
        assert!(report.errors().is_empty(), "{:?}", report.errors());
        assert_eq!(out.name.as_deref(), Some("web"));
        assert_eq!(out.namespace.as_deref(), Some("shop"));
        assert_eq!(out.labels.map(|l| l.len()), Some(2));
        assert_eq!(out.annotations.map(|a| a.len()), Some(1));
    }

    #[test]
    fn empty_maps_are_not_emitted() {
        let mut report = Report::new();
        let out = Meta::unnamed().to_k8s(
            &crate::validate::FieldPath::parse("spec.template.metadata").at(),
            &mut report,
            names::pod_name,
        );
        assert!(report.errors().is_empty());
        assert_eq!(out, ObjectMeta::default());
    }

    #[test]
    fn rule_1_name_checked_with_the_given_rule() {
        let report = check(&Meta::new("Bad_Name"));
        assert!(has(&report, "metadata.name", 1), "{:?}", report.errors());
    }

    #[test]
    fn rule_8_label_key_and_value() {
        let report = check(
            &Meta::new("web")
                .label("bad key", "ok")
                .label("app", "bad value!")
                .label("example.com/tier", "front"),
        );
        // Both at the map, as the API server reports them; the messages name the keys.
        assert!(has(&report, "metadata.labels", 8));
        assert_eq!(report.errors().len(), 2, "{:?}", report.errors());
        assert!(report
            .errors()
            .iter()
            .all(|e| e.path.as_str() == "metadata.labels"));
        assert!(report
            .errors()
            .iter()
            .any(|e| e.message.contains("`bad key`")));
        assert!(report
            .errors()
            .iter()
            .any(|e| e.message.contains("label `app`")));
    }

    #[test]
    fn rule_9_annotation_key_and_total_size() {
        let report = check(
            &Meta::new("web")
                .annotation("bad key", "x")
                .annotation("big", "x".repeat(300 * 1024)),
        );
        // The key and the size, both at the map, as the API server reports them.
        assert_eq!(report.errors().len(), 2, "{:?}", report.errors());
        assert!(report
            .errors()
            .iter()
            .all(|e| e.path.as_str() == "metadata.annotations" && e.rule == 9));
        assert!(report
            .errors()
            .iter()
            .any(|e| e.message.contains("`bad key`")));
    }

    #[test]
    fn rule_11_namespace_is_a_dns_label() {
        let report = check(&Meta::new("web").namespace("My.Namespace"));
        assert!(
            has(&report, "metadata.namespace", 11),
            "{:?}",
            report.errors()
        );
    }
}
