//! A container's environment (`ValidateEnv`, `validateEnvVarValueFrom`, `ValidateEnvFrom`):
//! variable names (rule 30), one value source (rule 31), downward API fields (rule 32),
//! resource fields (rule 33), ConfigMap and Secret keys (rule 34) and `envFrom` (rule 35).

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::quantity::Quantity;
use crate::rules::{env, names, shown, Violation};
use crate::validate::{At, Report};

/// Rules 30-35 for one container at `at`.
pub(crate) fn env_and_env_from(at: &At<'_>, c: &k8s::Container, report: &mut Report) {
    let vars = c.env.as_deref().unwrap_or_default();
    let list = at.field("env");
    for (i, var) in vars.iter().enumerate() {
        let here = list.index(i);
        one(&here, var, report);
        let first = vars.iter().take(i).position(|v| v.name == var.name);
        if let Some(first) = first {
            report.warn(
                &here.field("name"),
                format!(
                    "environment variable {} is also set by `env[{first}]`; this later value wins",
                    shown(&var.name)
                ),
            );
        }
    }
    let list = at.field("envFrom");
    for (i, source) in c.env_from.iter().flatten().enumerate() {
        env_from(&list, &list.index(i), source, report);
    }
}

/// Rule 30 (and 35 for a prefix) at `at`: kube-apiserver 1.33+ takes any printable ASCII but
/// `=` (`RelaxedEnvironmentVariableValidation`); a name outside the classic rule
/// (`[-._a-zA-Z][-._a-zA-Z0-9]*`) is a warning, since some shells and older clusters refuse it.
fn name(at: &At<'_>, name: &str, rule: u16, report: &mut Report) {
    if let Err(violation) = env::relaxed_env_var_name(name) {
        report.violation(at, Violation { rule, ..violation });
    } else if let Err(violation) = env::env_var_name(name) {
        report.warn(
            at,
            format!(
                "{}; kube-apiserver 1.33+ accepts it, but some shells and older clusters do not: {}",
                violation.message, violation.fix
            ),
        );
    }
}

/// Rules 30-34 for one variable at `at` (`env[i]`).
fn one(at: &At<'_>, var: &k8s::EnvVar, report: &mut Report) {
    name(&at.field("name"), &var.name, 30, report);
    let Some(from) = &var.value_from else {
        return;
    };
    let here = at.field("valueFrom");
    if var.value.as_deref().is_some_and(|v| !v.is_empty()) {
        // rule 31: `value` or `valueFrom`
        report.error(
            &here,
            31,
            format!(
                "{} sets both `value` and `valueFrom`; `valueFrom` may not be specified when `value` is not empty",
                shown(&var.name)
            ),
            "keep one of them",
        );
    }
    let set = [
        ("fieldRef", from.field_ref.is_some()),
        ("resourceFieldRef", from.resource_field_ref.is_some()),
        ("configMapKeyRef", from.config_map_key_ref.is_some()),
        ("secretKeyRef", from.secret_key_ref.is_some()),
    ];
    let count = set.iter().filter(|(_, is)| *is).count();
    if count != 1 {
        // rule 31: exactly one source
        let message = if count == 0 {
            "`valueFrom` must specify one of `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"
        } else {
            "`valueFrom` may not have more than one source specified at a time"
        };
        report.error(&here, 31, message, "give `valueFrom` exactly one source");
        return;
    }
    if let Some(field) = &from.field_ref {
        field_ref(&here.field("fieldRef"), field, report);
    }
    if let Some(resource) = &from.resource_field_ref {
        resource_ref(&here.field("resourceFieldRef"), resource, report);
    }
    if let Some(key) = &from.config_map_key_ref {
        let here = here.field("configMapKeyRef");
        key_ref(&here, &key.name, &key.key, "config map", report);
    }
    if let Some(key) = &from.secret_key_ref {
        key_ref(
            &here.field("secretKeyRef"),
            &key.name,
            &key.key,
            "secret",
            report,
        );
    }
}

/// Rule 32: a supported downward API field, of API version `v1` (empty is defaulted to it).
fn field_ref(at: &At<'_>, field: &k8s::ObjectFieldSelector, report: &mut Report) {
    let here = at.field("fieldPath");
    match field.api_version.as_deref() {
        None | Some("" | "v1") => {
            if let Err(violation) = env::field_path(&field.field_path) {
                // The API server reports a bad key of `metadata.labels['<key>']` (or of the
                // annotations) at `fieldRef` itself, any other mistake at `fieldRef.fieldPath`.
                let path = &field.field_path;
                let subscripted = path.ends_with("']")
                    && (path.starts_with("metadata.labels['")
                        || path.starts_with("metadata.annotations['"));
                report.violation(if subscripted { at } else { &here }, violation);
            }
        }
        Some(other) => report.error(
            &here,
            32,
            format!(
                "field {} cannot be read at API version {}",
                shown(&field.field_path),
                shown(other)
            ),
            "use `apiVersion: v1`, or leave it out",
        ),
    }
}

/// Rule 33: the resource, and a divisor that suits it.
fn resource_ref(at: &At<'_>, resource: &k8s::ResourceFieldSelector, report: &mut Report) {
    let resource_ok = report
        .check(
            &at.field("resource"),
            env::resource_field(&resource.resource),
        )
        .is_some();
    let Some(divisor) = &resource.divisor else {
        return;
    };
    let here = at.field("divisor");
    let Some(divisor) = report.check(&here, Quantity::parse(&divisor.0)) else {
        return;
    };
    if resource_ok {
        report.check(&here, env::resource_divisor(&resource.resource, &divisor));
    }
}

/// Rule 34: a ConfigMap or Secret key reference needs a valid object name and key.
fn key_ref(at: &At<'_>, object: &str, key: &str, what: &str, report: &mut Report) {
    report.check(
        &at.field("name"),
        names::object_name(object, 34, &format!("{what} name")),
    );
    report.check(&at.field("key"), env::config_map_key(key));
}

/// Rule 35 for one `envFrom` entry at `at` of the list at `list`: one source, with a valid
/// name, and a valid prefix.
fn env_from(list: &At<'_>, at: &At<'_>, source: &k8s::EnvFromSource, report: &mut Report) {
    if let Some(prefix) = source.prefix.as_deref().filter(|p| !p.is_empty()) {
        // rule 35: the prefix must be a valid variable name
        name(&at.field("prefix"), prefix, 35, report);
    }
    let refs = [
        (
            "configMapRef",
            "config map name",
            source.config_map_ref.as_ref().map(|r| r.name.as_str()),
        ),
        (
            "secretRef",
            "secret name",
            source.secret_ref.as_ref().map(|r| r.name.as_str()),
        ),
    ];
    let set: Vec<_> = refs.iter().filter(|(_, _, name)| name.is_some()).collect();
    match set.as_slice() {
        [(field, what, Some(name))] => {
            report.check(
                &at.field(field).field("name"),
                names::object_name(name, 35, what),
            );
        }
        // The API server reports these two at the list (`envFrom`).
        [] => report.error(
            list,
            35,
            "an `envFrom` entry must specify one of `configMapRef` or `secretRef`",
            "use `EnvFrom::config_map(name)` or `EnvFrom::secret(name)`",
        ),
        _ => report.error(
            list,
            35,
            "an `envFrom` entry may not have more than one source specified at a time",
            "split it into one entry per ConfigMap or Secret",
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    /// The error paths of a Pod whose container has `fields` merged in.
    fn errors(fields: serde_json::Value) -> Vec<(String, u16)> {
        let mut container = serde_json::json!({ "name": "app", "image": "busybox:1.36" });
        if let (Some(to), serde_json::Value::Object(from)) = (container.as_object_mut(), fields) {
            to.extend(from);
        }
        let pod: k8s_openapi::api::core::v1::Pod = serde_json::from_value(serde_json::json!({
            "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web" },
            "spec": { "containers": [container] },
        }))
        .unwrap();
        crate::validate::pod(&pod)
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_35_one_source_reported_at_the_list() {
        let at = || ("spec.containers[0].envFrom".to_owned(), 35);
        assert_eq!(errors(serde_json::json!({ "envFrom": [{}] })), [at()]);
        assert_eq!(
            errors(serde_json::json!({ "envFrom": [{
                "configMapRef": { "name": "a" }, "secretRef": { "name": "b" },
            }] })),
            [at()]
        );
        assert!(
            errors(serde_json::json!({ "envFrom": [{ "configMapRef": { "name": "a" } }] }))
                .is_empty()
        );
    }

    #[test]
    fn rule_32_a_bad_subscript_key_is_reported_at_field_ref() {
        let field = |path: &str| {
            errors(serde_json::json!({ "env": [{
                "name": "X", "valueFrom": { "fieldRef": { "fieldPath": path } },
            }] }))
        };
        let at = "spec.containers[0].env[0].valueFrom.fieldRef";
        assert_eq!(field("metadata.labels['Bad Key']"), [(at.to_owned(), 32)]);
        assert_eq!(field("metadata.nam"), [(format!("{at}.fieldPath"), 32)]);
        assert!(field("metadata.labels['app']").is_empty());
    }
}
