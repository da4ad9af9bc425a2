//! What probes and lifecycle hooks have in common: the `exec`, `httpGet` and `tcpSocket`
//! actions and durations written as whole seconds.

use k8s_openapi::api::core::v1 as api;

use crate::rules::duration::Duration;
use crate::rules::enums::Scheme;
use crate::validate::{At, Report};
use crate::value::{Parsed, PortRef};

/// The settings of an HTTP GET action besides its path and port.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HttpOptions {
    pub(crate) scheme: Option<Scheme>,
    pub(crate) host: Option<String>,
    pub(crate) headers: Vec<(String, String)>,
}

impl HttpOptions {
    /// Whether any option was set (they need an `httpGet` handler to apply to).
    pub(crate) fn is_set(&self) -> bool {
        self.scheme.is_some() || self.host.is_some() || !self.headers.is_empty()
    }

    /// Reports options given to a probe or hook that has no `httpGet` handler, which would
    /// otherwise be dropped silently (a project rule, 0).
    pub(crate) fn check_used(&self, has_http_get: bool, path: &At<'_>, report: &mut Report) {
        if self.is_set() && !has_http_get {
            report.error(
                path,
                0,
                "`http_scheme`, `http_host` and `http_header` apply to an `httpGet` handler, and there is none",
                "remove them or use an `http_get` handler",
            );
        }
    }

    /// The `httpGet` action at `path`. An empty path is refused here (rule 25); the port,
    /// scheme and headers are checked with the pod spec (`validate::pod`).
    #[allow(clippy::needless_update)] // the fields differ between Kubernetes versions
    pub(crate) fn http_get(
        &self,
        http_path: &str,
        port: &PortRef,
        path: &At<'_>,
        report: &mut Report,
    ) -> api::HTTPGetAction {
        // rule 25: httpGet.path is required
        if http_path.is_empty() {
            report.error(
                &path.field("path"),
                25,
                "http path may not be empty",
                "use a path such as `/healthz`",
            );
        }
        let headers: Vec<api::HTTPHeader> = self
            .headers
            .iter()
            .map(|(name, value)| api::HTTPHeader {
                name: name.clone(),
                value: value.clone(),
            })
            .collect();
        api::HTTPGetAction {
            host: self.host.clone(),
            http_headers: (!headers.is_empty()).then_some(headers),
            path: Some(http_path.to_owned()),
            port: port.to_int_or_string(),
            // rule 25: only HTTP and HTTPS are representable
            scheme: self.scheme.map(|s| s.as_str().to_owned()),
            // newer Kubernetes versions add fields
            ..api::HTTPGetAction::default()
        }
    }
}

/// The `exec` action (rule 25, a command, is checked with the pod spec).
pub(crate) fn exec(command: &[String]) -> api::ExecAction {
    api::ExecAction {
        command: Some(command.to_vec()),
    }
}

/// The `tcpSocket` action (rule 25, its port, is checked with the pod spec).
pub(crate) fn tcp_socket(port: &PortRef) -> api::TCPSocketAction {
    api::TCPSocketAction {
        host: None,
        port: port.to_int_or_string(),
    }
}

/// Rule 24 for what the object cannot hold: a handler type given twice (`with_exec` on an
/// `exec` probe) is reported at its field; `fields` are the handlers' fields in the order given.
/// Two handlers of different types are kept in the object, and reported with the pod spec.
pub(crate) fn repeated<'f>(
    fields: impl Iterator<Item = &'f str>,
    path: &At<'_>,
    report: &mut Report,
) {
    let mut seen: Vec<&str> = Vec::new();
    for field in fields {
        if seen.contains(&field) {
            report.error(
                &path.field(field),
                24,
                format!("may not specify more than 1 handler type; `{field}` is already set"),
                format!("remove the second `{field}` handler"),
            );
        } else {
            seen.push(field);
        }
    }
}

/// A duration as whole seconds, reporting a duration that does not parse.
pub(crate) fn seconds(
    duration: &Parsed<Duration>,
    path: &At<'_>,
    report: &mut Report,
) -> Option<i64> {
    report.check(path, duration.parse()).map(|d| d.as_secs())
}

/// A duration as whole seconds for an `i32` field; longer than `i32::MAX` seconds is an error
/// under `rule`.
pub(crate) fn seconds_i32(
    duration: &Parsed<Duration>,
    path: &At<'_>,
    rule: u16,
    report: &mut Report,
) -> Option<i32> {
    let secs = seconds(duration, path, report)?;
    match i32::try_from(secs) {
        Ok(secs) => Some(secs),
        Err(_) => {
            report.error(
                path,
                rule,
                format!("{secs} seconds is too long for this field"),
                format!("use at most {} seconds", i32::MAX),
            );
            None
        }
    }
}
