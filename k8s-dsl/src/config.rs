//! ConfigMaps and Secrets: configuration that pods read as env vars or files.
//!
//! Keys follow rule 34 (`IsConfigMapKey`: letters, digits, `-`, `_`, `.`). A Secret's values
//! never appear in `Debug` output or in error messages: only its keys do.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let config = ConfigMap::new("random-generator-config").data("pattern", "logging").build()?;
//! assert_eq!(config.data.unwrap()["pattern"], "logging");
//!
//! let secret = Secret::new("random-generator-secret").string_data("seed", "11232156346").build()?;
//! assert!(secret.string_data.unwrap().contains_key("seed"));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::ByteString;

use crate::meta::Meta;
use crate::rules::{env, names, shown};
use crate::validate::{Errors, FieldPath, Report, Warning};
use crate::workload::meta_methods;

/// The most data a ConfigMap or Secret may hold (`MaxSecretSize`, 1 MiB).
const MAX_SIZE: usize = 1024 * 1024;

/// The name of a ConfigMap or Secret: a DNS subdomain.
fn object_name(name: &str) -> crate::rules::Checked {
    names::object_name(name, 0, "object name")
}

/// Checks each key (rule 34) and the total size; `what` names the object kind.
fn check_keys<'a>(path: &FieldPath, keys: impl IntoIterator<Item = &'a str>, report: &mut Report) {
    for key in keys {
        report.check(&path.key(key), env::config_map_key(key));
    }
}

/// Reports data over 1 MiB at `path`.
fn check_size(path: &FieldPath, size: usize, report: &mut Report) {
    if size > MAX_SIZE {
        report.error(
            path,
            0,
            format!("holds {size} bytes; the limit is {MAX_SIZE} (1 MiB)"),
            "keep large files in a volume or an image instead",
        );
    }
}

/// A ConfigMap: non-secret configuration as text (`data`) or bytes (`binaryData`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let cm = ConfigMap::new("wildfly-parameters")
///     .data("config.properties", "port=8080\n")
///     .binary_data("logo.png", vec![0x89, 0x50, 0x4e, 0x47])
///     .build()?;
/// assert!(cm.binary_data.is_some());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct ConfigMap {
    pub(crate) meta: Meta,
    data: BTreeMap<String, String>,
    binary_data: BTreeMap<String, Vec<u8>>,
    immutable: Option<bool>,
}

impl ConfigMap {
    /// A ConfigMap called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        ConfigMap {
            meta: Meta::new(name),
            data: BTreeMap::new(),
            binary_data: BTreeMap::new(),
            immutable: None,
        }
    }

    meta_methods!();

    /// Adds a text entry (`data`).
    pub fn data(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.data.insert(key.into(), value.into());
        self
    }

    /// Adds a binary entry (`binaryData`, base64 in the output).
    pub fn binary_data(mut self, key: impl Into<String>, value: impl Into<Vec<u8>>) -> Self {
        self.binary_data.insert(key.into(), value.into());
        self
    }

    /// Makes the ConfigMap immutable (`immutable: true`).
    pub fn immutable(mut self, immutable: bool) -> Self {
        self.immutable = Some(immutable);
        self
    }

    /// The k8s-openapi `ConfigMap`, or every error found.
    pub fn build(self) -> Result<core::ConfigMap, Errors> {
        self.build_with_warnings().map(|(c, _)| c)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(core::ConfigMap, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let config_map = self.to_k8s(&mut report);
        report.finish(config_map)
    }

    /// The ConfigMap, checking everything into `report`.
    pub(crate) fn to_k8s(&self, report: &mut Report) -> core::ConfigMap {
        let metadata = self.meta.to_k8s(
            &crate::validate::At::root().field("metadata"),
            report,
            object_name,
        );
        let data_path = FieldPath::parse("data");
        let binary_path = FieldPath::parse("binaryData");
        check_keys(&data_path, self.data.keys().map(String::as_str), report);
        check_keys(
            &binary_path,
            self.binary_data.keys().map(String::as_str),
            report,
        );
        for key in self.binary_data.keys() {
            if self.data.contains_key(key) {
                report.error(
                    &binary_path.key(key),
                    34,
                    format!("duplicate of key {} in `data`", shown(key)),
                    "use each key in `data` or `binaryData`, not both",
                );
            }
        }
        let size = self
            .data
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + self
                .binary_data
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>();
        check_size(&data_path, size, report);
        core::ConfigMap {
            metadata,
            data: (!self.data.is_empty()).then(|| self.data.clone()),
            binary_data: (!self.binary_data.is_empty()).then(|| {
                self.binary_data
                    .iter()
                    .map(|(k, v)| (k.clone(), ByteString(v.clone())))
                    .collect()
            }),
            immutable: self.immutable,
        }
    }
}

/// The type of a Secret, which decides the keys it must have.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(SecretType::Tls.as_str(), "kubernetes.io/tls");
/// assert_eq!(SecretType::Other("bootstrap.kubernetes.io/token".into()).as_str(), "bootstrap.kubernetes.io/token");
///
/// // The type decides the keys a Secret must have:
/// let errors = Secret::new("tls")
///     .type_(SecretType::Tls)
///     .data("tls.crt", "-----BEGIN CERTIFICATE-----")
///     .build()
///     .unwrap_err();
/// assert!(errors.has("data[tls.key]", 0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretType {
    /// `Opaque`: arbitrary data (the API default).
    Opaque,
    /// `kubernetes.io/tls`: needs `tls.crt` and `tls.key`.
    Tls,
    /// `kubernetes.io/dockerconfigjson`: needs `.dockerconfigjson`.
    DockerConfigJson,
    /// `kubernetes.io/basic-auth`: needs `username` or `password`.
    BasicAuth,
    /// `kubernetes.io/ssh-auth`: needs `ssh-privatekey`.
    SshAuth,
    /// Any other type, such as `bootstrap.kubernetes.io/token`.
    Other(String),
}

impl SecretType {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &str {
        match self {
            SecretType::Opaque => "Opaque",
            SecretType::Tls => "kubernetes.io/tls",
            SecretType::DockerConfigJson => "kubernetes.io/dockerconfigjson",
            SecretType::BasicAuth => "kubernetes.io/basic-auth",
            SecretType::SshAuth => "kubernetes.io/ssh-auth",
            SecretType::Other(other) => other,
        }
    }

    /// The keys a Secret of this type must have: all of the first list, or at least one of
    /// the second (`ValidateSecret`).
    fn required_keys(&self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            SecretType::Tls => (&["tls.crt", "tls.key"], &[]),
            SecretType::DockerConfigJson => (&[".dockerconfigjson"], &[]),
            SecretType::BasicAuth => (&[], &["username", "password"]),
            SecretType::SshAuth => (&["ssh-privatekey"], &[]),
            SecretType::Opaque | SecretType::Other(_) => (&[], &[]),
        }
    }
}

/// A Secret: data for pods that must not be shown. Values are never printed: `Debug` shows
/// only the keys, and error messages name keys, never values.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let secret = Secret::new("db").string_data("password", "s3cr3t");
/// assert!(!format!("{secret:?}").contains("s3cr3t"));
///
/// let (built, warnings) = secret
///     .type_(SecretType::BasicAuth)
///     .data("username", "admin")
///     .immutable(true)
///     .build_with_warnings()?;
/// assert_eq!(built.type_.as_deref(), Some("kubernetes.io/basic-auth"));
/// // Values written into the manifests are plain text: one warning each.
/// assert_eq!(warnings.len(), 2);
/// assert!(warnings.iter().all(|w| w.message.contains("plain text")));
///
/// // Keys follow rule 34; the error names the key, never the value:
/// let errors = Secret::new("db").string_data("db password", "s3cr3t").build().unwrap_err();
/// assert!(errors.has("stringData[db password]", 34));
/// assert!(!errors.to_string().contains("s3cr3t"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Clone)]
pub struct Secret {
    pub(crate) meta: Meta,
    data: BTreeMap<String, Vec<u8>>,
    string_data: BTreeMap<String, String>,
    /// `stringData` keys whose values are read from an environment variable when built.
    string_data_env: BTreeMap<String, String>,
    type_: Option<SecretType>,
    immutable: Option<bool>,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secret")
            .field("meta", &self.meta)
            .field(
                "data",
                &self
                    .data
                    .keys()
                    .map(|k| (k, "<redacted>"))
                    .collect::<BTreeMap<_, _>>(),
            )
            .field(
                "string_data",
                &self
                    .string_data
                    .keys()
                    .map(|k| (k, "<redacted>"))
                    .collect::<BTreeMap<_, _>>(),
            )
            .field("string_data_from_env", &self.string_data_env)
            .field("type_", &self.type_)
            .field("immutable", &self.immutable)
            .finish()
    }
}

impl Secret {
    /// A Secret called `name` (a DNS subdomain); `type` is left to the API default (`Opaque`).
    pub fn new(name: impl Into<String>) -> Self {
        Secret {
            meta: Meta::new(name),
            data: BTreeMap::new(),
            string_data: BTreeMap::new(),
            string_data_env: BTreeMap::new(),
            type_: None,
            immutable: None,
        }
    }

    meta_methods!();

    /// Adds an entry as bytes (`data`, base64 in the output).
    pub fn data(mut self, key: impl Into<String>, value: impl Into<Vec<u8>>) -> Self {
        self.data.insert(key.into(), value.into());
        self
    }

    /// Adds an entry as text (`stringData`; the API server stores it in `data`).
    pub fn string_data(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.string_data.insert(key.into(), value.into());
        self
    }

    /// Adds a `stringData` entry whose value is read from the environment variable `var` when
    /// the Secret is built, so the value never sits in the generator's source. An unset
    /// variable (or one that is not UTF-8) is an error at `stringData[key]` naming the
    /// variable; the value is never shown. The manifest written still holds the value: keep
    /// such output out of version control.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// # std::env::set_var("DOC_DB_PASSWORD", "s3cr3t");
    /// // DOC_DB_PASSWORD is set by the CI job that generates the manifests
    /// let secret = Secret::new("db").string_data_from_env("password", "DOC_DB_PASSWORD").build()?;
    /// assert_eq!(secret.string_data.unwrap()["password"], "s3cr3t");
    ///
    /// let errors = Secret::new("db").string_data_from_env("password", "DOC_UNSET_VARIABLE").build().unwrap_err();
    /// assert!(errors.has("stringData[password]", 0));
    /// assert!(errors.errors[0].message.contains("`DOC_UNSET_VARIABLE`"));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn string_data_from_env(mut self, key: impl Into<String>, var: impl Into<String>) -> Self {
        self.string_data_env.insert(key.into(), var.into());
        self
    }

    /// The type (`SecretType::Tls`, ...), which decides the required keys.
    pub fn type_(mut self, type_: SecretType) -> Self {
        self.type_ = Some(type_);
        self
    }

    /// Makes the Secret immutable (`immutable: true`).
    pub fn immutable(mut self, immutable: bool) -> Self {
        self.immutable = Some(immutable);
        self
    }

    /// The k8s-openapi `Secret`, or every error found (no error shows a value).
    pub fn build(self) -> Result<core::Secret, Errors> {
        self.build_with_warnings().map(|(s, _)| s)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(core::Secret, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let secret = self.to_k8s(&mut report);
        report.finish(secret)
    }

    /// The Secret, checking everything into `report`.
    pub(crate) fn to_k8s(&self, report: &mut Report) -> core::Secret {
        let metadata = self.meta.to_k8s(
            &crate::validate::At::root().field("metadata"),
            report,
            object_name,
        );
        let data_path = FieldPath::parse("data");
        let string_path = FieldPath::parse("stringData");
        check_keys(&data_path, self.data.keys().map(String::as_str), report);
        let from_env = self.values_from_env(&string_path, report);
        check_keys(
            &string_path,
            self.string_data
                .keys()
                .chain(
                    from_env
                        .keys()
                        .filter(|k| !self.string_data.contains_key(*k)),
                )
                .map(String::as_str),
            report,
        );
        warn_literal_values(&data_path, self.data.keys(), report);
        warn_literal_values(&string_path, self.string_data.keys(), report);
        let mut string_data = from_env;
        for (key, value) in &self.string_data {
            if string_data.contains_key(key) {
                report.error(
                    &string_path.key(key),
                    0,
                    format!(
                        "key {} has a literal value and one from the environment",
                        shown(key)
                    ),
                    "give each key one value",
                );
            }
            string_data.insert(key.clone(), value.clone());
        }
        for key in string_data.keys() {
            if self.data.contains_key(key) {
                report.warn(
                    &string_path.key(key),
                    format!(
                        "key {} is in both `data` and `stringData`; the API server keeps the `stringData` value",
                        shown(key)
                    ),
                );
            }
        }
        let has = |key: &str| self.data.contains_key(key) || string_data.contains_key(key);
        if let Some(type_) = &self.type_ {
            let (all, any) = type_.required_keys();
            for key in all.iter().filter(|k| !has(k)) {
                report.error(
                    &data_path.key(key),
                    0,
                    format!("a `{}` secret needs the key `{key}`", type_.as_str()),
                    format!("add `.data(\"{key}\", ..)`"),
                );
            }
            if !any.is_empty() && !any.iter().any(|k| has(k)) {
                report.error(
                    &data_path,
                    0,
                    format!(
                        "a `{}` secret needs at least one of the keys {}",
                        type_.as_str(),
                        any.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    format!(
                        "add `.string_data(\"{}\", ..)`",
                        any.first().copied().unwrap_or("key")
                    ),
                );
            }
        }
        let size = self
            .data
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + string_data
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>();
        check_size(&data_path, size, report);
        core::Secret {
            metadata,
            data: (!self.data.is_empty()).then(|| {
                self.data
                    .iter()
                    .map(|(k, v)| (k.clone(), ByteString(v.clone())))
                    .collect()
            }),
            string_data: (!string_data.is_empty()).then_some(string_data),
            type_: self.type_.as_ref().map(|t| t.as_str().to_owned()),
            immutable: self.immutable,
        }
    }
}

impl Secret {
    /// The `stringData` values read from the environment; an unset or non-UTF-8 variable is
    /// an error naming the variable, never showing a value.
    fn values_from_env(&self, path: &FieldPath, report: &mut Report) -> BTreeMap<String, String> {
        let mut values = BTreeMap::new();
        for (key, var) in &self.string_data_env {
            match std::env::var(var) {
                Ok(value) => {
                    values.insert(key.clone(), value);
                }
                Err(std::env::VarError::NotPresent) => report.error(
                    &path.key(key),
                    0,
                    format!("environment variable {} is not set", shown(var)),
                    format!("set `{var}` when generating the manifests"),
                ),
                Err(std::env::VarError::NotUnicode(_)) => report.error(
                    &path.key(key),
                    0,
                    format!("environment variable {} is not valid UTF-8", shown(var)),
                    format!("give `{var}` a UTF-8 value, or encode binary data as base64 and use `.data(..)`"),
                ),
            }
        }
        values
    }
}

/// Warns that the values of `keys` (at `path`: `data` or `stringData`) are literals: a
/// manifest file written from the Secret holds them in plain text (base64 is not encryption).
pub(crate) fn warn_literal_values<'a>(
    path: &FieldPath,
    keys: impl IntoIterator<Item = &'a String>,
    report: &mut Report,
) {
    let keys: Vec<String> = keys.into_iter().map(|k| shown(k)).collect();
    if keys.is_empty() {
        return;
    }
    report.warn(
        path,
        format!(
            "the Secret value{} of {} {} written in plain text into every manifest file made from it (base64 is not encryption); \
             read values from the environment when generating with `.string_data_from_env(key, \"ENV_VAR\")` and keep the output out of version control, \
             or create the Secret outside the manifests and declare it with `Bundle::provided_by_cluster(\"Secret\", name)`",
            if keys.len() == 1 { "" } else { "s" },
            keys.join(", "),
            if keys.len() == 1 { "is" } else { "are" },
        ),
    );
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
    fn rule_34_config_map_keys() {
        let errors = ConfigMap::new("cfg")
            .data("bad key", "v")
            .data("dup", "v")
            .binary_data("dup", vec![1])
            .build()
            .unwrap_err();
        assert!(errors.has("data[bad key]", 34), "{errors}");
        assert!(errors.has("binaryData[dup]", 34), "{errors}");
    }

    #[test]
    fn config_map_emits_data_and_binary_data() {
        let cm = ConfigMap::new("cfg")
            .data("a", "1")
            .binary_data("b", vec![0, 1])
            .build()
            .unwrap();
        assert_eq!(cm.data.unwrap()["a"], "1");
        assert_eq!(cm.binary_data.unwrap()["b"].0, vec![0, 1]);
        assert!(ConfigMap::new("empty").build().unwrap().data.is_none());
    }

    #[test]
    fn secret_values_never_appear_in_debug_or_errors() {
        let value = "hunter2-very-secret";
        let secret = Secret::new("Bad_Name")
            .string_data("bad key", value)
            .data("also bad", value.as_bytes().to_vec())
            .string_data("password", value)
            .type_(SecretType::Tls);
        let debug = format!("{secret:?}");
        assert!(!debug.contains(value), "{debug}");
        assert!(debug.contains("password"));
        let errors = secret.build().unwrap_err();
        assert!(errors.len() >= 4);
        let text = format!("{errors} {errors:?}");
        assert!(!text.contains(value), "{text}");
        assert!(errors.has("stringData[bad key]", 34));
        assert!(errors.has("data[tls.crt]", 0));
    }

    #[test]
    fn secret_types_need_their_keys() {
        assert!(Secret::new("tls")
            .type_(SecretType::Tls)
            .data("tls.crt", "c")
            .data("tls.key", "k")
            .build()
            .is_ok());
        let errors = Secret::new("auth")
            .type_(SecretType::BasicAuth)
            .build()
            .unwrap_err();
        assert!(errors.has("data", 0));
        let secret = Secret::new("auth")
            .type_(SecretType::BasicAuth)
            .string_data("username", "me")
            .build()
            .unwrap();
        assert_eq!(secret.type_.as_deref(), Some("kubernetes.io/basic-auth"));
    }

    #[test]
    fn secret_data_is_base64_in_yaml() {
        let secret = Secret::new("s").data("k", "hi").build().unwrap();
        let yaml = crate::emit::to_yaml(&secret).unwrap();
        assert!(yaml.contains("k: aGk="), "{yaml}");
    }
}
