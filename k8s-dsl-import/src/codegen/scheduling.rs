//! Affinity: node and pod (anti-)affinity terms. A form the builder cannot write exactly
//! makes the whole `affinity` kept as JSON.

use serde_json::{Map, Value};

use super::fields::{Arg, Chain, Cx, Fields};
use crate::rust::str_lit;

const REQUIRED: &str = "requiredDuringSchedulingIgnoredDuringExecution";
const PREFERRED: &str = "preferredDuringSchedulingIgnoredDuringExecution";

/// `Affinity::new()...`, or `None` when some part has no builder form.
pub(crate) fn affinity(a: Fields, _cx: &mut Cx) -> Option<Chain> {
    let a = a.clone_value();
    let a = a.as_object()?;
    let mut chain = Chain::new("Affinity::new()");
    for (key, body) in a {
        let body = body.as_object()?;
        for (when, terms) in body {
            match (key.as_str(), when.as_str()) {
                ("nodeAffinity", REQUIRED) => {
                    let terms = only(terms.as_object()?, "nodeSelectorTerms")?;
                    for term in terms.as_array()? {
                        chain.chain("require_node", node_term(term)?);
                    }
                }
                ("nodeAffinity", PREFERRED) => {
                    for term in terms.as_array()? {
                        let (weight, preference) = weighted(term, "preference")?;
                        chain.call(
                            "prefer_node",
                            vec![Arg::Code(weight), Arg::Chain(node_term(preference)?)],
                        );
                    }
                }
                ("podAffinity" | "podAntiAffinity", REQUIRED) => {
                    let method = if key == "podAffinity" {
                        "require_pod"
                    } else {
                        "avoid_pod"
                    };
                    for term in terms.as_array()? {
                        chain.chain(method, pod_term(term)?);
                    }
                }
                ("podAffinity" | "podAntiAffinity", PREFERRED) => {
                    let method = if key == "podAffinity" {
                        "prefer_pod"
                    } else {
                        "prefer_avoid_pod"
                    };
                    for term in terms.as_array()? {
                        let (weight, term) = weighted(term, "podAffinityTerm")?;
                        chain.call(method, vec![Arg::Code(weight), Arg::Chain(pod_term(term)?)]);
                    }
                }
                _ => return None,
            }
        }
    }
    Some(chain)
}

/// The only field of `map`, which must be `key`.
fn only<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    (map.len() == 1).then_some(())?;
    map.get(key)
}

/// `{weight, <key>}`.
fn weighted<'a>(term: &'a Value, key: &str) -> Option<(String, &'a Value)> {
    let map = term.as_object().filter(|m| m.len() == 2)?;
    let weight = i32::try_from(map.get("weight")?.as_i64()?).ok()?;
    Some((weight.to_string(), map.get(key)?))
}

fn node_term(term: &Value) -> Option<Chain> {
    let expressions = only(term.as_object()?, "matchExpressions")?.as_array()?;
    (!expressions.is_empty()).then_some(())?;
    let mut chain = Chain::new("NodeTerm::new()");
    for expression in expressions {
        chain.code("matching", requirement(expression)?);
    }
    Some(chain)
}

fn pod_term(term: &Value) -> Option<Chain> {
    let map = term.as_object()?;
    let topology = map.get("topologyKey")?.as_str()?;
    let mut chain = Chain::new(format!("PodTerm::new({})", str_lit(topology)));
    let selector = map.get("labelSelector")?.as_object()?;
    let mut known = 2;
    for (key, value) in selector {
        match key.as_str() {
            "matchLabels" => {
                let labels = value.as_object().filter(|m| !m.is_empty())?;
                for (k, v) in labels {
                    chain.pair("label", k, v.as_str()?);
                }
            }
            "matchExpressions" => {
                let expressions = value.as_array().filter(|e| !e.is_empty())?;
                for expression in expressions {
                    chain.code("matching", requirement(expression)?);
                }
            }
            _ => return None,
        }
    }
    if let Some(namespaces) = map.get("namespaces") {
        let namespaces = namespaces.as_array().filter(|n| !n.is_empty())?;
        for namespace in namespaces {
            chain.text("namespace", namespace.as_str()?);
        }
        known += 1;
    }
    (map.len() == known).then_some(())?;
    Some(chain)
}

fn requirement(expression: &Value) -> Option<String> {
    let map = expression.as_object()?;
    let key = str_lit(map.get("key")?.as_str()?);
    let operator = map.get("operator")?.as_str()?;
    let values: Option<Vec<&str>> = match map.get("values") {
        Some(v) => Some(
            v.as_array()
                .filter(|a| !a.is_empty())?
                .iter()
                .map(Value::as_str)
                .collect::<Option<Vec<&str>>>()?,
        ),
        None => None,
    };
    (map.len() == 2 + usize::from(values.is_some())).then_some(())?;
    let list = |values: &[&str]| {
        let items: Vec<String> = values.iter().map(|v| str_lit(v)).collect();
        format!("[{}]", items.join(", "))
    };
    Some(match (operator, values.as_deref()) {
        ("In", Some(v)) => format!("Requirement::is_in({key}, {})", list(v)),
        ("NotIn", Some(v)) => format!("Requirement::not_in({key}, {})", list(v)),
        ("Exists", None) => format!("Requirement::exists({key})"),
        ("DoesNotExist", None) => format!("Requirement::does_not_exist({key})"),
        ("Gt", Some([n])) => format!("Requirement::greater_than({key}, {})", number(n)?),
        ("Lt", Some([n])) => format!("Requirement::less_than({key}, {})", number(n)?),
        _ => return None,
    })
}

/// An integer written exactly as the builder writes it back.
fn number(text: &str) -> Option<i64> {
    let n: i64 = text.parse().ok()?;
    (n.to_string() == text).then_some(n)
}
