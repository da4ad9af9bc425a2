//! JSON values to typed [`Object`]s, and the fields the typed object does not keep.

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

use crate::bundle::Object;
use crate::custom::CustomObject;

/// A field whose value does not fit its type (`spec.replicas: "three"`), as the API server
/// refuses to decode it.
///
/// ```
/// use k8s_dsl::read::object_from_value;
/// use serde_json::json;
///
/// let pod = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": 3}});
/// let error = object_from_value(&pod).err().ok_or("expected a type error")?;
/// assert_eq!(error.path, "spec.containers");
/// assert!(error.message.starts_with("invalid type: integer `3`, expected a sequence"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// The field's path (`spec.containers[0].ports`), empty for the object itself.
    pub path: String,
    /// What the value is and what the field needs.
    pub message: String,
}

/// How a kind that [`Object`] holds typed is read: the typed object, and the typed object
/// written back as JSON.
pub(crate) type ReadTyped = fn(&Value) -> Result<(Object, Value), TypeError>;

/// Whether `apiVersion` and `kind` name a kind that [`Object`] holds typed (not as a
/// [`CustomObject`]).
///
/// ```
/// use k8s_dsl::read::is_typed_kind;
///
/// assert!(is_typed_kind("apps/v1", "Deployment"));
/// assert!(is_typed_kind("networking.k8s.io/v1", "NetworkPolicy"));
/// assert!(!is_typed_kind("v1", "Deployment"));
/// assert!(!is_typed_kind("example.com/v1", "Widget"));
/// ```
pub fn is_typed_kind(api_version: &str, kind: &str) -> bool {
    crate::bundle::typed_kind(api_version, kind).is_some()
}

/// Every kind that [`Object`] holds typed, as `(apiVersion, kind)`: the kinds of the
/// bundle, which reading a manifest turns into their k8s-openapi types.
///
/// ```
/// use k8s_dsl::read::typed_kinds;
///
/// let kinds: Vec<(&str, &str)> = typed_kinds().collect();
/// assert!(kinds.contains(&("rbac.authorization.k8s.io/v1", "RoleBinding")));
/// assert!(kinds.contains(&("v1", "Secret")));
/// ```
pub fn typed_kinds() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::bundle::typed_kinds()
}

/// Reads a JSON object into the [`Object`] of its kind (typed when `Object` knows the kind,
/// else a [`CustomObject`]), with the fields of the input that the typed object does not
/// keep: the unknown fields that the API server's strict field validation refuses, each as
/// `(path, value)`. `null` fields mean "not set" and are never unknown.
///
/// ```
/// use k8s_dsl::read::object_from_value;
/// use serde_json::json;
///
/// let deployment = json!({
///     "apiVersion": "apps/v1",
///     "kind": "Deployment",
///     "metadata": {"name": "web", "labels": null},
///     "spec": {
///         "replica": 3,
///         "selector": {"matchLabels": {"app": "web"}},
///         "template": {
///             "metadata": {"labels": {"app": "web"}},
///             "spec": {"containers": [{"name": "web", "image": "nginx:1.27", "imagePullPolicy": "Always", "port": 80}]}
///         }
///     }
/// });
/// let (object, unknown) = object_from_value(&deployment)?;
/// assert_eq!(object.kind(), "Deployment");
/// let paths: Vec<&str> = unknown.iter().map(|(path, _)| path.as_str()).collect();
/// assert_eq!(paths, ["spec.replica", "spec.template.spec.containers[0].port"]);
///
/// // Kinds without a typed form stay custom objects; their metadata is still checked.
/// let widget = json!({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "nmae": "x"}, "spec": {"size": 3}});
/// let (object, unknown) = object_from_value(&widget)?;
/// assert_eq!(object.kind(), "Widget");
/// assert_eq!(unknown, [("metadata.nmae".to_owned(), json!("x"))]);
/// # Ok::<(), k8s_dsl::read::TypeError>(())
/// ```
pub fn object_from_value(value: &Value) -> Result<(Object, Vec<(String, Value)>), TypeError> {
    let api_version = value
        .get("apiVersion")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let kind = value
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default();
    match crate::bundle::typed_kind(api_version, kind) {
        Some(typed) => {
            let (object, back) = (typed.read)(value)?;
            let unknown = unknown_fields(value, &back);
            Ok((object, unknown))
        }
        None => custom(value),
    }
}

fn type_error(error: serde_path_to_error::Error<serde_json::Error>) -> TypeError {
    let path = error.path().to_string();
    TypeError {
        path: if path == "." { String::new() } else { path },
        message: error.into_inner().to_string(),
    }
}

/// Reads `value` into `T`: the [`Object`], and `T` written back as JSON.
pub(crate) fn read_typed<T>(value: &Value) -> Result<(Object, Value), TypeError>
where
    T: DeserializeOwned + Serialize,
    Object: From<T>,
{
    let object: T = serde_path_to_error::deserialize(value).map_err(type_error)?;
    let back = serde_json::to_value(&object).map_err(|e| TypeError {
        path: String::new(),
        message: e.to_string(),
    })?;
    Ok((Object::from(object), back))
}

fn custom(value: &Value) -> Result<(Object, Vec<(String, Value)>), TypeError> {
    let Some(map) = value.as_object() else {
        return Err(TypeError {
            path: String::new(),
            message: "expected a mapping".to_owned(),
        });
    };
    let text = |key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let metadata_value = map.get("metadata").cloned().unwrap_or(Value::Null);
    let metadata: ObjectMeta = if metadata_value.is_null() {
        ObjectMeta::default()
    } else {
        serde_path_to_error::deserialize(&metadata_value).map_err(|e| {
            let inner = type_error(e);
            TypeError {
                path: if inner.path.is_empty() {
                    "metadata".to_owned()
                } else {
                    format!("metadata.{}", inner.path)
                },
                message: inner.message,
            }
        })?
    };
    let back = serde_json::to_value(&metadata).map_err(|e| TypeError {
        path: "metadata".to_owned(),
        message: e.to_string(),
    })?;
    let mut unknown = Vec::new();
    walk_unknown(&metadata_value, &back, "metadata".to_owned(), &mut unknown);
    let fields = map
        .iter()
        .filter(|(key, _)| !matches!(key.as_str(), "apiVersion" | "kind" | "metadata"))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let object = CustomObject {
        api_version: text("apiVersion"),
        kind: text("kind"),
        metadata,
        fields,
    };
    Ok((Object::Custom(object), unknown))
}

/// The fields of `original` that `typed` (the same object read into its type and written back)
/// does not have, as `(path, value)`: the fields the type does not know. Paths are written as
/// the API server prints them (`spec.containers[0].port`); `null` fields are skipped.
///
/// ```
/// use k8s_dsl::read::unknown_fields;
/// use serde_json::json;
///
/// let original = json!({"spec": {"containers": [{"name": "a", "colour": "red"}], "x": null}});
/// let typed = json!({"spec": {"containers": [{"name": "a"}]}});
/// assert_eq!(unknown_fields(&original, &typed), [("spec.containers[0].colour".to_owned(), json!("red"))]);
/// ```
pub fn unknown_fields(original: &Value, typed: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    walk_unknown(original, typed, String::new(), &mut out);
    out
}

fn walk_unknown(original: &Value, typed: &Value, path: String, out: &mut Vec<(String, Value)>) {
    let mut path = path;
    walk_unknown_in(original, typed, &mut path, out);
}

/// [`walk_unknown`] with one path buffer for the whole walk: each step appends to it and
/// truncates it again, so nothing is allocated for the fields the type knows.
fn walk_unknown_in(
    original: &Value,
    typed: &Value,
    path: &mut String,
    out: &mut Vec<(String, Value)>,
) {
    let length = path.len();
    match (original, typed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                if value.is_null() {
                    continue;
                }
                if length > 0 {
                    path.push('.');
                }
                path.push_str(key);
                match b.get(key) {
                    Some(t) => walk_unknown_in(value, t, path, out),
                    None => out.push((path.clone(), value.clone())),
                }
                path.truncate(length);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (value, t)) in a.iter().zip(b).enumerate() {
                // Only collections can hold unknown fields: scalars are not walked into.
                if !(value.is_object() || value.is_array()) {
                    continue;
                }
                let _ = write!(path, "[{i}]");
                walk_unknown_in(value, t, path, out);
                path.truncate(length);
            }
        }
        _ => {}
    }
}
