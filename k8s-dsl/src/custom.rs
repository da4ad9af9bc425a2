//! Custom resources: any object with an `apiVersion` and a `kind`, such as a
//! VerticalPodAutoscaler, emitted like the built-in kinds.
//!
//! The metadata is checked like every other object's (name, namespace, labels, annotations);
//! the body is whatever serde makes of the value given to [`CustomResource::spec`] (a
//! `serde_json::json!` literal or any `T: Serialize`, such as a struct generated from the
//! CRD's schema). The body is not checked against the CRD: this crate does not know it.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let vpa = CustomResource::new("autoscaling.k8s.io/v1", "VerticalPodAutoscaler", "my-app-vpa")
//!     .spec(serde_json::json!({
//!         "targetRef": { "apiVersion": "apps/v1", "kind": "Deployment", "name": "my-app" },
//!         "updatePolicy": { "updateMode": "Auto" },
//!     }))
//!     .build()?;
//! let yaml = k8s_dsl::emit::to_yaml(&vpa)?;
//! assert!(yaml.starts_with("apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\n"));
//! assert!(yaml.contains("updateMode: Auto"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A typed body works the same way:
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! #[derive(serde::Serialize)]
//! #[serde(rename_all = "camelCase")]
//! struct BackupSpec { schedule: String, retention_days: u32 }
//!
//! let backup = CustomResource::new("example.com/v1", "Backup", "nightly")
//!     .namespace("db")
//!     .spec(BackupSpec { schedule: "0 3 * * *".into(), retention_days: 7 })
//!     .build()?;
//! assert_eq!(backup.fields["spec"]["retentionDays"], 7);
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::ser::SerializeMap;
use serde::Serialize;

use crate::meta::Meta;
use crate::rules::{names, shown};
use crate::validate::{Errors, FieldPath, Report, Warning};
use crate::workload::meta_methods;

/// The top-level keys that a custom resource's body may not set (they come from the builder).
const RESERVED: [&str; 3] = ["apiVersion", "kind", "metadata"];

/// A built custom resource: `apiVersion`, `kind`, `metadata`, then the body's top-level
/// fields (`spec`, ...) in key order.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let object: CustomObject = CustomResource::new("example.com/v1", "Backup", "nightly")
///     .spec(serde_json::json!({ "schedule": "0 3 * * *" }))
///     .build()?;
/// assert_eq!((object.api_version.as_str(), object.kind.as_str()), ("example.com/v1", "Backup"));
/// assert_eq!(object.metadata.name.as_deref(), Some("nightly"));
/// assert_eq!(object.fields["spec"]["schedule"], "0 3 * * *");
/// // Serialized: apiVersion, kind, metadata, then the fields.
/// let json = serde_json::to_string(&object).unwrap_or_default();
/// assert!(json.starts_with(r#"{"apiVersion":"example.com/v1","kind":"Backup","metadata":"#));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct CustomObject {
    /// `apiVersion`, such as `autoscaling.k8s.io/v1`.
    pub api_version: String,
    /// `kind`, such as `VerticalPodAutoscaler`.
    pub kind: String,
    /// The object's metadata.
    pub metadata: ObjectMeta,
    /// The other top-level fields (`spec`, ...).
    pub fields: BTreeMap<String, serde_json::Value>,
}

/// The fields of a Secret (`v1` `Secret`) that hold its values.
const SECRET_VALUES: [&str; 2] = ["data", "stringData"];

/// Whether an object of this `apiVersion` and `kind` is a core Secret.
fn is_secret(api_version: &str, kind: &str) -> bool {
    api_version == "v1" && kind == "Secret"
}

/// A field's value as `Debug` shows it: a Secret's `data` and `stringData` as their keys only
/// (the values are what a Secret keeps from logs), every other field as it is.
struct Shown<'a> {
    secret: bool,
    key: &'a str,
    value: Option<&'a serde_json::Value>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Some(serde_json::Value::Object(map))
                if self.secret && SECRET_VALUES.contains(&self.key) =>
            {
                let mut keys = f.debug_map();
                for key in map.keys() {
                    keys.entry(key, &format_args!("<hidden>"));
                }
                keys.finish()
            }
            Some(_) if self.secret && SECRET_VALUES.contains(&self.key) => f.write_str("<hidden>"),
            Some(value) => fmt::Debug::fmt(value, f),
            None => f.write_str("<not JSON>"),
        }
    }
}

/// `Debug` hides the values of a Secret (`data`, `stringData`: keys shown, values not), as
/// `Debug` of a built `Secret` does.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let secret = CustomResource::new("v1", "Secret", "db")
///     .field("stringData", serde_json::json!({ "password": "hunter2" }))
///     .build()?;
/// let shown = format!("{secret:?}");
/// assert!(shown.contains("password") && !shown.contains("hunter2"), "{shown}");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
impl fmt::Debug for CustomObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = is_secret(&self.api_version, &self.kind);
        let mut out = f.debug_struct("CustomObject");
        out.field("api_version", &self.api_version)
            .field("kind", &self.kind)
            .field("metadata", &self.metadata);
        let fields: BTreeMap<&str, Shown<'_>> = self
            .fields
            .iter()
            .map(|(key, value)| {
                let shown = Shown {
                    secret,
                    key,
                    value: Some(value),
                };
                (key.as_str(), shown)
            })
            .collect();
        out.field("fields", &fields).finish()
    }
}

impl Serialize for CustomObject {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.fields.len()))?;
        map.serialize_entry("apiVersion", &self.api_version)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("metadata", &self.metadata)?;
        for (key, value) in &self.fields {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A custom resource builder. See the [module docs](self).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // A kind without a `spec`: set its top-level fields one by one.
/// let (role, warnings) = CustomResource::new("rbac.authorization.k8s.io/v1", "ClusterRole", "reader")
///     .label("team", "platform")
///     .field("rules", serde_json::json!([{ "apiGroups": [""], "resources": ["pods"], "verbs": ["get"] }]))
///     .build_with_warnings()?;
/// assert_eq!(role.fields["rules"][0]["verbs"][0], "get");
/// assert!(warnings.is_empty());
///
/// // The builder owns apiVersion, kind and metadata; the kind is CamelCase:
/// let errors = CustomResource::new("example.com/v1", "backup", "nightly")
///     .field("metadata", serde_json::json!({}))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("kind", 0));
/// assert!(errors.has("metadata", 0));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Clone)]
pub struct CustomResource {
    api_version: String,
    kind: String,
    pub(crate) meta: Meta,
    fields: Vec<(String, Result<serde_json::Value, String>)>,
}

/// `Debug` hides the values of a Secret, as [`CustomObject`]'s does.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let secret = CustomResource::new("v1", "Secret", "db")
///     .field("data", serde_json::json!({ "password": "aHVudGVyMg==" }));
/// let shown = format!("{secret:?}");
/// assert!(shown.contains("password") && !shown.contains("aHVudGVyMg=="), "{shown}");
/// ```
impl fmt::Debug for CustomResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = is_secret(&self.api_version, &self.kind);
        let fields: Vec<(&str, Shown<'_>)> = self
            .fields
            .iter()
            .map(|(key, value)| {
                let shown = Shown {
                    secret,
                    key,
                    value: value.as_ref().ok(),
                };
                (key.as_str(), shown)
            })
            .collect();
        f.debug_struct("CustomResource")
            .field("api_version", &self.api_version)
            .field("kind", &self.kind)
            .field("meta", &self.meta)
            .field("fields", &fields)
            .finish()
    }
}

impl CustomResource {
    /// A `kind` object of `api_version` (`group/version`) called `name`.
    pub fn new(
        api_version: impl Into<String>,
        kind: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        CustomResource {
            api_version: api_version.into(),
            kind: kind.into(),
            meta: Meta::new(name),
            fields: Vec::new(),
        }
    }

    meta_methods!();

    /// The kind, for messages about the object before it is built.
    pub(crate) fn kind_name(&self) -> &str {
        &self.kind
    }

    /// Sets `spec` to `value` (a `serde_json::json!` literal or any `T: Serialize`).
    pub fn spec<T: Serialize>(self, value: T) -> Self {
        self.field("spec", value)
    }

    /// Sets another top-level field (`data`, `rules`, ...), for kinds without a `spec`.
    pub fn field<T: Serialize>(mut self, key: impl Into<String>, value: T) -> Self {
        let value = serde_json::to_value(value).map_err(|e| e.to_string());
        let key = key.into();
        self.fields.retain(|(k, _)| *k != key);
        self.fields.push((key, value));
        self
    }

    /// The API group and version (`autoscaling.k8s.io`, `v1`).
    fn check_api_version(&self, report: &mut Report) {
        let at = FieldPath::parse("apiVersion");
        let (group, version) = match self.api_version.rsplit_once('/') {
            Some((group, version)) => (Some(group), version),
            None => (None, self.api_version.as_str()),
        };
        if let Some(group) = group {
            if let Err(v) = names::dns1123_subdomain(group, 0, "api group") {
                report.violation(&at, v);
            }
        }
        let version_ok =
            version.starts_with('v') && names::dns1035_label(version, 0, "api version").is_ok();
        if !version_ok {
            report.error(
                &at,
                0,
                format!(
                    "{} is not `group/version` with a version such as `v1` or `v1beta1`",
                    shown(&self.api_version)
                ),
                "write it as in the CRD, such as `autoscaling.k8s.io/v1`",
            );
        }
    }

    /// The kind: a CamelCase identifier.
    fn check_kind(&self, report: &mut Report) {
        let ok = self
            .kind
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            && self.kind.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            report.error(
                &FieldPath::parse("kind"),
                0,
                format!("{} is not a kind", shown(&self.kind)),
                "use the CRD's kind, a CamelCase word such as `VerticalPodAutoscaler`",
            );
        }
    }

    /// The k8s form, or every error found.
    pub fn build(self) -> Result<CustomObject, Errors> {
        self.build_with_warnings().map(|(o, _)| o)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(CustomObject, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let object = self.to_k8s(&mut report);
        report.finish(object)
    }

    /// The custom object, checking everything into `report`.
    pub(crate) fn to_k8s(&self, report: &mut Report) -> CustomObject {
        self.check_api_version(report);
        self.check_kind(report);
        let metadata = self.meta.clone().into_object_meta();
        let mut fields = BTreeMap::new();
        for (key, value) in &self.fields {
            let at = FieldPath::parse(key);
            if RESERVED.contains(&key.as_str()) {
                report.error(
                    &at,
                    0,
                    format!("`{key}` is set by the builder, not by the body"),
                    "use `CustomResource::new(..)` and the metadata methods instead",
                );
                continue;
            }
            match value {
                Ok(value) => {
                    fields.insert(key.clone(), value.clone());
                }
                Err(message) => report.error(
                    &at,
                    0,
                    format!("cannot be turned into JSON: {message}"),
                    "give a value whose `Serialize` produces JSON (maps with string keys)",
                ),
            }
        }
        let object = CustomObject {
            api_version: self.api_version.clone(),
            kind: self.kind.clone(),
            metadata,
            fields,
        };
        // The metadata, and a built-in kind's every rule: the same pass as any other door.
        crate::validate::custom_into(&object, report);
        // A Secret's literal values, as `Secret::build` warns about them.
        if is_secret(&object.api_version, &object.kind) {
            for field in SECRET_VALUES {
                if let Some(serde_json::Value::Object(values)) = object.fields.get(field) {
                    crate::config::warn_literal_values(
                        &FieldPath::parse(field),
                        values.keys(),
                        report,
                    );
                }
            }
        }
        object
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

    #[test]
    fn workload_19_vertical_pod_autoscaler() {
        let vpa = CustomResource::new(
            "autoscaling.k8s.io/v1",
            "VerticalPodAutoscaler",
            "my-app-vpa",
        )
        .label("app", "my-app")
        .spec(serde_json::json!({
            "targetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "my-app"},
            "updatePolicy": {"updateMode": "Auto"}
        }))
        .build()
        .unwrap();
        let yaml = crate::emit::to_yaml(&vpa).unwrap();
        assert!(
            yaml.starts_with(
                "apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n"
            ),
            "{yaml}"
        );
        assert!(yaml.contains("name: my-app-vpa"), "{yaml}");
        assert!(yaml.contains("updateMode: Auto"), "{yaml}");
        let json = crate::emit::to_json(&vpa).unwrap();
        assert!(
            json.contains("\"kind\": \"VerticalPodAutoscaler\""),
            "{json}"
        );
    }

    #[test]
    fn metadata_api_version_and_kind_are_checked() {
        let errors = CustomResource::new("Not A Group/v1", "vpa", "Bad_Name")
            .label("bad key!", "v")
            .field("metadata", 1)
            .build()
            .unwrap_err();
        assert!(errors.has("apiVersion", 0), "{errors}");
        assert!(errors.has("kind", 0), "{errors}");
        assert!(
            errors.iter().any(|e| e.path.as_str() == "metadata.name"),
            "{errors}"
        );
        assert!(errors.has("metadata.labels", 8), "{errors}");
        assert!(errors.has("metadata", 0), "{errors}");
        let errors = CustomResource::new("example.com/1", "Thing", "x")
            .build()
            .unwrap_err();
        assert!(errors.has("apiVersion", 0));
        assert!(CustomResource::new("v1", "Thing", "x").build().is_ok());
    }

    #[test]
    fn a_secret_as_a_custom_resource_hides_its_values_and_warns_about_literals() {
        let resource = CustomResource::new("v1", "Secret", "db")
            .field("type", "Opaque")
            .field("data", serde_json::json!({ "password": "aHVudGVyMg==" }))
            .field("stringData", serde_json::json!({ "user": "admin-name" }));
        let shown = format!("{resource:?}");
        for hidden in ["aHVudGVyMg==", "admin-name"] {
            assert!(!shown.contains(hidden), "{shown}");
        }
        assert!(
            shown.contains("password") && shown.contains("Opaque"),
            "{shown}"
        );
        let (object, warnings) = resource.build_with_warnings().unwrap();
        let shown = format!("{object:?}");
        for hidden in ["aHVudGVyMg==", "admin-name"] {
            assert!(!shown.contains(hidden), "{shown}");
        }
        assert!(
            shown.contains("user") && shown.contains("Opaque"),
            "{shown}"
        );
        let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["data", "stringData"], "{warnings:?}");
        assert!(warnings.iter().all(|w| w.message.contains("plain text")));
        // Another kind's fields are shown, and get no such warning.
        let (other, warnings) = CustomResource::new("example.com/v1", "Secret", "x")
            .field("data", serde_json::json!({ "k": "visible" }))
            .build_with_warnings()
            .unwrap();
        assert!(format!("{other:?}").contains("visible"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn unserializable_bodies_are_errors_not_panics() {
        let mut map = BTreeMap::new();
        map.insert((1, 2), "x");
        let errors = CustomResource::new("example.com/v1", "Thing", "x")
            .spec(map)
            .build()
            .unwrap_err();
        assert!(errors.has("spec", 0), "{errors}");
    }
}
