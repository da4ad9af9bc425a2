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
