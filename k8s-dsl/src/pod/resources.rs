//! A container's resource requests and limits (rule 48).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as api;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as ApiQuantity;

use crate::rules::quantity::{self, Quantity};
use crate::rules::shown;
use crate::validate::{At, Report};
use crate::value::Parsed;

/// Requests and limits by resource name (`cpu`, `memory`, `hugepages-2Mi`,
/// `example.com/gpu`, ...). Setting a resource again replaces its earlier value.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Resources {
    pub(crate) requests: BTreeMap<String, Parsed<Quantity>>,
    pub(crate) limits: BTreeMap<String, Parsed<Quantity>>,
}

/// Whether the scheduler may overcommit a resource (`IsOvercommitAllowed`): native resources
/// (no domain, or a `kubernetes.io` domain) other than huge pages. The others need a limit equal
/// to the request.
fn overcommit_allowed(resource: &str) -> bool {
    let native = match resource.split_once('/') {
        None => true,
        Some((domain, _)) => domain == "kubernetes.io" || domain.ends_with(".kubernetes.io"),
    };
    native && !is_huge_pages(resource)
}

/// Whether `resource` is a huge pages resource (`hugepages-2Mi`).
fn is_huge_pages(resource: &str) -> bool {
    resource.starts_with("hugepages-")
}

impl Resources {
    /// Whether nothing was set.
    pub(crate) fn is_empty(&self) -> bool {
        self.requests.is_empty() && self.limits.is_empty()
    }

    /// The k8s-openapi form, after checking rule 48. `path` is the container's `resources`.
    pub(crate) fn to_k8s(
        &self,
        path: &At<'_>,
        report: &mut Report,
    ) -> Option<api::ResourceRequirements> {
        if self.is_empty() {
            return None;
        }
        let requests_path = path.field("requests");
        let limits_path = path.field("limits");
        let requests = parse_all(&self.requests, &requests_path, report);
        let limits = parse_all(&self.limits, &limits_path, report);

        for (name, request) in &requests {
            let Some(request) = request else {
                continue;
            };
            match limits.iter().find(|(limit_name, _)| limit_name == name) {
                None if !overcommit_allowed(name) => {
                    // rule 48: a resource that cannot be overcommitted needs a limit
                    report.error(
                        &limits_path.key(name),
                        48,
                        format!(
                            "{} has a request and no limit; it cannot be overcommitted, so a limit equal to the request is required",
                            shown(name)
                        ),
                        format!("add `.limit({name:?}, {:?})`", request.as_str()),
                    );
                }
                Some((_, Some(limit))) => {
                    check_request_limit(name, request, limit, &requests_path.key(name), report)
                }
                _ => {}
            }
        }
        check_huge_pages(&requests, &limits, path, report);
        Some(api::ResourceRequirements {
            limits: to_api(&self.limits, limits),
            requests: to_api(&self.requests, requests),
            ..api::ResourceRequirements::default()
        })
    }
}

/// The entries of `requests` or `limits`, in order, each with its quantity if it parsed.
type ParsedEntries<'a> = Vec<(&'a str, Option<Quantity>)>;

/// Parses and checks every entry of `requests` or `limits` (rule 48: valid resource names,
/// valid non-negative quantities). Entries that do not parse have `None`.
fn parse_all<'a>(
    given: &'a BTreeMap<String, Parsed<Quantity>>,
    path: &At<'_>,
    report: &mut Report,
) -> ParsedEntries<'a> {
    given
        .iter()
        .map(|(name, value)| {
            let here = path.key(name);
            // rule 48: standard or fully qualified resource names
            if let Err(violation) = quantity::resource_name(name) {
                report.violation(&here, violation);
            }
            let parsed = match value.parse() {
                Ok(q) if q.is_negative() => {
                    // rule 48: quantities are non-negative
                    report.error(
                        &here,
                        48,
                        format!("{name} quantity {q} is negative"),
                        "use a quantity of 0 or more",
                    );
                    None
                }
                Ok(q) => Some(q),
                Err(violation) => {
                    report.violation(&here, violation);
                    None
                }
            };
            (name.as_str(), parsed)
        })
        .collect()
}

/// The k8s-openapi map of `given` (each quantity as written), `None` when nothing was given.
/// `parsed` holds the same entries in the same order: their text is moved, not copied.
fn to_api(
    given: &BTreeMap<String, Parsed<Quantity>>,
    parsed: ParsedEntries<'_>,
) -> Option<BTreeMap<String, ApiQuantity>> {
    if given.is_empty() {
        return None;
    }
    Some(
        given
            .iter()
            .zip(parsed)
            .map(|((name, text), (_, quantity))| {
                let value = match (quantity, text) {
                    (Some(q), _) => q.into_text(),
                    (None, Parsed::Value(q)) => q.as_str().to_owned(),
                    (None, Parsed::Text(t)) => t.clone(),
                };
                (name.clone(), ApiQuantity(value))
            })
            .collect(),
    )
}

/// Rule 48: a request is at most its limit, and equal to it for huge pages and extended
/// resources.
fn check_request_limit(
    name: &str,
    request: &Quantity,
    limit: &Quantity,
    path: &At<'_>,
    report: &mut Report,
) {
    let order = request.cmp_value(limit);
    if !overcommit_allowed(name) {
        if order != Ordering::Equal {
            report.error(
                path,
                48,
                format!("{name} request {request} must equal its limit {limit}"),
                "use the same quantity for the request and the limit",
            );
        }
    } else if order == Ordering::Greater {
        report.error(
            path,
            48,
            format!("{name} request {request} is greater than its limit {limit}"),
            format!("lower the request to at most {limit} or raise the limit"),
        );
    }
}

/// Rule 48: huge pages need a cpu or memory request or limit besides them.
fn check_huge_pages(
    requests: &ParsedEntries<'_>,
    limits: &ParsedEntries<'_>,
    path: &At<'_>,
    report: &mut Report,
) {
    let any = |pred: &dyn Fn(&str) -> bool| {
        requests
            .iter()
            .chain(limits.iter())
            .any(|(name, _)| pred(name))
    };
    if any(&is_huge_pages) && !any(&|k| k == "cpu" || k == "memory") {
        report.error(
            path,
            48,
            "huge pages require a cpu or memory request or limit",
            "add `.limit(\"memory\", ...)` or `.limit(\"cpu\", ...)`",
        );
    }
}
