//! The pod's `/etc/hosts` entries (rule 44: `ValidateHostAliases`): each an IP address and
//! DNS-1123 subdomain host names.

use std::net::{IpAddr, Ipv4Addr};

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::{names, shown};
use crate::validate::{At, Report};

/// Rule 44 over `hostAliases` at `path`.
pub(crate) fn host_aliases(path: &At<'_>, aliases: &[k8s::HostAlias], report: &mut Report) {
    for (i, alias) in aliases.iter().enumerate() {
        let at = path.index(i);
        if !legacy_ip(&alias.ip) {
            report.error(
                &at.field("ip"),
                44,
                format!("host alias ip {} is not an IP address", shown(&alias.ip)),
                "give an IPv4 or IPv6 address, such as `10.0.0.1`",
            );
        }
        let hostnames = at.field("hostnames");
        for (j, hostname) in alias.hostnames.iter().flatten().enumerate() {
            report.check(
                &hostnames.index(j),
                names::dns1123_subdomain(hostname, 44, "host alias hostname"),
            );
        }
    }
}

/// An address as the API server reads the IPs of its older fields (`IsValidIPForLegacyField`):
/// IPv4 octets may have leading zeros.
fn legacy_ip(text: &str) -> bool {
    text.parse::<IpAddr>().is_ok() || sloppy_ipv4(text).is_some()
}

/// An IPv4 address whose octets may have leading zeros (`010.0.0.1`).
fn sloppy_ipv4(text: &str) -> Option<Ipv4Addr> {
    let mut octets = [0u8; 4];
    let mut parts = text.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    parts.next().is_none().then(|| Ipv4Addr::from(octets))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(ip: &str, host: &str) -> Vec<(String, u16)> {
        let alias = k8s::HostAlias {
            ip: ip.into(),
            hostnames: Some(vec![host.into()]),
        };
        let mut report = Report::new();
        host_aliases(
            &At::root().field("spec").field("hostAliases"),
            &[alias],
            &mut report,
        );
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_44_host_alias_ips_and_names() {
        assert!(errors("10.0.0.1", "db.local").is_empty());
        assert!(errors("::1", "db").is_empty());
        assert!(errors("010.000.000.001", "db").is_empty());
        let ip = || vec![("spec.hostAliases[0].ip".to_owned(), 44)];
        assert_eq!(errors("10.0.0", "db"), ip());
        assert_eq!(errors("", "db"), ip());
        let host = || vec![("spec.hostAliases[0].hostnames[0]".to_owned(), 44)];
        assert_eq!(errors("10.0.0.1", "Bad_Host"), host());
        assert_eq!(errors("10.0.0.1", "db..local"), host());
    }
}
