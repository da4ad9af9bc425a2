//! Service, ConfigMap, Secret, PriorityClass, PodDisruptionBudget, HorizontalPodAutoscaler.

use serde_json::Value;

use k8s_dsl::prelude::{
    ExternalTrafficPolicy, PreemptionPolicy, SecretType, SelectPolicy, SessionAffinity,
    UnhealthyPodEvictionPolicy,
};

use super::container::list;
use super::fields::{duration_code, int_or_string_code, port_code, Arg, Chain, Cx, Fields};
use super::meta;
use super::workload::selector;
use crate::rust::str_lit;

/// `Service::new(name)` (or the constructor of its type)....
pub(crate) fn service(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let name = str_lit(name);
    let mut spec = object.obj("spec");
    let ty = spec
        .as_ref()
        .and_then(|s| s.peek("type"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let headless = spec
        .as_ref()
        .and_then(|s| s.peek("clusterIP"))
        .and_then(Value::as_str)
        == Some("None");
    let external = spec
        .as_ref()
        .and_then(|s| s.peek("externalName"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let head = match (ty.as_deref(), headless, external) {
        (None, true, _) => Some((format!("Service::headless({name})"), vec!["clusterIP"])),
        (None, false, _) => Some((format!("Service::new({name})"), vec![])),
        (Some("ClusterIP"), _, _) => Some((format!("Service::cluster_ip({name})"), vec!["type"])),
        (Some("NodePort"), _, _) => Some((format!("Service::node_port({name})"), vec!["type"])),
        (Some("LoadBalancer"), _, _) => {
            Some((format!("Service::load_balancer({name})"), vec!["type"]))
        }
        (Some("ExternalName"), _, Some(ext)) => Some((
            format!("Service::external_name({name}, {})", str_lit(&ext)),
            vec!["type", "externalName"],
        )),
        _ => None,
    };
    let mut chain = match (head, spec.as_mut()) {
        (Some((head, taken)), Some(spec)) => {
            for key in taken {
                spec.take(key);
            }
            Chain::new(head)
        }
        _ => Chain::new(format!("Service::new({name})")),
    };
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = spec else {
        return chain;
    };
    for (key, value) in spec.string_map("selector").unwrap_or_default() {
        chain.pair("selector", &key, &value);
    }
    list(&mut spec, "ports", cx, service_port, &mut chain);
    if let Some(policy) =
        spec.enumeration::<ExternalTrafficPolicy>("externalTrafficPolicy", "ExternalTrafficPolicy")
    {
        chain.code("external_traffic_policy", policy);
    }
    if let Some(affinity) =
        spec.enumeration::<SessionAffinity>("sessionAffinity", "SessionAffinity")
    {
        chain.code("session_affinity", affinity);
    }
    for range in spec.strings("loadBalancerSourceRanges").unwrap_or_default() {
        chain.text("load_balancer_source_range", &range);
    }
    if let Some(publish) = spec.bool("publishNotReadyAddresses") {
        chain.code("publish_not_ready_addresses", publish.to_string());
    }
    spec.finish(cx);
    chain
}

fn service_port(mut p: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let port = p.i32("port")?;
    let mut chain = match p.peek("protocol").and_then(Value::as_str) {
        Some("TCP") => Chain::new(format!("ServicePort::tcp({port})")),
        Some("UDP") => Chain::new(format!("ServicePort::udp({port})")),
        Some("SCTP") => {
            let mut chain = Chain::new(format!("ServicePort::new({port})"));
            chain.code("protocol", "Protocol::Sctp");
            chain
        }
        _ => Chain::new(format!("ServicePort::new({port})")),
    };
    if matches!(
        p.peek("protocol").and_then(Value::as_str),
        Some("TCP" | "UDP" | "SCTP")
    ) {
        p.take("protocol");
    }
    if let Some(name) = p.str("name") {
        chain.text("name", &name);
    }
    if let Some(target) = p.peek("targetPort").and_then(port_code) {
        p.take("targetPort");
        chain.code("target", target);
    }
    if let Some(node_port) = p.i32("nodePort") {
        chain.code("node_port", node_port.to_string());
    }
    if let Some(protocol) = p.str("appProtocol") {
        chain.text("app_protocol", &protocol);
    }
    p.finish(cx);
    if chain.is_bare() && chain_head_is_plain(&chain) {
        let mut call = Chain::new("");
        call.code("port", port.to_string());
        return Some(("__inline", call));
    }
    Some(("port", chain))
}

fn chain_head_is_plain(chain: &Chain) -> bool {
    chain.render(0).starts_with("ServicePort::new(")
}

/// `ConfigMap::new(name)...`.
pub(crate) fn config_map(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("ConfigMap::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    for (key, value) in object.string_map("data").unwrap_or_default() {
        chain.pair("data", &key, &value);
    }
    if let Some(data) = object.peek("binaryData").and_then(decoded_map) {
        object.take("binaryData");
        for (key, bytes) in data {
            chain.call(
                "binary_data",
                vec![Arg::Code(str_lit(&key)), Arg::Code(bytes_code(&bytes))],
            );
        }
    }
    if let Some(immutable) = object.bool("immutable") {
        chain.code("immutable", immutable.to_string());
    }
    chain
}

/// `Secret::new(name)...`.
pub(crate) fn secret(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new(format!("Secret::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    if let Some(ty) = object.str("type") {
        let known = [
            SecretType::Opaque,
            SecretType::Tls,
            SecretType::DockerConfigJson,
            SecretType::BasicAuth,
            SecretType::SshAuth,
        ]
        .into_iter()
        .find(|t| t.as_str() == ty);
        let code = match known {
            Some(t) => format!("SecretType::{t:?}"),
            None => format!("SecretType::Other({}.to_owned())", str_lit(&ty)),
        };
        chain.code("type_", code);
    }
    if let Some(data) = object.peek("data").and_then(decoded_map) {
        object.take("data");
        for (key, bytes) in data {
            let value = match String::from_utf8(bytes) {
                Ok(text) => str_lit(&text),
                Err(e) => bytes_code(e.as_bytes()),
            };
            chain.call("data", vec![Arg::Code(str_lit(&key)), Arg::Code(value)]);
        }
    }
    for (key, value) in object.string_map("stringData").unwrap_or_default() {
        chain.pair("string_data", &key, &value);
    }
    if let Some(immutable) = object.bool("immutable") {
        chain.code("immutable", immutable.to_string());
    }
    chain
}

/// A map of base64 strings, decoded (None if any is not base64).
fn decoded_map(value: &Value) -> Option<Vec<(String, Vec<u8>)>> {
    let map = value.as_object().filter(|m| !m.is_empty())?;
    map.iter()
        .map(|(k, v)| Some((k.clone(), crate::base64::decode(v.as_str()?)?)))
        .collect()
}

/// Bytes as Rust code: `b"..".to_vec()` for mostly-text bytes, else `vec![..]`.
fn bytes_code(bytes: &[u8]) -> String {
    let items: Vec<String> = bytes.iter().map(|b| format!("0x{b:02x}")).collect();
    format!("vec![{}]", items.join(", "))
}

/// `PriorityClass::new(name, value)...`.
pub(crate) fn priority_class(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let value = object.i32("value").unwrap_or_default();
    let mut chain = Chain::new(format!("PriorityClass::new({}, {value})", str_lit(name)));
    meta::labels_and_annotations(&mut metadata, &mut chain);
    metadata.finish(cx);
    if let Some(global) = object.bool("globalDefault") {
        chain.code("global_default", global.to_string());
    }
    if let Some(description) = object.str("description") {
        chain.text("description", &description);
    }
    if let Some(policy) =
        object.enumeration::<PreemptionPolicy>("preemptionPolicy", "PreemptionPolicy")
    {
        chain.code("preemption_policy", policy);
    }
    chain
}

/// `PodDisruptionBudget::new(name)...`.
pub(crate) fn pdb(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new(format!("PodDisruptionBudget::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(code) = spec.peek("selector").and_then(selector) {
        spec.take("selector");
        chain.chain("selector", code);
    }
    for (field, method) in [
        ("minAvailable", "min_available"),
        ("maxUnavailable", "max_unavailable"),
    ] {
        if let Some(value) = spec.peek(field).and_then(int_or_string_code) {
            spec.take(field);
            chain.code(method, value);
        }
    }
    let policy = spec
        .peek("unhealthyPodEvictionPolicy")
        .and_then(Value::as_str)
        .and_then(|p| {
            [
                UnhealthyPodEvictionPolicy::IfHealthyBudget,
                UnhealthyPodEvictionPolicy::AlwaysAllow,
            ]
            .into_iter()
            .find(|v| v.as_str() == p)
        });
    if let Some(policy) = policy {
        spec.take("unhealthyPodEvictionPolicy");
        chain.code(
            "unhealthy_pod_eviction_policy",
            format!("UnhealthyPodEvictionPolicy::{policy:?}"),
        );
    }
    spec.finish(cx);
    chain
}

/// `HorizontalPodAutoscaler::new(name)...`.
pub(crate) fn hpa(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new(format!("HorizontalPodAutoscaler::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(target) = spec.peek("scaleTargetRef").and_then(scale_target) {
        spec.take("scaleTargetRef");
        chain.code("scale_target", target);
    }
    for (field, method) in [
        ("minReplicas", "min_replicas"),
        ("maxReplicas", "max_replicas"),
    ] {
        if let Some(n) = spec.i32(field) {
            chain.code(method, n.to_string());
        }
    }
    list(
        &mut spec,
        "metrics",
        cx,
        |m, _| metric(&m.clone_value()).map(|c| ("metric", c)),
        &mut chain,
    );
    if let Some(mut behavior) = spec.obj("behavior") {
        for (field, method) in [("scaleUp", "scale_up"), ("scaleDown", "scale_down")] {
            if let Some(rules) = behavior.peek(field).and_then(scaling_rules) {
                behavior.take(field);
                chain.chain(method, rules);
            }
        }
        behavior.finish(cx);
    }
    spec.finish(cx);
    chain
}

fn scale_target(target: &Value) -> Option<String> {
    let map = target.as_object().filter(|m| m.len() == 3)?;
    let api_version = map.get("apiVersion")?.as_str()?;
    let kind = map.get("kind")?.as_str()?;
    let name = str_lit(map.get("name")?.as_str()?);
    Some(match (api_version, kind) {
        ("apps/v1", "Deployment") => format!("ScaleTarget::deployment({name})"),
        ("apps/v1", "StatefulSet") => format!("ScaleTarget::stateful_set({name})"),
        _ => format!(
            "ScaleTarget::new({}, {}, {name})",
            str_lit(api_version),
            str_lit(kind)
        ),
    })
}

fn metric_target(target: &Value) -> Option<String> {
    let map = target.as_object().filter(|m| m.len() == 2)?;
    Some(match map.get("type")?.as_str()? {
        "Utilization" => format!(
            "MetricTarget::utilization({})",
            i32::try_from(map.get("averageUtilization")?.as_i64()?).ok()?
        ),
        "AverageValue" => format!(
            "MetricTarget::average_value({})",
            str_lit(map.get("averageValue")?.as_str()?)
        ),
        "Value" => format!(
            "MetricTarget::value({})",
            str_lit(map.get("value")?.as_str()?)
        ),
        _ => return None,
    })
}

fn metric(m: &Value) -> Option<Chain> {
    let map = m.as_object().filter(|m| m.len() == 2)?;
    let ty = map.get("type")?.as_str()?;
    let field = match ty {
        "Resource" => "resource",
        "ContainerResource" => "containerResource",
        "Pods" => "pods",
        "Object" => "object",
        "External" => "external",
        _ => return None,
    };
    let source = map.get(field)?.as_object()?;
    let target = metric_target(source.get("target")?)?;
    match ty {
        "Resource" => {
            (source.len() == 2).then_some(())?;
            let name = source.get("name")?.as_str()?;
            let utilization = source.pointer_free("target", "averageUtilization");
            return Some(Chain::new(match (name, utilization) {
                ("cpu", Some(n)) => format!("Metric::cpu_utilization({n})"),
                ("memory", Some(n)) => format!("Metric::memory_utilization({n})"),
                _ => format!("Metric::resource({}, {target})", str_lit(name)),
            }));
        }
        "ContainerResource" => {
            (source.len() == 3).then_some(())?;
            return Some(Chain::new(format!(
                "Metric::container_resource({}, {}, {target})",
                str_lit(source.get("container")?.as_str()?),
                str_lit(source.get("name")?.as_str()?)
            )));
        }
        _ => {}
    }
    let metric = source.get("metric")?.as_object()?;
    let name = str_lit(metric.get("name")?.as_str()?);
    let mut chain = match ty {
        "Pods" => Chain::new(format!("Metric::pods({name}, {target})")),
        "External" => Chain::new(format!("Metric::external({name}, {target})")),
        _ => {
            let described = scale_target(source.get("describedObject")?)?;
            Chain::new(format!("Metric::object({described}, {name}, {target})"))
        }
    };
    let expected = if ty == "Object" { 3 } else { 2 };
    (source.len() == expected).then_some(())?;
    if let Some(s) = metric.get("selector") {
        chain.chain("selector", selector(s)?);
    }
    (metric.len() == 1 + usize::from(metric.contains_key("selector"))).then_some(chain)
}

trait PointerFree {
    fn pointer_free(&self, a: &str, b: &str) -> Option<i64>;
}

impl PointerFree for serde_json::Map<String, Value> {
    fn pointer_free(&self, a: &str, b: &str) -> Option<i64> {
        self.get(a)?.get(b)?.as_i64()
    }
}

fn scaling_rules(rules: &Value) -> Option<Chain> {
    let map = rules.as_object()?;
    let mut chain = Chain::new("ScalingRules::new()");
    for (key, value) in map {
        match key.as_str() {
            "stabilizationWindowSeconds" => {
                chain.code("stabilization_window", duration_code(value.as_i64()?)?)
            }
            "selectPolicy" => {
                let policy = [SelectPolicy::Max, SelectPolicy::Min, SelectPolicy::Disabled]
                    .into_iter()
                    .find(|p| Some(p.as_str()) == value.as_str())?;
                chain.code("select_policy", format!("SelectPolicy::{policy:?}"));
            }
            "policies" => {
                for policy in value.as_array()? {
                    let p = policy.as_object().filter(|p| p.len() == 3)?;
                    let n = p.get("value")?.as_i64()?;
                    let period = duration_code(p.get("periodSeconds")?.as_i64()?)?;
                    let kind = match p.get("type")?.as_str()? {
                        "Pods" => "pods",
                        "Percent" => "percent",
                        _ => return None,
                    };
                    chain.code("policy", format!("ScalingPolicy::{kind}({n}, {period})"));
                }
            }
            _ => return None,
        }
    }
    Some(chain)
}
