//! The pod's DNS settings (rule 41: `validateDNSPolicy`, `validatePodDNSConfig`).

use std::net::IpAddr;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::DnsPolicy;
use crate::rules::{names, shown};
use crate::validate::{At, Report};

/// `validatePodDNSConfig` limits.
const MAX_NAMESERVERS: usize = 3;
const MAX_SEARCHES: usize = 32;
const MAX_SEARCH_CHARS: usize = 2048;

/// Rule 41: the policy is a known one; policy `None` needs a nameserver; the config's limits.
/// `path` is the pod spec's path.
pub(crate) fn dns(
    path: &At<'_>,
    policy: Option<&str>,
    config: Option<&k8s::PodDNSConfig>,
    report: &mut Report,
) {
    // An empty policy is defaulted to `ClusterFirst`.
    if let Some(policy) = policy.filter(|p| !p.is_empty()) {
        report.check(&path.field("dnsPolicy"), policy.parse::<DnsPolicy>());
    }
    let at = path.field("dnsConfig");
    let servers: &[String] = config
        .and_then(|c| c.nameservers.as_deref())
        .unwrap_or_default();
    if policy == Some("None") && servers.is_empty() {
        let field = if config.is_some() {
            at.field("nameservers")
        } else {
            at
        };
        report.error(
            &field,
            41,
            "dns policy `None` needs a dns config with at least one nameserver",
            "add `.dns_config(DnsConfig::new().nameserver(\"<ip>\"))`",
        );
    }
    if let Some(config) = config {
        dns_config(&at, config, report);
    }
}

/// The limits of `validatePodDNSConfig`; `at` is `dnsConfig`.
fn dns_config(at: &At<'_>, config: &k8s::PodDNSConfig, report: &mut Report) {
    let servers = at.field("nameservers");
    let nameservers = config.nameservers.as_deref().unwrap_or_default();
    if nameservers.len() > MAX_NAMESERVERS {
        report.error(
            &servers,
            41,
            format!(
                "{} nameservers given; the limit is {MAX_NAMESERVERS}",
                nameservers.len()
            ),
            "keep at most 3 nameservers",
        );
    }
    for (i, ip) in nameservers.iter().enumerate() {
        if ip.parse::<IpAddr>().is_err() {
            report.error(
                &servers.index(i),
                41,
                format!("nameserver {} is not an IP address", shown(ip)),
                "give an IPv4 or IPv6 address, such as `10.0.0.10`",
            );
        }
    }
    let searches_path = at.field("searches");
    let searches = config.searches.as_deref().unwrap_or_default();
    if searches.len() > MAX_SEARCHES {
        report.error(
            &searches_path,
            41,
            format!(
                "{} search domains given; the limit is {MAX_SEARCHES}",
                searches.len()
            ),
            "keep at most 32 search domains",
        );
    }
    // The length of the list joined by spaces.
    let chars = searches
        .iter()
        .map(|s| s.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    if chars > MAX_SEARCH_CHARS {
        report.error(
            &searches_path,
            41,
            format!("the search list is {chars} characters long; the limit is {MAX_SEARCH_CHARS}"),
            "shorten or drop search domains",
        );
    }
    for (i, search) in searches.iter().enumerate() {
        // A single `.` may come first; a trailing dot is allowed.
        if i == 0 && search == "." {
            continue;
        }
        let domain = search.strip_suffix('.').unwrap_or(search);
        report.check(
            &searches_path.index(i),
            names::dns1123_subdomain(domain, 41, "search domain"),
        );
    }
    for (i, option) in config.options.iter().flatten().enumerate() {
        if option.name.as_deref().unwrap_or_default().is_empty() {
            report.error(
                &at.field("options").index(i).field("name"),
                41,
                "a dns option needs a name",
                "give the resolver option's name, such as `ndots`",
            );
        }
    }
}
