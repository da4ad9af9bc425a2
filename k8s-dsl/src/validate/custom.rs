//! Objects held as JSON ([`CustomObject`]): a custom resource gets its metadata checked; one
//! whose `apiVersion` and `kind` name a built-in kind is converted to the typed object and
//! checked like it, and its fields that the kind does not have are errors (the API server's
//! strict field validation).

use serde_json::Value;

use super::{meta, At, Report};
use crate::custom::CustomObject;

/// Every error and warning of an object held as JSON; see the module docs.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // A Pod written as a custom resource is checked as a Pod, unknown fields included.
/// let pod = CustomResource::new("v1", "Pod", "web")
///     .field("spec", serde_json::json!({
///         "containers": [{ "name": "Web", "image": "nginx:1.27", "imagePullPolcy": "Always" }],
///     }))
///     .build()
///     .unwrap_err();
/// assert!(pod.has("spec.containers[0].name", 6));
/// assert!(pod.has("spec.containers[0].imagePullPolcy", 0));
/// ```
pub fn custom(object: &CustomObject) -> Report {
    let mut report = Report::new();
    custom_into(object, &mut report);
    report
}

/// [`custom`], into `report`.
pub(crate) fn custom_into(object: &CustomObject, report: &mut Report) {
    if !built_in(object, report) {
        meta::object_meta(
            &object.metadata,
            &At::root().field("metadata"),
            meta::any_name,
            report,
        );
    }
}

/// The typed form of `object` when its apiVersion and kind name a built-in kind (one that
/// [`Object`](crate::bundle::Object) holds typed), checked into `report`; false for any
/// other kind.
fn built_in(object: &CustomObject, report: &mut Report) -> bool {
    let Some(typed) = crate::bundle::typed_kind(&object.api_version, &object.kind) else {
        return false;
    };
    let given = match serde_json::to_value(object) {
        Ok(value) => value,
        Err(error) => {
            report.error(
                At::root(),
                0,
                format!("cannot be turned into JSON: {error}"),
                "give fields whose `Serialize` produces JSON",
            );
            return true;
        }
    };
    match (typed.read)(&given) {
        Ok((value, known)) => {
            report.merge(super::object(&value));
            unknown_fields(At::root(), &given, &known, report);
        }
        Err(error) => report.error(
            At::root(),
            0,
            format!("is not a valid {}: {}", object.kind, error.message),
            format!(
                "write the fields of a {} as its API defines them",
                object.kind
            ),
        ),
    }
    true
}

/// Reports each field of `given` that the typed object dropped (`known` is the typed object
/// written back): a field the kind does not have. A `null` is no field.
fn unknown_fields(path: &At<'_>, given: &Value, known: &Value, report: &mut Report) {
    match (given, known) {
        (Value::Object(given), Value::Object(known)) => {
            for (key, value) in given {
                match known.get(key) {
                    Some(kept) => unknown_fields(&path.field(key), value, kept, report),
                    None if value.is_null() => {}
                    None => report.error(
                        &path.field(key),
                        0,
                        format!("unknown field `{key}`"),
                        "remove it, or check its spelling against the API reference",
                    ),
                }
            }
        }
        (Value::Array(given), Value::Array(known)) => {
            for (i, (value, kept)) in given.iter().zip(known).enumerate() {
                unknown_fields(&path.index(i), value, kept, report);
            }
        }
        _ => {}
    }
}
