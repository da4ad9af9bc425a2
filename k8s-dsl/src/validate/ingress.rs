//! Ingress and IngressClass (`pkg/apis/networking/validation`): rules 77 to 82.
//!
//! - 77: an Ingress routes something (`defaultBackend` or `rules`), and each HTTP rule has paths.
//! - 78: hosts (of rules and of TLS entries) are DNS names, a leading `*.` allowed; a TLS
//!   `secretName` is a Secret name.
//! - 79: a path has a `pathType`; `Exact` and `Prefix` paths are clean absolute paths.
//! - 80: a backend is a Service or a resource, and a Service backend has a port by name or
//!   by number, never both.
//! - 81: `ingressClassName` is a DNS subdomain and agrees with the legacy
//!   `kubernetes.io/ingress.class` annotation.
//! - 82: an IngressClass has a domain-prefixed `controller` and well-formed `parameters`.

use k8s_openapi::api::networking::v1 as networking;

use super::rbac::rbac_name;
use super::{meta, At, Report};
use crate::rules::{names, ports, shown, suggest, Checked, Violation};

/// The path types an Ingress path may have.
pub(crate) const PATH_TYPES: [&str; 3] = ["Exact", "Prefix", "ImplementationSpecific"];
/// The legacy annotation that named the class before `ingressClassName`.
pub(crate) const CLASS_ANNOTATION: &str = "kubernetes.io/ingress.class";
/// Sequences an `Exact` or `Prefix` path may not contain (`invalidPathSequences`).
const BAD_SEQUENCES: [&str; 5] = ["//", "/./", "/../", "%2f", "%2F"];
/// Endings an `Exact` or `Prefix` path may not have (`invalidPathSuffixes`).
const BAD_SUFFIXES: [&str; 2] = ["/..", "/."];
/// The longest `controller` of an IngressClass.
const MAX_CONTROLLER: usize = 250;
const SCOPES: [&str; 2] = ["Cluster", "Namespace"];

/// Whether `text` is an IP address as Go's `ParseIPSloppy` reads one (IPv4 octets may have
/// leading zeros).
fn is_ip(text: &str) -> bool {
    if text.parse::<std::net::IpAddr>().is_ok() {
        return true;
    }
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.len() <= 3
                && part.bytes().all(|b| b.is_ascii_digit())
                && part.parse::<u8>().is_ok()
        })
}

/// Rule 78: a host is a DNS subdomain (`*.example.com` when it holds a `*`), not an IP address.
pub(crate) fn host(host: &str) -> Checked {
    if is_ip(host) {
        return Err(Violation::new(
            78,
            format!("host {} must be a DNS name, not an IP address", shown(host)),
            "route by a DNS name that resolves to the ingress controller",
        ));
    }
    if host.contains('*') {
        let rest = host.strip_prefix("*.").unwrap_or_default();
        if rest.is_empty() || rest.contains('*') {
            return Err(Violation::new(
                78,
                format!(
                    "wildcard host {} must be `*.` followed by a DNS subdomain",
                    shown(host)
                ),
                "put the `*` alone as the first label, such as `*.example.com`",
            ));
        }
        return names::dns1123_subdomain(rest, 78, "wildcard host");
    }
    names::dns1123_subdomain(host, 78, "host")
}

/// Rule 79: the path of an HTTP rule, by its type (`validateHTTPIngressPath`).
fn path_of_type(path: &networking::HTTPIngressPath, at: &At<'_>, report: &mut Report) {
    let text = path.path.as_deref().unwrap_or_default();
    let path_at = at.field("path");
    match path.path_type.as_str() {
        "" => report.error(
            &at.field("pathType"),
            79,
            "pathType must be specified",
            "give `Prefix`, `Exact` or `ImplementationSpecific`",
        ),
        "Exact" | "Prefix" => {
            if !text.starts_with('/') {
                report.error(
                    &path_at,
                    79,
                    format!("path {} must be an absolute path", shown(text)),
                    "start the path with `/`",
                );
            }
            for bad in BAD_SEQUENCES.iter().filter(|bad| text.contains(**bad)) {
                report.error(
                    &path_at,
                    79,
                    format!("path {} must not contain `{bad}`", shown(text)),
                    "write the path without empty, `.` or `..` segments or escaped slashes",
                );
            }
            for bad in BAD_SUFFIXES.iter().filter(|bad| text.ends_with(**bad)) {
                report.error(
                    &path_at,
                    79,
                    format!("path {} cannot end with `{bad}`", shown(text)),
                    "drop the trailing `.` or `..` segment",
                );
            }
        }
        "ImplementationSpecific" => {
            if !text.is_empty() && !text.starts_with('/') {
                report.error(
                    &path_at,
                    79,
                    format!("path {} must be an absolute path", shown(text)),
                    "start the path with `/`",
                );
            }
        }
        other => report.error(
            &at.field("pathType"),
            79,
            format!(
                "path type {} is not supported; supported values: Exact, ImplementationSpecific, Prefix",
                shown(other)
            ),
            suggest::fix_for_value(other, PATH_TYPES),
        ),
    }
}

/// Rule 80: a backend (`validateIngressBackend`).
fn backend(backend: &networking::IngressBackend, at: &At<'_>, report: &mut Report) {
    match (&backend.service, &backend.resource) {
        (Some(_), Some(_)) => report.error(
            at,
            80,
            "cannot set both resource and service backends",
            "keep either `service` or `resource`",
        ),
        (None, None) => report.error(
            at,
            80,
            "resource or service backend is required",
            "name the Service and its port that serve this traffic",
        ),
        (None, Some(resource)) => {
            let at = at.field("resource");
            if let Some(group) = &resource.api_group {
                report.check(
                    &at.field("apiGroup"),
                    names::dns1123_subdomain(group, 80, "API group"),
                );
            }
            for (field, value) in [("kind", &resource.kind), ("name", &resource.name)] {
                required_segment(value, field, &at.field(field), 80, report);
            }
        }
        (Some(service), None) => {
            let service_at = at.field("service");
            if service.name.is_empty() {
                report.error(
                    &service_at.field("name"),
                    80,
                    "service name is required",
                    "name the Service that serves this traffic",
                );
            } else {
                // The RelaxedServiceNameValidation gate (on from 1.34) accepts DNS labels.
                report.check(
                    &service_at.field("name"),
                    names::dns1123_label(&service.name, 80, "service name"),
                );
            }
            let port = service.port.clone().unwrap_or_default();
            let name = port.name.as_deref().unwrap_or_default();
            let number = port.number.unwrap_or_default();
            let port_at = service_at.field("port");
            match (name.is_empty(), number == 0) {
                (false, false) => report.error(
                    at,
                    80,
                    "cannot set both port name & port number",
                    "keep either `port.name` or `port.number`",
                ),
                (false, true) => {
                    report.check(&port_at.field("name"), ports::port_name(name));
                }
                (true, false) => {
                    report.check(
                        &port_at.field("number"),
                        ports::port_number(i64::from(number), "port number"),
                    );
                }
                (true, true) => report.error(
                    at,
                    80,
                    "port name or number is required",
                    "give the Service port by number (`80`) or by name (`http`)",
                ),
            }
        }
    }
}

/// A required reference part (`kind`, `name`) that is a path segment name.
fn required_segment(value: &str, field: &str, at: &At<'_>, rule: u16, report: &mut Report) {
    if value.is_empty() {
        report.error(
            at,
            rule,
            format!("{field} is required"),
            format!("set `{field}`"),
        );
    } else if let Err(violation) = rbac_name(value) {
        report.error(at, rule, violation.message, violation.fix);
    }
}

/// The rules of an Ingress (`validateIngressRules`): hosts and their HTTP paths.
fn rules(rules: &[networking::IngressRule], at: &At<'_>, report: &mut Report) {
    for (i, rule) in rules.iter().enumerate() {
        let rule_at = at.index(i);
        if let Some(host_name) = rule.host.as_deref().filter(|h| !h.is_empty()) {
            report.check(&rule_at.field("host"), host(host_name));
        }
        let Some(http) = &rule.http else {
            continue;
        };
        let http_at = rule_at.field("http");
        let paths_at = http_at.field("paths");
        if http.paths.is_empty() {
            report.error(
                &paths_at,
                77,
                "paths is required",
                "route at least one path, such as `/` with path type `Prefix`",
            );
        }
        for (j, path) in http.paths.iter().enumerate() {
            let path_at = paths_at.index(j);
            path_of_type(path, &path_at, report);
            if !path.path_type.is_empty() {
                backend(&path.backend, &path_at.field("backend"), report);
            }
        }
    }
}

/// The TLS entries (`validateIngressTLS`): hosts (rule 78) and Secret names.
fn tls(entries: &[networking::IngressTLS], at: &At<'_>, report: &mut Report) {
    for (i, entry) in entries.iter().enumerate() {
        let entry_at = at.index(i);
        let hosts_at = entry_at.field("hosts");
        for (j, host_name) in entry.hosts.iter().flatten().enumerate() {
            report.check(&hosts_at.index(j), host(host_name));
        }
        if let Some(secret) = entry.secret_name.as_deref().filter(|s| !s.is_empty()) {
            report.check(
                &entry_at.field("secretName"),
                names::dns1123_subdomain(secret, 78, "secret name"),
            );
        }
    }
}

/// Every error and warning of an Ingress (`ValidateIngressCreate`).
///
/// ```
/// use k8s_openapi::api::networking::v1 as networking;
///
/// let ingress: networking::Ingress = serde_json::from_value(serde_json::json!({
///     "apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": { "name": "web" },
///     "spec": { "rules": [{ "host": "10.0.0.1", "http": { "paths": [
///         { "path": "api", "pathType": "Prefix", "backend": { "service": { "name": "api" } } },
///     ] } }] },
/// }))?;
/// let report = k8s_dsl::validate::ingress(&ingress);
/// let has = |path: &str, rule: u16| report.errors().iter().any(|e| e.path.as_str() == path && e.rule == rule);
/// assert!(has("spec.rules[0].host", 78)); // an IP address
/// assert!(has("spec.rules[0].http.paths[0].path", 79)); // not absolute
/// assert!(has("spec.rules[0].http.paths[0].backend", 80)); // no port
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn ingress(ingress: &networking::Ingress) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &ingress.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let spec = ingress.spec.clone().unwrap_or_default();
    let spec_at = At::root().field("spec");
    let rule_list = spec.rules.as_deref().unwrap_or_default();
    if rule_list.is_empty() && spec.default_backend.is_none() {
        report.error(
            &spec_at,
            77,
            "either `defaultBackend` or `rules` must be specified",
            "add a rule with a path, or a default backend",
        );
    }
    if let Some(default) = &spec.default_backend {
        backend(default, &spec_at.field("defaultBackend"), &mut report);
    }
    rules(rule_list, &spec_at.field("rules"), &mut report);
    tls(
        spec.tls.as_deref().unwrap_or_default(),
        &spec_at.field("tls"),
        &mut report,
    );
    if let Some(class) = &spec.ingress_class_name {
        report.check(
            &spec_at.field("ingressClassName"),
            names::dns1123_subdomain(class, 81, "ingress class name"),
        );
        let annotation = ingress
            .metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(CLASS_ANNOTATION));
        if let Some(annotation) = annotation.filter(|a| *a != class) {
            report.error(
                // The API server prints `annotations.kubernetes.io/ingress.class`.
                &At::root().field("annotations").field(CLASS_ANNOTATION),
                81,
                format!(
                    "annotation {} must match `ingressClassName` {} when both are specified",
                    shown(annotation),
                    shown(class)
                ),
                "remove the deprecated annotation and keep `ingressClassName`",
            );
        }
    }
    report
}

/// Rule 82: the parameters of an IngressClass (`validateIngressClassParametersReference`).
fn class_parameters(
    params: &networking::IngressClassParametersReference,
    at: &At<'_>,
    report: &mut Report,
) {
    if let Some(group) = &params.api_group {
        report.check(
            &at.field("apiGroup"),
            names::dns1123_subdomain(group, 82, "API group"),
        );
    }
    required_segment(&params.kind, "kind", &at.field("kind"), 82, report);
    required_segment(&params.name, "name", &at.field("name"), 82, report);
    let scope_at = at.field("scope");
    // `SetDefaults_IngressClass` makes a missing scope `Cluster` before validation.
    let scope = params.scope.as_deref().unwrap_or("Cluster");
    match (scope, &params.namespace) {
        ("Namespace", None) => report.error(
            &at.field("namespace"),
            82,
            "namespace is required when `parameters.scope` is set to 'Namespace'",
            "name the namespace of the parameters object",
        ),
        ("Namespace", Some(namespace)) => {
            report.check(
                &at.field("namespace"),
                names::dns1123_label(namespace, 82, "namespace"),
            );
        }
        ("Cluster", Some(_)) => report.error(
            &at.field("namespace"),
            82,
            "namespace is forbidden when `parameters.scope` is set to 'Cluster'",
            "remove `namespace`, or set `scope` to `Namespace`",
        ),
        ("Cluster", None) => {}
        (other, _) => report.error(
            &scope_at,
            82,
            format!(
                "scope {} is not supported; supported values: Cluster, Namespace",
                shown(other)
            ),
            suggest::fix_for_value(other, SCOPES),
        ),
    }
}

/// Every error and warning of an IngressClass (`ValidateIngressClass`).
///
/// ```
/// use k8s_openapi::api::networking::v1 as networking;
///
/// let class: networking::IngressClass = serde_json::from_value(serde_json::json!({
///     "apiVersion": "networking.k8s.io/v1", "kind": "IngressClass", "metadata": { "name": "nginx" },
///     "spec": { "controller": "nginx" },
/// }))?;
/// let report = k8s_dsl::validate::ingress_class(&class);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.controller" && e.rule == 82));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn ingress_class(class: &networking::IngressClass) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &class.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let spec = class.spec.clone().unwrap_or_default();
    let spec_at = At::root().field("spec");
    let controller = spec.controller.as_deref().unwrap_or_default();
    let controller_at = spec_at.field("controller");
    if controller.is_empty() {
        report.error(
            &controller_at,
            82,
            "controller is required",
            "name the controller that implements the class, such as `k8s.io/ingress-nginx`",
        );
    } else if controller.len() > MAX_CONTROLLER {
        report.error(
            &controller_at,
            82,
            format!("controller may not be longer than {MAX_CONTROLLER} bytes"),
            "shorten the controller name",
        );
    } else if let Err(violation) = domain_prefixed_path(controller) {
        report.violation(&controller_at, violation);
    }
    if let Some(params) = &spec.parameters {
        class_parameters(params, &spec_at.field("parameters"), &mut report);
    }
    report
}

/// Rule 82: `IsDomainPrefixedPath`: a DNS subdomain, then `/` and a non-empty path.
fn domain_prefixed_path(value: &str) -> Checked {
    let Some((domain, path)) = value.split_once('/').filter(|(_, path)| !path.is_empty()) else {
        return Err(Violation::new(
            82,
            format!(
                "controller {} must be a domain-prefixed path (such as `acme.io/foo`)",
                shown(value)
            ),
            "prefix the controller with its domain, such as `k8s.io/ingress-nginx`",
        ));
    };
    names::dns1123_subdomain(domain, 82, "controller domain")?;
    if !path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/-._~%!$&'()*+,;=:".contains(&b))
    {
        return Err(Violation::new(
            82,
            format!("controller path {} has invalid characters", shown(path)),
            "use letters, digits and `/-._~` in the path",
        ));
    }
    Ok(())
}
