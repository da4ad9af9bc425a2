//! Environment variables and their references (rules 30, 32, 33, 34).
//!
//! From apimachinery `IsEnvVarName` and `IsConfigMapKey`
//! (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go) and core
//! validation.go: `validEnvDownwardAPIFieldPathExpressions`, `validateObjectFieldSelector`,
//! `validateContainerResourceFieldSelector` and `validateContainerResourceDivisor`.
//!
//! ```
//! use k8s_dsl_rules::env;
//!
//! assert!(env::env_var_name("LOG_LEVEL").is_ok());
//! assert_eq!(env::env_var_name("1ST").unwrap_err().rule, 30);
//! assert!(env::field_path("metadata.labels['app']").is_ok());
//! assert_eq!(env::field_path("metadata.labels").unwrap_err().rule, 32);
//! assert!(env::resource_field("limits.memory").is_ok());
//! ```

use super::quantity::{Quantity, QuantityFormat};
use super::{labels, shown, suggest, Checked, Violation};

/// The field paths an env var's `fieldRef` may name (`validEnvDownwardAPIFieldPathExpressions`),
/// besides `metadata.labels['<key>']` and `metadata.annotations['<key>']`.
///
/// ```
/// use k8s_dsl_rules::env::{field_path, ENV_FIELD_PATHS};
///
/// assert!(ENV_FIELD_PATHS.contains(&"status.podIP"));
/// assert!(ENV_FIELD_PATHS.iter().all(|path| field_path(path).is_ok()));
/// ```
pub const ENV_FIELD_PATHS: [&str; 9] = [
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// The resources a `resourceFieldRef` may name (`validContainerResourceFieldPathExpressions`),
/// besides `limits.hugepages-<size>` and `requests.hugepages-<size>`.
///
/// ```
/// use k8s_dsl_rules::env::{resource_field, RESOURCE_FIELDS};
///
/// assert!(RESOURCE_FIELDS.contains(&"requests.cpu"));
/// assert!(RESOURCE_FIELDS.iter().all(|field| resource_field(field).is_ok()));
/// ```
pub const RESOURCE_FIELDS: [&str; 6] = [
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.ephemeral-storage",
];

/// `hasChDirPrefix`: `.`, `..` and names starting with `..` are refused.
fn chdir_problem(value: &str) -> Option<&'static str> {
    match value {
        "." => Some("may not be `.`"),
        ".." => Some("may not be `..`"),
        _ if value.starts_with("..") => Some("may not start with `..`"),
        _ => None,
    }
}

/// An environment variable name (rule 30, `IsEnvVarName`): `[-._a-zA-Z][-._a-zA-Z0-9]*`,
/// and not `.`, `..` or starting with `..`.
///
/// This is the classic rule. Kubernetes 1.32+ relaxes it (`RelaxedEnvironmentVariableValidation`,
/// any printable ASCII but `=`), but names that pass here work on every cluster and shell.
///
/// ```
/// use k8s_dsl_rules::env::env_var_name;
///
/// assert!(env_var_name("JAVA_OPTS").is_ok());
/// assert!(env_var_name("my.setting-2").is_ok());
/// let violation = env_var_name("2FA").unwrap_err();
/// assert_eq!(violation.rule, 30);
/// assert_eq!(violation.fix, "start it with a letter or `_`, such as `_2FA`");
/// ```
pub fn env_var_name(name: &str) -> Checked {
    // rule 30, IsEnvVarName
    if name.is_empty() {
        return Err(Violation::new(
            30,
            "environment variable name is required",
            "set a name such as `LOG_LEVEL`",
        ));
    }
    if name.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let fix = if env_var_name(&format!("_{name}")).is_ok() {
            format!(
                "start it with a letter or `_`, such as {}",
                shown(&format!("_{name}"))
            )
        } else {
            "start it with a letter or `_`".to_string()
        };
        return Err(Violation::new(
            30,
            format!(
                "environment variable name {} must not start with a digit",
                shown(name)
            ),
            fix,
        ));
    }
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
            continue;
        }
        let repaired: String = name
            .chars()
            .map(|c| if c == ' ' { '_' } else { c })
            .collect();
        let fix = if c == ' ' && env_var_name(&repaired).is_ok() {
            format!("use {}", shown(&repaired))
        } else {
            "use letters, digits, `_`, `-` and `.`".to_string()
        };
        return Err(Violation::new(
            30,
            format!(
                "environment variable name {} may not contain {}",
                shown(name),
                shown(c.encode_utf8(&mut [0; 4]))
            ),
            fix,
        ));
    }
    if let Some(problem) = chdir_problem(name) {
        return Err(Violation::new(
            30,
            format!("environment variable name {} {problem}", shown(name)),
            "start the name with a letter or `_`",
        ));
    }
    Ok(())
}

/// An environment variable name as kube-apiserver 1.33+ checks it (rule 30,
/// `RelaxedEnvironmentVariableValidation`, on by default since 1.32): not empty, printable
/// ASCII only, and no `=`. [`env_var_name`] is the classic, stricter rule.
///
/// ```
/// use k8s_dsl_rules::env::relaxed_env_var_name;
///
/// assert!(relaxed_env_var_name("1VAR").is_ok());
/// assert!(relaxed_env_var_name("MY VAR").is_ok());
/// assert_eq!(relaxed_env_var_name("A=B").unwrap_err().rule, 30);
/// assert!(relaxed_env_var_name("").is_err());
/// ```
pub fn relaxed_env_var_name(name: &str) -> Checked {
    if name.is_empty() {
        return Err(Violation::new(
            30,
            "environment variable name may not be empty",
            "give the variable a name such as `APP_MODE`",
        ));
    }
    if let Some(c) = name.chars().find(|c| *c == '=' || !(' '..='~').contains(c)) {
        return Err(Violation::new(
            30,
            format!(
                "environment variable name {} may not contain {}",
                shown(name),
                shown(&c.to_string())
            ),
            "use printable ASCII characters other than `=`",
        ));
    }
    Ok(())
}

/// A ConfigMap or Secret key (rule 34, `IsConfigMapKey`): at most 253 characters of
/// `[-._a-zA-Z0-9]`, and not `.`, `..` or starting with `..`.
///
/// ```
/// use k8s_dsl_rules::env::config_map_key;
///
/// assert!(config_map_key("config.yaml").is_ok());
/// assert_eq!(config_map_key("conf/app.yaml").unwrap_err().rule, 34);
/// assert_eq!(config_map_key("..data").unwrap_err().rule, 34);
/// ```
pub fn config_map_key(key: &str) -> Checked {
    // rule 34, IsConfigMapKey
    if key.is_empty() {
        return Err(Violation::new(
            34,
            "key is required",
            "name the key to read, such as `config.yaml`",
        ));
    }
    for c in key.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
            continue;
        }
        let fix = if c == '/' {
            "use a key without `/`; mount the whole ConfigMap or Secret to get a directory"
        } else {
            "use letters, digits, `_`, `-` and `.`"
        };
        return Err(Violation::new(
            34,
            format!(
                "key {} may not contain {}",
                shown(key),
                shown(c.encode_utf8(&mut [0; 4]))
            ),
            fix,
        ));
    }
    if let Some(problem) = chdir_problem(key) {
        return Err(Violation::new(
            34,
            format!("key {} {problem}", shown(key)),
            "start the key with a letter, digit or `_`",
        ));
    }
    if key.len() > 253 {
        return Err(Violation::new(
            34,
            format!(
                "key {} is {} characters long; the limit is 253",
                shown(key),
                key.len()
            ),
            "shorten it to 253 characters or fewer",
        ));
    }
    Ok(())
}

/// `SplitMaybeSubscriptedPath`: `metadata.labels['app']` → (`metadata.labels`, `app`).
fn split_subscript(path: &str) -> Option<(&str, &str)> {
    let inner = path.strip_suffix("']")?;
    let (head, key) = inner.split_once("['")?;
    (!head.is_empty()).then_some((head, key))
}

/// A `fieldRef.fieldPath` for an environment variable (rule 32,
/// `validEnvDownwardAPIFieldPathExpressions`, `validateObjectFieldSelector`): one of
/// [`ENV_FIELD_PATHS`], or `metadata.labels['<key>']` / `metadata.annotations['<key>']`.
///
/// ```
/// use k8s_dsl_rules::env::field_path;
///
/// assert!(field_path("spec.nodeName").is_ok());
/// assert!(field_path("metadata.annotations['example.com/owner']").is_ok());
/// assert_eq!(field_path("spec.containers").unwrap_err().rule, 32);
/// ```
pub fn field_path(path: &str) -> Checked {
    // rule 32, validateObjectFieldSelector
    if path.is_empty() {
        return Err(Violation::new(
            32,
            "field path is required",
            "name a pod field such as `metadata.name` or `status.podIP`",
        ));
    }
    if let Some((head, key)) = split_subscript(path) {
        return match head {
            "metadata.labels" => labels::qualified_name(key, 32, "label key in the field path"),
            "metadata.annotations" => {
                labels::qualified_name(&key.to_lowercase(), 32, "annotation key in the field path")
            }
            _ => Err(Violation::new(
                32,
                format!(
                    "field path {} does not support a `['key']` subscript",
                    shown(path)
                ),
                "use a subscript only on `metadata.labels` or `metadata.annotations`",
            )),
        };
    }
    // `spec.host` is the old name of `spec.nodeName`, still converted by the API server.
    if ENV_FIELD_PATHS.contains(&path) || path == "spec.host" {
        return Ok(());
    }
    if path == "metadata.labels" || path == "metadata.annotations" {
        return Err(Violation::new(
            32,
            format!(
                "field path {} needs a key for an environment variable",
                shown(path)
            ),
            format!("name one key: `{path}['app']`"),
        ));
    }
    let listed = ENV_FIELD_PATHS
        .iter()
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let fix = match suggest::closest(path, ENV_FIELD_PATHS) {
        Some(p) => format!("use `{p}`"),
        None => "use one of the listed paths, or `metadata.labels['<key>']`".to_string(),
    };
    Err(Violation::new(
        32,
        format!(
            "field path {} is not available to environment variables; expected one of {listed}",
            shown(path)
        ),
        fix,
    ))
}

/// A `resourceFieldRef.resource` (rule 33, `validateContainerResourceFieldSelector`): one of
/// [`RESOURCE_FIELDS`], or `limits.hugepages-<size>` / `requests.hugepages-<size>`.
///
/// ```
/// use k8s_dsl_rules::env::resource_field;
///
/// assert!(resource_field("requests.memory").is_ok());
/// assert!(resource_field("limits.hugepages-2Mi").is_ok());
/// assert_eq!(resource_field("limits.gpu").unwrap_err().rule, 33);
/// ```
pub fn resource_field(resource: &str) -> Checked {
    // rule 33, validateContainerResourceFieldSelector
    if resource.is_empty() {
        return Err(Violation::new(
            33,
            "resource is required",
            "name a resource such as `limits.memory`",
        ));
    }
    if RESOURCE_FIELDS.contains(&resource) {
        return Ok(());
    }
    let huge = resource
        .strip_prefix("limits.")
        .or_else(|| resource.strip_prefix("requests."))
        .filter(|rest| rest.starts_with("hugepages-"));
    if let Some(rest) = huge {
        if super::quantity::huge_page_size(rest).is_some() {
            return Ok(());
        }
        return Err(Violation::new(
            33,
            format!("resource {} does not end with a page size", shown(resource)),
            "name a page size, such as `limits.hugepages-2Mi`",
        ));
    }
    let fix = match suggest::closest(resource, RESOURCE_FIELDS) {
        Some(r) => format!("use `{r}`"),
        None if matches!(resource, "cpu" | "memory" | "ephemeral-storage") => {
            format!("use `limits.{resource}` or `requests.{resource}`")
        }
        None => "use one of the listed resources".to_string(),
    };
    Err(Violation::new(
        33,
        format!(
            "{} is not a resource an environment variable can read; expected \
             `limits.` or `requests.` followed by `cpu`, `memory`, `ephemeral-storage` or \
             `hugepages-<size>`",
            shown(resource)
        ),
        fix,
    ))
}

/// The `divisor` of a `resourceFieldRef` (rule 33, `validateContainerResourceDivisor`):
/// `1m` or `1` for cpu; `1`, `1k`, `1M`, `1G`, `1T`, `1P`, `1E`, `1Ki`, `1Mi`, `1Gi`, `1Ti`,
/// `1Pi` or `1Ei` for memory, ephemeral-storage and huge pages. A zero divisor means unset.
///
/// The API server compares the divisor's canonical form, so `1000m` counts as `1` but
/// `1024` (a decimal number) does not count as `1Ki`.
///
/// ```
/// use k8s_dsl_rules::env::resource_divisor;
/// use k8s_dsl_rules::quantity::Quantity;
///
/// assert!(resource_divisor("limits.cpu", &Quantity::parse("1m")?).is_ok());
/// assert!(resource_divisor("limits.memory", &Quantity::parse("1Mi")?).is_ok());
/// assert_eq!(resource_divisor("limits.memory", &Quantity::parse("3")?).unwrap_err().rule, 33);
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
pub fn resource_divisor(resource: &str, divisor: &Quantity) -> Checked {
    // rule 33, validateContainerResourceDivisor
    if divisor.is_zero() {
        return Ok(());
    }
    let kind = resource
        .strip_prefix("limits.")
        .or_else(|| resource.strip_prefix("requests."))
        .unwrap_or("");
    let nanos = divisor.as_nanos();
    let unit: i128 = 1_000_000_000;
    // Canonical decimal form: DecimalSI, a DecimalExponent of exactly 1, or a binary-suffixed
    // value below 1024 (which the API server prints in decimal).
    let decimal_form = match divisor.format() {
        QuantityFormat::DecimalSi => true,
        QuantityFormat::DecimalExponent => nanos == unit,
        QuantityFormat::BinarySi => nanos < 1024 * unit,
    };
    let binary_form = divisor.format() == QuantityFormat::BinarySi;
    let (ok, allowed) = if kind == "cpu" {
        (
            decimal_form && (nanos == unit / 1000 || nanos == unit),
            "`1m` and `1`",
        )
    } else if matches!(kind, "memory" | "ephemeral-storage") || kind.starts_with("hugepages-") {
        let decimal_ok = decimal_form
            && (0..=18)
                .step_by(3)
                .any(|p: u32| 10i128.checked_pow(p).map(|v| v * unit) == Some(nanos));
        let binary_ok = binary_form
            && (10..=60)
                .step_by(10)
                .any(|p: u32| (1i128 << p) * unit == nanos);
        (
            decimal_ok || binary_ok,
            "`1`, `1k`, `1M`, `1G`, `1T`, `1P`, `1E`, `1Ki`, `1Mi`, `1Gi`, `1Ti`, `1Pi` and `1Ei`",
        )
    } else {
        return Ok(());
    };
    if ok {
        return Ok(());
    }
    Err(Violation::new(
        33,
        format!(
            "divisor {} is not supported for {}; only {allowed} are",
            shown(divisor.as_str()),
            shown(resource)
        ),
        if kind == "cpu" {
            "use `1m` for millicores or `1` for cores".to_string()
        } else {
            "use a unit such as `1Mi` or `1M`".to_string()
        },
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap()
    }

    #[test]
    fn rule_30_env_var_name_accepts() {
        for ok in [
            "PATH",
            "my.env-name",
            "MY_ENV.NAME",
            "MyEnvName1",
            "_",
            "-x",
            ".a",
            "a..b",
        ] {
            assert_eq!(env_var_name(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rule_30_env_var_name_must_not_start_with_a_digit() {
        let e = env_var_name("1X").unwrap_err();
        assert_eq!(e.rule, 30);
        assert_eq!(
            e.message,
            "environment variable name `1X` must not start with a digit"
        );
        assert_eq!(e.fix, "start it with a letter or `_`, such as `_1X`");
    }

    #[test]
    fn rule_30_env_var_name_errors() {
        let e = env_var_name("").unwrap_err();
        assert_eq!(e.message, "environment variable name is required");
        let e = env_var_name("MY VAR").unwrap_err();
        assert_eq!(
            e.message,
            "environment variable name `MY VAR` may not contain ` `"
        );
        assert_eq!(e.fix, "use `MY_VAR`");
        let e = env_var_name("A=B").unwrap_err();
        assert!(e.message.contains("may not contain `=`"));
        assert!(env_var_name("ÄPFEL").is_err());
        assert!(env_var_name(".").is_err());
        assert!(env_var_name("..").is_err());
        let e = env_var_name("..x").unwrap_err();
        assert_eq!(
            e.message,
            "environment variable name `..x` may not start with `..`"
        );
    }

    #[test]
    fn rule_30_env_var_name_one_megabyte() {
        let big = "A".repeat(1 << 20);
        assert_eq!(env_var_name(&big), Ok(()));
        let bad = format!("{big}=");
        let e = env_var_name(&bad).unwrap_err();
        assert!(e.message.len() < 200);
    }

    #[test]
    fn rule_34_config_map_key() {
        for ok in [
            "key.name",
            "KEY_NAME",
            "key-name",
            "config.yaml",
            ".env",
            "a..b",
        ] {
            assert_eq!(config_map_key(ok), Ok(()), "{ok}");
        }
        assert_eq!(config_map_key(&"k".repeat(253)), Ok(()));
        let e = config_map_key(&"k".repeat(254)).unwrap_err();
        assert_eq!(e.rule, 34);
        assert!(e
            .message
            .ends_with("is 254 characters long; the limit is 253"));
        assert!(config_map_key("").is_err());
        assert!(config_map_key(".").is_err());
        assert!(config_map_key("..").is_err());
        assert!(config_map_key("..data").is_err());
        let e = config_map_key("dir/file").unwrap_err();
        assert_eq!(e.message, "key `dir/file` may not contain `/`");
        assert!(config_map_key("ключ").is_err());
        assert!(config_map_key(&"k".repeat(1 << 20)).is_err());
    }

    #[test]
    fn rule_32_field_path() {
        for ok in ENV_FIELD_PATHS {
            assert_eq!(field_path(ok), Ok(()), "{ok}");
        }
        assert_eq!(field_path("metadata.labels['app']"), Ok(()));
        assert_eq!(
            field_path("metadata.labels['app.kubernetes.io/name']"),
            Ok(())
        );
        assert_eq!(
            field_path("metadata.annotations['Example.COM/Key']"),
            Ok(())
        );
        let e = field_path("metadata.labels").unwrap_err();
        assert_eq!(e.rule, 32);
        assert_eq!(e.fix, "name one key: `metadata.labels['app']`");
        let e = field_path("metadata.labels['']").unwrap_err();
        assert_eq!(e.message, "label key in the field path is required");
        assert!(field_path("metadata.labels['a b']").is_err());
        let e = field_path("spec.nodeName['x']").unwrap_err();
        assert!(e.message.contains("does not support"));
        let e = field_path("status.podIp").unwrap_err();
        assert_eq!(e.fix, "use `status.podIP`");
        assert!(field_path("").is_err());
        assert!(field_path("status.phase").is_err());
        assert!(field_path("['x']").is_err());
        assert!(field_path(&"x".repeat(1 << 20)).is_err());
    }

    #[test]
    fn rule_33_resource_field() {
        for ok in RESOURCE_FIELDS {
            assert_eq!(resource_field(ok), Ok(()), "{ok}");
        }
        assert_eq!(resource_field("limits.hugepages-2Mi"), Ok(()));
        assert_eq!(resource_field("requests.hugepages-1Gi"), Ok(()));
        assert!(resource_field("limits.hugepages-").is_err());
        let e = resource_field("memory").unwrap_err();
        assert_eq!(e.rule, 33);
        assert_eq!(e.fix, "use `limits.memory` or `requests.memory`");
        assert_eq!(
            resource_field("limits.memroy").unwrap_err().fix,
            "use `limits.memory`"
        );
        assert!(resource_field("").is_err());
        assert!(resource_field("limits.nvidia.com/gpu").is_err());
    }

    #[test]
    fn rule_33_resource_divisor() {
        assert_eq!(resource_divisor("limits.cpu", &q("1m")), Ok(()));
        assert_eq!(resource_divisor("limits.cpu", &q("1")), Ok(()));
        assert_eq!(resource_divisor("requests.cpu", &q("1000m")), Ok(()));
        assert_eq!(resource_divisor("limits.cpu", &q("0")), Ok(()));
        let e = resource_divisor("limits.cpu", &q("10m")).unwrap_err();
        assert_eq!(e.rule, 33);
        assert_eq!(
            e.message,
            "divisor `10m` is not supported for `limits.cpu`; only `1m` and `1` are"
        );
        assert!(resource_divisor("limits.cpu", &q("1Ki")).is_err());
        for ok in [
            "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei",
            "1024Ki",
        ] {
            assert_eq!(resource_divisor("limits.memory", &q(ok)), Ok(()), "{ok}");
            assert_eq!(
                resource_divisor("requests.ephemeral-storage", &q(ok)),
                Ok(()),
                "{ok}"
            );
            assert_eq!(
                resource_divisor("limits.hugepages-2Mi", &q(ok)),
                Ok(()),
                "{ok}"
            );
        }
        for bad in ["2Mi", "1024", "1e3", "1m", "512"] {
            assert!(resource_divisor("limits.memory", &q(bad)).is_err(), "{bad}");
        }
        assert_eq!(resource_divisor("limits.memory", &q("1e0")), Ok(()));
        assert_eq!(resource_divisor("limits.nvidia.com/gpu", &q("7")), Ok(()));
    }
}
