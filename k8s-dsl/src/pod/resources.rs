//! A container's resource requests and limits (rule 48).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as api;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as ApiQuantity;

use crate::meta::non_empty_map;
use crate::rules::quantity::{self, Quantity};
use crate::rules::shown;
use crate::validate::{At, Report};
use crate::value::Parsed;

/// Requests and limits by resource name (`cpu`, `memory`, `hugepages-2Mi`,
/// `example.com/gpu`, ...). Setting a resource again replaces its earlier value.
///
/// The quantities are kept as written, in the k8s-openapi map itself: `build()` checks them in
/// place and hands the maps over without copying.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Resources {
    requests: BTreeMap<String, ApiQuantity>,
    limits: BTreeMap<String, ApiQuantity>,
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
    /// Requests `quantity` of `resource`, replacing an earlier request.
    pub(crate) fn request(&mut self, resource: String, quantity: Parsed<Quantity>) {
        self.requests.insert(resource, text_of(quantity));
    }

    /// Limits `resource` to `quantity`, replacing an earlier limit.
    pub(crate) fn limit(&mut self, resource: String, quantity: Parsed<Quantity>) {
        self.limits.insert(resource, text_of(quantity));
    }

    /// Whether nothing was set.
    pub(crate) fn is_empty(&self) -> bool {
        self.requests.is_empty() && self.limits.is_empty()
    }

    /// The k8s-openapi form, after checking rule 48. `path` is the container's `resources`.
    /// Names and quantities move into the result.
    pub(crate) fn into_k8s(
        self,
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

        for (name, request) in self.requests.keys().zip(&requests) {
            let Some(request) = request else {
                continue;
            };
            let limit = self.limits.keys().position(|limit_name| limit_name == name);
            match limit.map(|i| limits.get(i)) {
                None if !overcommit_allowed(name) => {
                    // rule 48: a resource that cannot be overcommitted needs a limit
                    report.error(
                        &limits_path.key(name),
                        48,
                        format!(
                            "{} has a request and no limit; it cannot be overcommitted, so a limit equal to the request is required",
                            shown(name)
                        ),
                        format!(
                            "add `.limit({name:?}, {:?})`",
                            text(&self.requests, name)
                        ),
                    );
                }
                Some(Some(Some(limit))) => check_request_limit(
                    name,
                    (&self.requests, *request),
                    (&self.limits, *limit),
                    &requests_path.key(name),
                    report,
                ),
                _ => {}
            }
        }
        check_huge_pages(self.requests.keys().chain(self.limits.keys()), path, report);
        Some(api::ResourceRequirements {
            limits: non_empty_map(self.limits),
            requests: non_empty_map(self.requests),
            ..api::ResourceRequirements::default()
        })
    }
}

/// Parses and checks every entry of `requests` or `limits` (rule 48: valid resource names,
/// valid non-negative quantities): the values (in nano-units) in the map's order, `None` for
/// those that do not parse.
fn parse_all(
    given: &BTreeMap<String, ApiQuantity>,
    path: &At<'_>,
    report: &mut Report,
) -> Vec<Option<i128>> {
    given
        .iter()
        .map(|(name, value)| {
            let here = path.key(name);
            // rule 48: standard or fully qualified resource names
            if let Err(violation) = quantity::resource_name(name) {
                report.violation(&here, violation);
            }
            match Quantity::nanos_of(&value.0) {
                Ok(nanos) if nanos < 0 => {
                    // rule 48: quantities are non-negative
                    report.error(
                        &here,
                        48,
                        format!("{name} quantity {} is negative", value.0),
                        "use a quantity of 0 or more",
                    );
                    None
                }
                Ok(nanos) => Some(nanos),
                Err(violation) => {
                    report.violation(&here, violation);
                    None
                }
            }
        })
        .collect()
}

/// The quantity of `name` in `map`, as written.
fn text<'a>(map: &'a BTreeMap<String, ApiQuantity>, name: &str) -> &'a str {
    map.get(name).map_or("", |q| q.0.as_str())
}

/// The text of a quantity given parsed or as text (the text is checked in `build()`).
fn text_of(quantity: Parsed<Quantity>) -> ApiQuantity {
    ApiQuantity(match quantity {
        Parsed::Value(q) => q.into_text(),
        Parsed::Text(text) => text,
    })
}

/// Rule 48: a request is at most its limit, and equal to it for huge pages and extended
/// resources. Each is given as the map that holds its text, and its value.
fn check_request_limit(
    name: &str,
    (requests, request): (&BTreeMap<String, ApiQuantity>, i128),
    (limits, limit): (&BTreeMap<String, ApiQuantity>, i128),
    path: &At<'_>,
    report: &mut Report,
) {
    let order = request.cmp(&limit);
    let (request, limit) = (text(requests, name), text(limits, name));
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

/// Rule 48: huge pages need a cpu or memory request or limit besides them. `names` are those
/// of the requests and the limits.
fn check_huge_pages<'a>(
    names: impl Iterator<Item = &'a String> + Clone,
    path: &At<'_>,
    report: &mut Report,
) {
    let any = |pred: &dyn Fn(&str) -> bool| names.clone().any(|name| pred(name));
    if any(&is_huge_pages) && !any(&|k| k == "cpu" || k == "memory") {
        report.error(
            path,
            48,
            "huge pages require a cpu or memory request or limit",
            "add `.limit(\"memory\", ...)` or `.limit(\"cpu\", ...)`",
        );
    }
}
