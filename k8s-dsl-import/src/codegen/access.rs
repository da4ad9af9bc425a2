//! Namespace, ServiceAccount, and RBAC: Role, ClusterRole, RoleBinding, ClusterRoleBinding.

use serde_json::{Map, Value};

use super::container::list;
use super::fields::{str_array, Chain, Cx, Fields};
use super::meta;
use crate::rust::str_lit;

/// The API group of roles and of users and groups as subjects.
const GROUP: &str = "rbac.authorization.k8s.io";

/// `Namespace::new(name)...`.
pub(crate) fn namespace(
    name: &str,
    mut metadata: Fields,
    _object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("Namespace::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, false);
    metadata.finish(cx);
    chain
}

/// `ServiceAccount::new(name)...`.
pub(crate) fn service_account(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("ServiceAccount::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let secrets = object
        .peek("imagePullSecrets")
        .and_then(Value::as_array)
        .filter(|list| !list.is_empty())
        .and_then(|list| {
            list.iter()
                .map(|s| {
                    let s = s.as_object().filter(|s| s.len() == 1)?;
                    s.get("name")?.as_str().map(str::to_owned)
                })
                .collect::<Option<Vec<_>>>()
        });
    if let Some(secrets) = secrets {
        object.take("imagePullSecrets");
        for secret in secrets {
            chain.text("image_pull_secret", &secret);
        }
    }
    if let Some(automount) = object.bool("automountServiceAccountToken") {
        chain.code("automount_token", automount.to_string());
    }
    chain
}

/// A verb as a `Verb` expression.
fn verb(text: &str) -> Option<&'static str> {
    Some(match text {
        "get" => "Verb::Get",
        "list" => "Verb::List",
        "watch" => "Verb::Watch",
        "create" => "Verb::Create",
        "update" => "Verb::Update",
        "patch" => "Verb::Patch",
        "delete" => "Verb::Delete",
        "deletecollection" => "Verb::DeleteCollection",
        "use" => "Verb::Use",
        "bind" => "Verb::Bind",
        "escalate" => "Verb::Escalate",
        "impersonate" => "Verb::Impersonate",
        "*" => "Verb::All",
        _ => return None,
    })
}

/// The strings of list field `key`: empty when there is none, `None` when the list is empty
/// (the builder writes no empty list) or holds anything else.
fn strings(map: &Map<String, Value>, key: &str) -> Option<Vec<String>> {
    match map.get(key) {
        None => Some(Vec::new()),
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|s| s.as_str().map(str::to_owned))
            .collect(),
        Some(_) => None,
    }
}

/// One rule of a role: `Rule::in_group(..)` or `Rule::urls(..)`, with its verbs.
fn rule(item: Fields, _cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let map = match item.into_value() {
        Value::Object(map) => map,
        _ => return None,
    };
    let known = [
        "apiGroups",
        "resources",
        "resourceNames",
        "nonResourceURLs",
        "verbs",
    ];
    if map.keys().any(|k| !known.contains(&k.as_str())) {
        return None;
    }
    let groups = strings(&map, "apiGroups")?;
    let resources = strings(&map, "resources")?;
    let names = strings(&map, "resourceNames")?;
    let urls = strings(&map, "nonResourceURLs")?;
    let verbs = match map.get("verbs") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().and_then(verb))
            .collect::<Option<Vec<_>>>()?,
        _ => return None,
    };
    // The builder writes each verb once.
    if verbs
        .iter()
        .enumerate()
        .any(|(i, v)| verbs.iter().take(i).any(|w| w == v))
    {
        return None;
    }
    let mut chain = match (groups.as_slice(), resources.is_empty(), urls.is_empty()) {
        ([group], false, true) => Chain::new(format!(
            "Rule::in_group({}, {})",
            str_lit(group),
            str_array(&resources)
        )),
        ([], true, false) if names.is_empty() => {
            Chain::new(format!("Rule::urls({})", str_array(&urls)))
        }
        _ => return None,
    };
    if !names.is_empty() {
        chain.code("resource_names", str_array(&names));
    }
    if !verbs.is_empty() {
        chain.code("verbs", format!("[{}]", verbs.join(", ")));
    }
    Some(("rule", chain))
}

/// The rules of a role; a role without `rules` keeps that (the builders write a list).
fn rules(object: &mut Fields, chain: &mut Chain, cx: &mut Cx) {
    if object.has("rules") {
        list(object, "rules", cx, rule, chain);
    } else {
        cx.keep(object.at("rules"), Value::Null);
    }
}

/// `Role::new(name)...`.
pub(crate) fn role(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new(format!("Role::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    rules(object, &mut chain, cx);
    chain
}

/// `ClusterRole::new(name)...`.
pub(crate) fn cluster_role(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("ClusterRole::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, false);
    metadata.finish(cx);
    rules(object, &mut chain, cx);
    let selectors = object
        .peek("aggregationRule")
        .and_then(Value::as_object)
        .filter(|rule| rule.len() == 1)
        .and_then(|rule| rule.get("clusterRoleSelectors"))
        .and_then(Value::as_array)
        .filter(|list| !list.is_empty())
        .and_then(|list| {
            list.iter()
                .map(|selector| {
                    let selector = selector.as_object().filter(|s| s.len() == 1)?;
                    let labels = selector
                        .get("matchLabels")?
                        .as_object()
                        .filter(|l| !l.is_empty())?;
                    labels_code(labels)
                })
                .collect::<Option<Vec<_>>>()
        });
    if let Some(selectors) = selectors {
        object.take("aggregationRule");
        for labels in selectors {
            chain.code("aggregate_from", labels);
        }
    }
    chain
}

/// `[("key", "value"), ...]`, when every value is a string.
pub(crate) fn labels_code(labels: &Map<String, Value>) -> Option<String> {
    let pairs = labels
        .iter()
        .map(|(k, v)| Some(format!("({}, {})", str_lit(k), str_lit(v.as_str()?))))
        .collect::<Option<Vec<_>>>()?;
    Some(format!("[{}]", pairs.join(", ")))
}

/// A subject as a `Subject` expression, if the builder writes it exactly so.
fn subject(value: &Value) -> Option<String> {
    let map = value.as_object()?;
    let name = map.get("name")?.as_str()?;
    let kind = map.get("kind")?.as_str()?;
    let group = map.get("apiGroup").and_then(Value::as_str);
    match (kind, group, map.get("namespace")) {
        ("ServiceAccount", None, Some(Value::String(namespace))) if map.len() == 3 => {
            Some(format!(
                "Subject::service_account_named({}, {})",
                str_lit(name),
                str_lit(namespace)
            ))
        }
        ("ServiceAccount", None, None) if map.len() == 2 => Some(format!(
            "Subject::ServiceAccount {{ name: {}.to_owned(), namespace: None }}",
            str_lit(name)
        )),
        ("User", Some(GROUP), None) if map.len() == 3 => {
            Some(format!("Subject::user({})", str_lit(name)))
        }
        ("Group", Some(GROUP), None) if map.len() == 3 => {
            Some(format!("Subject::group({})", str_lit(name)))
        }
        _ => None,
    }
}

/// The subjects of a binding as `.subject(..)` calls; kept as JSON unless each one can be.
fn subjects(object: &mut Fields, chain: &mut Chain) {
    let codes = object
        .peek("subjects")
        .and_then(Value::as_array)
        .filter(|list| !list.is_empty())
        .and_then(|list| list.iter().map(subject).collect::<Option<Vec<_>>>());
    if let Some(codes) = codes {
        object.take("subjects");
        for code in codes {
            chain.code("subject", code);
        }
    }
}

/// The role a binding names: its kind and name, when written as the builders write it.
fn role_ref(object: &Fields) -> Option<(String, String)> {
    let role = object.peek("roleRef")?.as_object()?;
    if role.len() != 3 || role.get("apiGroup")?.as_str()? != GROUP {
        return None;
    }
    let kind = role.get("kind")?.as_str()?;
    let name = role.get("name")?.as_str()?;
    Some((kind.to_owned(), name.to_owned()))
}

/// `RoleBinding::new(name)...`, or `None` when the role reference has no builder method.
pub(crate) fn role_binding(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Option<Chain> {
    let (method, role) = match role_ref(object)? {
        (kind, role) if kind == "Role" => ("role", role),
        (kind, role) if kind == "ClusterRole" => ("cluster_role", role),
        _ => return None,
    };
    object.take("roleRef");
    let mut chain = Chain::new(format!("RoleBinding::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    chain.text(method, &role);
    subjects(object, &mut chain);
    Some(chain)
}

/// `ClusterRoleBinding::new(name)...`, or `None` when the role reference has no builder
/// method.
pub(crate) fn cluster_role_binding(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Option<Chain> {
    let role = match role_ref(object)? {
        (kind, role) if kind == "ClusterRole" => role,
        _ => return None,
    };
    object.take("roleRef");
    let mut chain = Chain::new(format!("ClusterRoleBinding::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, false);
    metadata.finish(cx);
    chain.text("cluster_role", &role);
    subjects(object, &mut chain);
    Some(chain)
}
