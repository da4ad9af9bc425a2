//! What probes and lifecycle hooks have in common: the `exec`, `httpGet` and `tcpSocket`
//! actions, the "exactly one handler" rule (24) and durations written as whole seconds.

use k8s_openapi::api::core::v1 as api;

use crate::pod::port::DeclaredPorts;
use crate::rules::duration::Duration;
use crate::rules::enums::Scheme;
use crate::rules::ports;
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

    /// The `httpGet` action at `path` (rule 25: a path is required, the port is valid and
    /// declared, header names are valid).
    #[allow(clippy::needless_update)] // the fields differ between Kubernetes versions
    pub(crate) fn http_get(
        &self,
        http_path: &str,
        port: &PortRef,
        path: &At<'_>,
        ports: DeclaredPorts<'_>,
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
        ports.check_ref(port, &path.field("port"), report);
        let headers_path = path.field("httpHeaders");
        let mut headers = Vec::with_capacity(self.headers.len());
        for (i, (name, value)) in self.headers.iter().enumerate() {
            // rule 25: header names must be valid HTTP header names
            report.check(
                &headers_path.index(i).field("name"),
                ports::http_header_name(name),
            );
            headers.push(api::HTTPHeader {
                name: name.clone(),
                value: value.clone(),
            });
        }
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

/// The `exec` action at `path` (rule 25: the command may not be empty).
pub(crate) fn exec(command: &[String], path: &At<'_>, report: &mut Report) -> api::ExecAction {
    if command.is_empty() {
        report.error(
            &path.field("command"),
            25,
            "exec command may not be empty",
            "give the command and its arguments, such as `[\"cat\", \"/tmp/ready\"]`",
        );
    }
    api::ExecAction {
        command: Some(command.to_vec()),
    }
}

/// The `tcpSocket` action at `path` (rule 25: the port is valid, and declared if named).
pub(crate) fn tcp_socket(
    port: &PortRef,
    path: &At<'_>,
    ports: DeclaredPorts<'_>,
    report: &mut Report,
) -> api::TCPSocketAction {
    ports.check_ref(port, &path.field("port"), report);
    api::TCPSocketAction {
        host: None,
        port: port.to_int_or_string(),
    }
}

/// Rule 24: a probe or hook has exactly one handler. `kinds` gives each handler's rank in the
/// order the API server visits them (`exec`, `httpGet`, `tcpSocket`, then `grpc` or `sleep`)
/// and its field name. Like `validateHandler`, the first in that order is kept and every other
/// one is reported at its own field. Returns the position of the kept handler in `kinds`.
pub(crate) fn one_handler(
    kinds: &[(u8, &'static str)],
    path: &At<'_>,
    report: &mut Report,
) -> Option<usize> {
    let mut order: Vec<usize> = (0..kinds.len()).collect();
    order.sort_by_key(|&i| kinds.get(i).map(|k| k.0));
    let mut iter = order.into_iter();
    let kept = iter.next();
    let kept_field = kept.and_then(|i| kinds.get(i)).map(|k| k.1);
    for i in iter {
        let Some((_, field)) = kinds.get(i) else {
            continue;
        };
        // rule 24: "may not specify more than 1 handler type"
        report.error(
            &path.field(field),
            24,
            format!(
                "may not specify more than 1 handler type; `{}` is already set",
                kept_field.unwrap_or("?")
            ),
            format!("remove the `{field}` handler or the other one"),
        );
    }
    kept
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

/// Reports a negative count (rule 27: probe thresholds are non-negative).
pub(crate) fn non_negative(value: i32, path: &At<'_>, rule: u16, report: &mut Report) {
    if value < 0 {
        report.error(
            path,
            rule,
            format!("{value} is negative"),
            "use 0 (the API default) or more",
        );
    }
}
