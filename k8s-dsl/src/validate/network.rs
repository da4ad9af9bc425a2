//! NetworkPolicy (`pkg/apis/networking/validation`): ports (rules 20, 21, 73), peers (74),
//! IP blocks (75) and policy types (76).

use std::net::{IpAddr, Ipv4Addr};

use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{meta, At, Report};
use crate::rules::{ports, shown, suggest};

const PROTOCOLS: [&str; 3] = ["TCP", "UDP", "SCTP"];
const POLICY_TYPES: [&str; 2] = ["Ingress", "Egress"];

/// A parsed CIDR: its address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cidr {
    address: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parses `a.b.c.d/n` or `x::y/n` as Go's `ParseCIDRSloppy` does (IPv4 octets may have
    /// leading zeros, read as decimal).
    pub(crate) fn parse(text: &str) -> Option<Cidr> {
        let (address, prefix) = text.split_once('/')?;
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) || prefix.len() > 3 {
            return None;
        }
        let prefix: u8 = prefix.parse().ok()?;
        let address = match address.parse::<IpAddr>() {
            Ok(address) => address,
            Err(_) => IpAddr::V4(sloppy_ipv4(address)?),
        };
        let max = if address.is_ipv4() { 32 } else { 128 };
        (prefix <= max).then_some(Cidr { address, prefix })
    }

    /// The address as a 128-bit number and the number of bits of the family.
    fn bits(self) -> (u128, u8) {
        match self.address {
            IpAddr::V4(a) => (u128::from(u32::from(a)), 32),
            IpAddr::V6(a) => (u128::from(a), 128),
        }
    }

    /// The mask of the network part.
    fn mask(prefix: u8, width: u8) -> u128 {
        let all = if width == 32 {
            u128::from(u32::MAX)
        } else {
            u128::MAX
        };
        match all.checked_shr(u32::from(prefix)) {
            Some(host) if prefix < width => all & !host,
            _ => all,
        }
    }

    /// Whether the address has bits set beyond the prefix (`10.0.0.1/8`).
    fn has_host_bits(self) -> bool {
        let (bits, width) = self.bits();
        bits & !Cidr::mask(self.prefix, width) != 0
    }

    /// Whether `other` is a strict subset of this network (same family, longer prefix,
    /// inside it).
    pub(crate) fn strictly_contains(self, other: Cidr) -> bool {
        let (bits, width) = self.bits();
        let (other_bits, other_width) = other.bits();
        let mask = Cidr::mask(self.prefix, width);
        width == other_width && other.prefix > self.prefix && bits & mask == other_bits & mask
    }
}

/// An IPv4 address whose octets may have leading zeros.
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

/// Checks a CIDR at `path`; rule 75.
fn cidr(text: &str, path: &At<'_>, report: &mut Report) -> Option<Cidr> {
    let Some(parsed) = Cidr::parse(text) else {
        report.error(
            path,
            75,
            format!("{} is not a valid CIDR", shown(text)),
            "write an address and a prefix length, such as `10.0.0.0/8` or `2001:db8::/64`",
        );
        return None;
    };
    if parsed.has_host_bits() {
        report.warn(
            path,
            format!(
                "CIDR {} has bits set beyond its prefix; it means the whole network",
                shown(text)
            ),
        );
    }
    Some(parsed)
}

/// A label selector's labels (rule 8).
fn selector(selector: &LabelSelector, path: &At<'_>, report: &mut Report) {
    if let Some(labels) = &selector.match_labels {
        meta::label_map(&path.field("matchLabels"), labels, report);
    }
}

/// One port of a rule (`ValidateNetworkPolicyPort`): rules 20, 21 and 73.
fn port(port: &networking::NetworkPolicyPort, path: &At<'_>, report: &mut Report) {
    if let Some(protocol) = &port.protocol {
        if !PROTOCOLS.contains(&protocol.as_str()) {
            report.error(
                &path.field("protocol"),
                73,
                format!(
                    "protocol {} is not supported; supported values: TCP, UDP, SCTP",
                    shown(protocol)
                ),
                suggest::fix_for_value(protocol, PROTOCOLS),
            );
        }
    }
    let end = path.field("endPort");
    match (&port.port, port.end_port) {
        (Some(IntOrString::Int(number)), end_port) => {
            report.check(
                &path.field("port"),
                ports::port_number(i64::from(*number), "port"),
            );
            if let Some(end_port) = end_port {
                if end_port < *number {
                    report.error(
                        &end,
                        73,
                        format!("endPort {end_port} is less than port {number}"),
                        "make `endPort` greater than or equal to `port`",
                    );
                }
                report.check(&end, ports::port_number(i64::from(end_port), "endPort"));
            }
        }
        (Some(IntOrString::String(name)), end_port) => {
            report.check(&path.field("port"), ports::port_name(name));
            if end_port.is_some() {
                report.error(
                    &end,
                    73,
                    "endPort may not be specified when `port` is non-numeric",
                    "give a numeric port, or leave out `endPort`",
                );
            }
        }
        (None, Some(_)) => report.error(
            &end,
            73,
            "endPort may not be specified when `port` is not specified",
            "give the first port of the range in `port`",
        ),
        (None, None) => {}
    }
}

/// One peer (`ValidateNetworkPolicyPeer`): rules 74 and 75.
fn peer(peer: &networking::NetworkPolicyPeer, path: &At<'_>, report: &mut Report) {
    let mut count = 0;
    if let Some(pods) = &peer.pod_selector {
        count += 1;
        selector(pods, &path.field("podSelector"), report);
    }
    if let Some(namespaces) = &peer.namespace_selector {
        count += 1;
        selector(namespaces, &path.field("namespaceSelector"), report);
    }
    if let Some(block) = &peer.ip_block {
        count += 1;
        ip_block(block, &path.field("ipBlock"), report);
    }
    if count == 0 {
        report.error(
            path,
            74,
            "must specify a peer",
            "give a `podSelector`, a `namespaceSelector` or an `ipBlock`",
        );
    } else if count > 1 && peer.ip_block.is_some() {
        report.error(
            path,
            74,
            "may not specify both ipBlock and another peer",
            "put the `ipBlock` in a peer of its own",
        );
    }
}

/// An IP block (`ValidateIPBlock`): rule 75.
fn ip_block(block: &networking::IPBlock, path: &At<'_>, report: &mut Report) {
    let cidr_path = path.field("cidr");
    if block.cidr.is_empty() {
        report.error(
            &cidr_path,
            75,
            "cidr is required",
            "give the block, such as `10.0.0.0/8`",
        );
        return;
    }
    let Some(network) = cidr(&block.cidr, &cidr_path, report) else {
        return;
    };
    let except = path.field("except");
    for (i, text) in block.except.iter().flatten().enumerate() {
        let at = except.index(i);
        if let Some(excluded) = cidr(text, &at, report) {
            if !network.strictly_contains(excluded) {
                report.error(
                    &at,
                    75,
                    format!(
                        "{} must be a strict subset of `cidr` {}",
                        shown(text),
                        shown(&block.cidr)
                    ),
                    "exclude a smaller network inside the block",
                );
            }
        }
    }
}

/// Every error and warning of a NetworkPolicy (`ValidateNetworkPolicy`).
///
/// ```
/// use k8s_openapi::api::networking::v1 as networking;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let policy = networking::NetworkPolicy {
///     metadata: ObjectMeta { name: Some("web".into()), ..Default::default() },
///     spec: Some(networking::NetworkPolicySpec {
///         policy_types: Some(vec!["Ingres".into()]),
///         ingress: Some(vec![networking::NetworkPolicyIngressRule {
///             from: Some(vec![networking::NetworkPolicyPeer::default()]),
///             ports: None,
///         }]),
///         ..Default::default()
///     }),
/// };
/// let report = k8s_dsl::validate::network_policy(&policy);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.policyTypes[0]" && e.rule == 76));
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.ingress[0].from[0]" && e.rule == 74));
/// ```
pub fn network_policy(policy: &networking::NetworkPolicy) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &policy.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let Some(spec) = &policy.spec else {
        return report;
    };
    let spec_path = At::root().field("spec");
    if let Some(pods) = &spec.pod_selector {
        selector(pods, &spec_path.field("podSelector"), &mut report);
    }
    let ingress = spec_path.field("ingress");
    for (i, rule) in spec.ingress.iter().flatten().enumerate() {
        let at = ingress.index(i);
        rule_parts(
            rule.ports.as_deref(),
            rule.from.as_deref(),
            &at,
            "from",
            &mut report,
        );
    }
    let egress = spec_path.field("egress");
    for (i, rule) in spec.egress.iter().flatten().enumerate() {
        let at = egress.index(i);
        rule_parts(
            rule.ports.as_deref(),
            rule.to.as_deref(),
            &at,
            "to",
            &mut report,
        );
    }
    policy_types(
        spec.policy_types.as_deref().unwrap_or(&[]),
        &spec_path,
        &mut report,
    );
    report
}

/// The ports and peers of one rule at `path`.
fn rule_parts(
    ports: Option<&[networking::NetworkPolicyPort]>,
    peers: Option<&[networking::NetworkPolicyPeer]>,
    path: &At<'_>,
    peers_field: &str,
    report: &mut Report,
) {
    let ports_path = path.field("ports");
    for (i, p) in ports.unwrap_or_default().iter().enumerate() {
        port(p, &ports_path.index(i), report);
    }
    let peers_path = path.field(peers_field);
    for (i, p) in peers.unwrap_or_default().iter().enumerate() {
        peer(p, &peers_path.index(i), report);
    }
}

/// Rule 76: at most two policy types, each `Ingress` or `Egress`.
fn policy_types(types: &[String], spec: &At<'_>, report: &mut Report) {
    let path = spec.field("policyTypes");
    if types.len() > 2 {
        report.error(
            &path,
            76,
            "may not specify more than two policyTypes",
            "list `Ingress`, `Egress` or both, once each",
        );
        return;
    }
    for (i, kind) in types.iter().enumerate() {
        if !POLICY_TYPES.contains(&kind.as_str()) {
            report.error(
                &path.index(i),
                76,
                format!(
                    "policy type {} is not supported; supported values: Ingress, Egress",
                    shown(kind)
                ),
                suggest::fix_for_value(kind, POLICY_TYPES),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cidr;

    #[test]
    fn rule_75_cidrs_parse_like_go() {
        for good in [
            "10.0.0.0/8",
            "010.0.0.0/8",
            "0.0.0.0/0",
            "2001:db8::/64",
            "::/0",
        ] {
            assert!(Cidr::parse(good).is_some(), "{good}");
        }
        for bad in [
            "10.0.0.0",
            "10.0.0.0/33",
            "10.0.0/8",
            "2001:db8::/129",
            "x/8",
            "1.2.3.4/",
        ] {
            assert!(Cidr::parse(bad).is_none(), "{bad}");
        }
        let net = |s: &str| Cidr::parse(s).unwrap();
        assert!(net("10.0.0.0/8").strictly_contains(net("10.1.0.0/16")));
        assert!(!net("10.0.0.0/8").strictly_contains(net("10.0.0.0/8")));
        assert!(!net("10.0.0.0/8").strictly_contains(net("11.0.0.0/16")));
        assert!(!net("10.0.0.0/8").strictly_contains(net("::/64")));
        assert!(net("0.0.0.0/0").strictly_contains(net("169.254.169.254/32")));
        assert!(net("2001:db8::/32").strictly_contains(net("2001:db8:1::/48")));
        assert!(net("10.0.0.1/8").has_host_bits());
        assert!(!net("10.0.0.0/8").has_host_bits());
    }
}
