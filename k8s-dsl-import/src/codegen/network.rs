//! Ingress and IngressClass.

use serde_json::Value;

use super::container::list;
use super::fields::{Chain, Cx, Fields};
use super::meta;
use crate::rust::str_lit;

/// A backend as an `IngressBackend` expression, if the builder writes it exactly so.
fn backend(value: &Value) -> Option<String> {
    let map = value.as_object()?;
    match (map.get("service"), map.get("resource")) {
        (Some(service), None) if map.len() == 1 => {
            let service = service.as_object()?;
            let name = service.get("name")?.as_str()?;
            let port = service.get("port")?.as_object()?;
            if service.len() != 2 || port.len() != 1 {
                return None;
            }
            let port = match (port.get("number"), port.get("name")) {
                (Some(number), None) => i32::try_from(number.as_i64()?).ok()?.to_string(),
                (None, Some(name)) => str_lit(name.as_str()?),
                _ => return None,
            };
            Some(format!(
                "IngressBackend::service({}, {port})",
                str_lit(name)
            ))
        }
        (None, Some(resource)) if map.len() == 1 => {
            let resource = resource.as_object()?;
            let group = match resource.get("apiGroup") {
                Some(group) => group.as_str().filter(|g| !g.is_empty())?,
                None => "",
            };
            let kind = resource.get("kind")?.as_str()?;
            let name = resource.get("name")?.as_str()?;
            let expected = 2 + usize::from(resource.contains_key("apiGroup"));
            (resource.len() == expected).then(|| {
                format!(
                    "IngressBackend::resource({}, {}, {})",
                    str_lit(group),
                    str_lit(kind),
                    str_lit(name)
                )
            })
        }
        _ => None,
    }
}

/// A path type as a `PathType` expression.
fn path_type(text: &str) -> Option<&'static str> {
    match text {
        "Prefix" => Some("PathType::Prefix"),
        "Exact" => Some("PathType::Exact"),
        "ImplementationSpecific" => Some("PathType::ImplementationSpecific"),
        _ => None,
    }
}

/// One rule of an Ingress: `IngressRule::host(..)` and its paths.
fn rule(mut rule: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let head = match rule.peek("host") {
        Some(Value::String(host)) => format!("IngressRule::host({})", str_lit(host)),
        None => "IngressRule::any_host()".to_owned(),
        Some(_) => return None,
    };
    let mut calls = Vec::new();
    if let Some(http) = rule.peek("http") {
        let http = http.as_object().filter(|h| h.len() == 1)?;
        let paths = http.get("paths")?.as_array().filter(|p| !p.is_empty())?;
        for path in paths {
            let path = path.as_object().filter(|p| p.len() == 3)?;
            let text = path.get("path")?.as_str()?;
            let kind = path_type(path.get("pathType")?.as_str()?)?;
            let backend = backend(path.get("backend")?)?;
            calls.push(format!("{}, {kind}, {backend}", str_lit(text)));
        }
    }
    rule.take("host");
    rule.take("http");
    let mut chain = Chain::new(head);
    for call in calls {
        chain.code("path", call);
    }
    rule.finish(cx);
    Some(("rule", chain))
}

/// `Ingress::new(name)...`.
pub(crate) fn ingress(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new(format!("Ingress::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(class) = spec.str("ingressClassName") {
        chain.text("class", &class);
    }
    if let Some(code) = spec.peek("defaultBackend").and_then(backend) {
        spec.take("defaultBackend");
        chain.code("default_backend", code);
    }
    list(&mut spec, "rules", cx, rule, &mut chain);
    if let Some(entries) = spec.peek("tls").and_then(Value::as_array).cloned() {
        let calls: Option<Vec<String>> = entries
            .iter()
            .map(|entry| {
                let entry = entry.as_object()?;
                let secret = entry.get("secretName")?.as_str()?;
                let hosts: Vec<String> = match entry.get("hosts") {
                    Some(hosts) => hosts
                        .as_array()
                        .filter(|h| !h.is_empty())?
                        .iter()
                        .map(|h| h.as_str().map(str_lit))
                        .collect::<Option<_>>()?,
                    None => Vec::new(),
                };
                let expected = 1 + usize::from(entry.contains_key("hosts"));
                (entry.len() == expected).then(|| {
                    let hosts = if hosts.is_empty() {
                        "[] as [&str; 0]".to_owned()
                    } else {
                        format!("[{}]", hosts.join(", "))
                    };
                    format!("{hosts}, {}", str_lit(secret))
                })
            })
            .collect();
        if let Some(calls) = calls.filter(|c| !c.is_empty()) {
            spec.take("tls");
            for call in calls {
                chain.code("tls", call);
            }
        }
    }
    spec.finish(cx);
    chain
}

/// `IngressClass::new(name, controller)...`.
pub(crate) fn ingress_class(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut spec = object.obj("spec");
    let controller = spec
        .as_mut()
        .and_then(|s| s.str("controller"))
        .unwrap_or_default();
    let mut chain = Chain::new(format!(
        "IngressClass::new({}, {})",
        str_lit(name),
        str_lit(&controller)
    ));
    meta::meta(&mut metadata, &mut chain, false);
    metadata.finish(cx);
    let Some(mut spec) = spec else {
        return chain;
    };
    if let Some(params) = spec.peek("parameters").and_then(parameters) {
        spec.take("parameters");
        chain.call(params.0, params.1);
    }
    spec.finish(cx);
    chain
}

/// The parameters of an IngressClass as `.parameters(..)` or `.namespaced_parameters(..)`.
fn parameters(value: &Value) -> Option<(&'static str, Vec<super::fields::Arg>)> {
    use super::fields::Arg;
    let map = value.as_object()?;
    let group = match map.get("apiGroup") {
        Some(group) => group.as_str().filter(|g| !g.is_empty())?,
        None => "",
    };
    let kind = map.get("kind")?.as_str()?;
    let name = map.get("name")?.as_str()?;
    let scope = map.get("scope").map(Value::as_str);
    let fields = 3 + usize::from(map.contains_key("apiGroup"));
    let code = |s: &str| Arg::Code(str_lit(s));
    match (scope, map.get("namespace")) {
        (None, None) if map.len() == fields - 1 => {
            Some(("parameters", vec![code(group), code(kind), code(name)]))
        }
        (Some(Some("Namespace")), Some(namespace)) if map.len() == fields + 1 => Some((
            "namespaced_parameters",
            vec![
                code(group),
                code(kind),
                code(namespace.as_str()?),
                code(name),
            ],
        )),
        _ => None,
    }
}

/// The labels of a selector that selects everything (`{}`).
const EVERYTHING: &str = "std::iter::empty::<(&str, &str)>()";

/// A selector of labels only (`{}`: everything) as `[("key", "value"), ...]`.
fn match_labels(value: &Value) -> Option<String> {
    let selector = value.as_object()?;
    match selector.get("matchLabels") {
        None if selector.is_empty() => Some(EVERYTHING.to_owned()),
        Some(labels) if selector.len() == 1 => {
            super::access::labels_code(labels.as_object().filter(|l| !l.is_empty())?)
        }
        _ => None,
    }
}

/// A peer of a NetworkPolicy rule as a `Peer` expression, if the builder writes it exactly so.
fn peer(value: &Value) -> Option<String> {
    let map = value.as_object()?;
    let pods = map.get("podSelector");
    let namespaces = map.get("namespaceSelector");
    match (pods, namespaces, map.get("ipBlock")) {
        (Some(pods), None, None) => Some(format!("Peer::pods({})", match_labels(pods)?)),
        (None, Some(namespaces), None) => {
            Some(format!("Peer::namespaces({})", match_labels(namespaces)?))
        }
        (Some(pods), Some(namespaces), None) => Some(format!(
            "Peer::pods_in_namespace({}, {})",
            match_labels(namespaces)?,
            match_labels(pods)?
        )),
        (None, None, Some(block)) => {
            let block = block.as_object()?;
            let cidr = block.get("cidr")?.as_str()?;
            let mut code = format!("Peer::cidr({})", str_lit(cidr));
            match block.get("except") {
                None if block.len() == 1 => {}
                Some(Value::Array(except)) if block.len() == 2 && !except.is_empty() => {
                    let except = except
                        .iter()
                        .map(|c| c.as_str().map(str::to_owned))
                        .collect::<Option<Vec<_>>>()?;
                    code.push_str(&format!(".except({})", super::fields::str_array(&except)));
                }
                _ => return None,
            }
            Some(code)
        }
        _ => None,
    }
}

/// A port of a NetworkPolicy rule as a `PolicyPort` expression, if the builder writes it
/// exactly so (the builder always names the protocol).
fn policy_port(value: &Value) -> Option<String> {
    let map = value.as_object()?;
    let protocol = map.get("protocol")?.as_str()?;
    let mut code = match (map.get("port")?, protocol) {
        (Value::String(name), "TCP") => format!("PolicyPort::named({})", str_lit(name)),
        (Value::Number(n), _) => {
            let n = i32::try_from(n.as_i64()?).ok()?;
            match protocol {
                "TCP" => format!("PolicyPort::tcp({n})"),
                "UDP" => format!("PolicyPort::udp({n})"),
                "SCTP" => format!("PolicyPort::sctp({n})"),
                _ => return None,
            }
        }
        _ => return None,
    };
    match map.get("endPort") {
        None if map.len() == 2 => {}
        Some(end) if map.len() == 3 && map.get("port").is_some_and(Value::is_number) => {
            code.push_str(&format!(".to({})", i32::try_from(end.as_i64()?).ok()?));
        }
        _ => return None,
    }
    Some(code)
}

/// The items of list `key` of `rule` as codes: none when it is absent; `None` when it is
/// empty (the builder writes no empty list) or an item cannot be written.
fn codes(
    rule: &serde_json::Map<String, Value>,
    key: &str,
    code: fn(&Value) -> Option<String>,
) -> Option<Vec<String>> {
    match rule.get(key) {
        None => Some(Vec::new()),
        Some(Value::Array(items)) if !items.is_empty() => items.iter().map(code).collect(),
        Some(_) => None,
    }
}

/// The rules of one direction of a NetworkPolicy (`ingress` with peers in `from`, `egress`
/// with peers in `to`) as calls of `method`; the list stays in `spec` (kept as JSON) unless
/// every rule can be written. Whether the built policy has the list: `Some(true)` when it
/// has rules, `Some(false)` when it is empty (kept as JSON, the builder writes none),
/// `None` when absent or kept.
fn direction(
    spec: &mut Fields,
    key: &str,
    peers: &str,
    method: &str,
    chain: &mut Chain,
    cx: &mut Cx,
) -> Option<bool> {
    let rules = spec.peek(key)?.as_array()?.clone();
    if rules.is_empty() {
        let value = spec.take(key)?;
        cx.keep(spec.at(key), value);
        return Some(false);
    }
    let calls = rules
        .iter()
        .map(|rule| {
            let rule = rule.as_object()?;
            if rule.keys().any(|k| k != peers && k != "ports") {
                return None;
            }
            let peers = codes(rule, peers, peer)?;
            let ports = codes(rule, "ports", policy_port)?;
            Some(format!("[{}], [{}]", peers.join(", "), ports.join(", ")))
        })
        .collect::<Option<Vec<_>>>()?;
    spec.take(key);
    for call in calls {
        chain.code(method, call);
    }
    Some(true)
}

/// `NetworkPolicy::new(name)...`: the selected pods, the rules of each direction, and the
/// isolated directions (`policyTypes`, kept as JSON where the builder would write others).
pub(crate) fn network_policy(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("NetworkPolicy::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    match spec.peek("podSelector").map(match_labels) {
        Some(Some(labels)) => {
            spec.take("podSelector");
            if labels != EVERYTHING {
                chain.code("pods", labels);
            }
        }
        // The builder writes `{}`: no selector is "not set".
        None => cx.keep(spec.at("podSelector"), Value::Null),
        Some(None) => {}
    }
    let types: Option<Vec<String>> = spec.peek("policyTypes").and_then(Value::as_array).map(|t| {
        t.iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect()
    });
    let listed = |t: &str| {
        types
            .as_ref()
            .is_some_and(|types| types.iter().any(|x| x == t))
    };
    let mut written = Vec::new();
    for (key, peers, allow, deny, kind) in [
        (
            "ingress",
            "from",
            "allow_ingress",
            "deny_ingress",
            "Ingress",
        ),
        ("egress", "to", "allow_egress", "deny_egress", "Egress"),
    ] {
        let rules = direction(&mut spec, key, peers, allow, &mut chain, cx);
        // A list kept as JSON (`None` with the key still there) isolates its direction too.
        let kept = rules.is_none() && spec.has(key);
        if rules != Some(true) && (listed(kind) || kept) {
            chain.code(deny, "");
        }
        if rules == Some(true) || listed(kind) || kept {
            written.push(kind.to_owned());
        }
    }
    let written = (!written.is_empty()).then_some(written);
    if written == types {
        spec.take("policyTypes");
    } else if types.is_none() {
        cx.keep(spec.at("policyTypes"), Value::Null);
    }
    spec.finish(cx);
    chain
}
