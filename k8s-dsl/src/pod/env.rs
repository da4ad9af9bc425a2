//! Environment variables of a container: literal values, values from ConfigMaps, Secrets, the
//! pod's own fields and the container's resources, and whole ConfigMaps or Secrets
//! (`envFrom`). Rules 30-35.

use k8s_openapi::api::core::v1 as api;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as ApiQuantity;

use crate::rules::quantity::Quantity;
use crate::rules::{env, shown, Violation};
use crate::validate::{At, Report};
use crate::value::Parsed;

/// One environment variable (`spec.containers[].env[]`).
///
/// A variable has a literal value or exactly one source, chosen by its constructor, so rule 31
/// (not both `value` and `valueFrom`, one source only) cannot be broken.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let vars = [
///     EnvVar::value("LOG_FILE", "/tmp/random.log"),
///     EnvVar::config_map_key("PATTERN", "random-generator-config", "pattern"),
///     EnvVar::secret_key("SEED", "random-generator-secret", "seed").optional(true),
///     EnvVar::field("POD_NAME", "metadata.name"),
///     EnvVar::resource("CPU_LIMIT", "limits.cpu").divisor("1m"),
/// ];
/// # let _ = vars;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EnvVar {
    name: String,
    source: Source,
    optional: Option<bool>,
    divisor: Option<Parsed<Quantity>>,
    container: Option<String>,
}

/// Where a variable's value comes from.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    Value(String),
    ConfigMapKey { config_map: String, key: String },
    SecretKey { secret: String, key: String },
    Field(String),
    Resource(String),
}

impl EnvVar {
    fn new(name: impl Into<String>, source: Source) -> Self {
        EnvVar {
            name: name.into(),
            source,
            optional: None,
            divisor: None,
            container: None,
        }
    }

    /// A variable with a literal value.
    pub fn value(name: impl Into<String>, value: impl Into<String>) -> Self {
        EnvVar::new(name, Source::Value(value.into()))
    }

    /// A variable set from `key` of the ConfigMap `config_map` (rule 34).
    pub fn config_map_key(
        name: impl Into<String>,
        config_map: impl Into<String>,
        key: impl Into<String>,
    ) -> Self {
        EnvVar::new(
            name,
            Source::ConfigMapKey {
                config_map: config_map.into(),
                key: key.into(),
            },
        )
    }

    /// A variable set from `key` of the Secret `secret` (rule 34).
    pub fn secret_key(
        name: impl Into<String>,
        secret: impl Into<String>,
        key: impl Into<String>,
    ) -> Self {
        EnvVar::new(
            name,
            Source::SecretKey {
                secret: secret.into(),
                key: key.into(),
            },
        )
    }

    /// A variable set from a field of the pod (downward API, rule 32): `metadata.name`,
    /// `metadata.namespace`, `metadata.uid`, `spec.nodeName`, `spec.serviceAccountName`,
    /// `status.hostIP`, `status.podIP`, `metadata.labels['key']`, ...
    pub fn field(name: impl Into<String>, field_path: impl Into<String>) -> Self {
        EnvVar::new(name, Source::Field(field_path.into()))
    }

    /// A variable set from the container's own resources (rule 33): `limits.cpu`,
    /// `requests.memory`, `limits.ephemeral-storage`, ...
    pub fn resource(name: impl Into<String>, resource: impl Into<String>) -> Self {
        EnvVar::new(name, Source::Resource(resource.into()))
    }

    /// A variable set from a resource of another container of the pod
    /// (`resourceFieldRef.containerName`), such as a sidecar's memory limit (rule 33).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let app = Container::new("app")
    ///     .image("app:1.4")
    ///     .env_var(EnvVar::container_resource("PROXY_MEMORY", "proxy", "limits.memory").divisor("1Mi"));
    /// let pod = Pod::new("app")
    ///     .container(app)
    ///     .sidecar(Container::new("proxy").image("envoy:1.32").limit("memory", "256Mi"))
    ///     .build()?;
    /// let env = pod.spec.unwrap().containers[0].env.clone().unwrap();
    /// let field = env[0].value_from.clone().unwrap().resource_field_ref.unwrap();
    /// assert_eq!(field.container_name.as_deref(), Some("proxy"));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn container_resource(
        name: impl Into<String>,
        container: impl Into<String>,
        resource: impl Into<String>,
    ) -> Self {
        let mut var = EnvVar::new(name, Source::Resource(resource.into()));
        var.container = Some(container.into());
        var
    }

    /// The unit a [`EnvVar::resource`] value is expressed in (rule 33: `1` or `1m` for cpu).
    pub fn divisor(mut self, divisor: impl Into<Parsed<Quantity>>) -> Self {
        self.divisor = Some(divisor.into());
        self
    }

    /// Whether the ConfigMap or Secret (or its key) may be missing, for
    /// [`EnvVar::config_map_key`] and [`EnvVar::secret_key`].
    pub fn optional(mut self, optional: bool) -> Self {
        self.optional = Some(optional);
        self
    }

    /// The variable's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The k8s-openapi form (rules 30-34 are checked with the pod spec: `validate::pod`).
    /// `path` is `env[i]`.
    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> api::EnvVar {
        // rule 30: a builder takes the classic names only, which work on every cluster and
        // shell (the pass over objects takes what kube-apiserver 1.33+ takes)
        report.check(&path.field("name"), env::env_var_name(&self.name));
        let from = path.field("valueFrom");
        let mut out = api::EnvVar {
            name: self.name.clone(),
            value: None,
            value_from: None,
        };
        let mut source = api::EnvVarSource::default();
        match &self.source {
            Source::Value(value) => out.value = Some(value.clone()),
            Source::ConfigMapKey { config_map, key } => {
                source.config_map_key_ref = Some(api::ConfigMapKeySelector {
                    key: key.clone(),
                    name: config_map.clone(),
                    optional: self.optional,
                });
            }
            Source::SecretKey { secret, key } => {
                source.secret_key_ref = Some(api::SecretKeySelector {
                    key: key.clone(),
                    name: secret.clone(),
                    optional: self.optional,
                });
            }
            Source::Field(field_path) => {
                source.field_ref = Some(api::ObjectFieldSelector {
                    api_version: None,
                    field_path: field_path.clone(),
                });
            }
            Source::Resource(resource) => {
                let here = from.field("resourceFieldRef");
                source.resource_field_ref = Some(self.resource_ref(resource, &here, report));
            }
        }
        if !matches!(self.source, Source::Value(_)) {
            out.value_from = Some(source);
        }
        self.check_modifiers(path, report);
        out
    }

    /// A `resourceFieldRef`; a divisor that does not parse is reported here, its fit to the
    /// resource (rule 33) with the pod spec.
    fn resource_ref(
        &self,
        resource: &str,
        path: &At<'_>,
        report: &mut Report,
    ) -> api::ResourceFieldSelector {
        let divisor_path = path.field("divisor");
        let divisor = self
            .divisor
            .as_ref()
            .and_then(|d| report.check(&divisor_path, d.parse()));
        api::ResourceFieldSelector {
            container_name: self.container.clone(),
            divisor: divisor.map(|d| ApiQuantity(d.to_string())),
            resource: resource.to_owned(),
        }
    }

    /// Reports `optional` and `divisor` given to a variable they do not apply to, which would
    /// otherwise be dropped silently (a project rule, 0).
    fn check_modifiers(&self, path: &At<'_>, report: &mut Report) {
        let key_ref = matches!(
            self.source,
            Source::ConfigMapKey { .. } | Source::SecretKey { .. }
        );
        if self.optional.is_some() && !key_ref {
            report.error(
                path,
                0,
                format!(
                    "`optional` applies to a ConfigMap or Secret key, and {} is not set from one",
                    shown(&self.name)
                ),
                "remove `.optional(...)`",
            );
        }
        if self.divisor.is_some() && !matches!(self.source, Source::Resource(_)) {
            report.error(
                path,
                0,
                format!(
                    "`divisor` applies to a resource field, and {} is not set from one",
                    shown(&self.name)
                ),
                "remove `.divisor(...)` or use `EnvVar::resource(name, \"limits.cpu\")`",
            );
        }
    }
}

/// Converts a container's `env` (checked with the pod spec: `validate::pod`). `path` is the
/// container's `env` field.
pub(crate) fn env_to_k8s(
    vars: &[EnvVar],
    path: &At<'_>,
    report: &mut Report,
) -> Option<Vec<api::EnvVar>> {
    if vars.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(vars.len());
    for (i, var) in vars.iter().enumerate() {
        out.push(var.to_k8s(&path.index(i), report));
    }
    Some(out)
}

/// All keys of a ConfigMap or Secret as environment variables (`envFrom[]`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let from = EnvFrom::config_map("app-settings").prefix("APP_");
/// let secrets = EnvFrom::secret("app-secrets").optional(true);
/// # let _ = (from, secrets);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EnvFrom {
    source: FromSource,
    name: String,
    prefix: Option<String>,
    optional: Option<bool>,
}

/// The kind of object an [`EnvFrom`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FromSource {
    ConfigMap,
    Secret,
}

impl EnvFrom {
    /// Every key of the ConfigMap `name`.
    pub fn config_map(name: impl Into<String>) -> Self {
        EnvFrom {
            source: FromSource::ConfigMap,
            name: name.into(),
            prefix: None,
            optional: None,
        }
    }

    /// Every key of the Secret `name`.
    pub fn secret(name: impl Into<String>) -> Self {
        EnvFrom {
            source: FromSource::Secret,
            ..EnvFrom::config_map(name)
        }
    }

    /// A prefix put before every key (rule 35: it must be a valid variable name).
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }

    /// Whether the ConfigMap or Secret may be missing.
    pub fn optional(mut self, optional: bool) -> Self {
        self.optional = Some(optional);
        self
    }

    /// The k8s-openapi form (rule 35 is checked with the pod spec: `validate::pod`; a
    /// builder's prefix is held to the classic variable names, as for rule 30).
    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> api::EnvFromSource {
        if let Some(prefix) = &self.prefix {
            if let Err(violation) = env::env_var_name(prefix) {
                report.violation(
                    &path.field("prefix"),
                    Violation {
                        rule: 35,
                        ..violation
                    },
                );
            }
        }
        let mut out = api::EnvFromSource {
            prefix: self.prefix.clone(),
            ..api::EnvFromSource::default()
        };
        match self.source {
            FromSource::ConfigMap => {
                out.config_map_ref = Some(api::ConfigMapEnvSource {
                    name: self.name.clone(),
                    optional: self.optional,
                });
            }
            FromSource::Secret => {
                out.secret_ref = Some(api::SecretEnvSource {
                    name: self.name.clone(),
                    optional: self.optional,
                });
            }
        }
        out
    }
}

/// Converts a container's `envFrom` (checked with the pod spec: `validate::pod`).
pub(crate) fn env_from_to_k8s(
    sources: &[EnvFrom],
    path: &At<'_>,
    report: &mut Report,
) -> Option<Vec<api::EnvFromSource>> {
    if sources.is_empty() {
        return None;
    }
    let out = sources
        .iter()
        .enumerate()
        .map(|(i, s)| s.to_k8s(&path.index(i), report));
    Some(out.collect())
}
