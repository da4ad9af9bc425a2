//! Label selectors: which pods a workload, Service or PodDisruptionBudget means.

use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, LabelSelectorRequirement};

use crate::validate::{At, Report};

/// The operator of a selector expression.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(SelectorOperator::NotIn.as_str(), "NotIn");
/// assert_eq!(SelectorOperator::DoesNotExist.to_string(), "DoesNotExist");
///
/// // `Selector` writes one expression per `key_in`, `key_not_in`, `exists`, `does_not_exist`.
/// let web = Deployment::new("web")
///     .selector(Selector::new().label("app", "web").key_in("track", ["stable", "canary"]))
///     .template(
///         Pod::template()
///             .label("app", "web")
///             .label("track", "stable")
///             .container(Container::new("web").image("nginx:1.27")),
///     )
///     .build()?;
/// let selector = web.spec.selector;
/// let expression = &selector.match_expressions.unwrap()[0];
/// assert_eq!(expression.operator, SelectorOperator::In.as_str());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SelectorOperator {
    /// The label's value is one of the values.
    In,
    /// The label is absent or its value is none of the values.
    NotIn,
    /// The label is present.
    Exists,
    /// The label is absent.
    DoesNotExist,
}

impl SelectorOperator {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            SelectorOperator::In => "In",
            SelectorOperator::NotIn => "NotIn",
            SelectorOperator::Exists => "Exists",
            SelectorOperator::DoesNotExist => "DoesNotExist",
        }
    }
}

impl fmt::Display for SelectorOperator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A label selector: labels that must match exactly, and expressions.
///
/// Build one from pairs (`Selector::from([("app", "web")])`) or with methods:
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let selector = Selector::new()
///     .label("app", "web")
///     .key_in("tier", ["frontend", "edge"]);
/// let labels = [("app".to_string(), "web".to_string()), ("tier".to_string(), "edge".to_string())]
///     .into_iter()
///     .collect();
/// assert!(selector.matches(&labels));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selector {
    labels: BTreeMap<String, String>,
    expressions: Vec<(String, SelectorOperator, Vec<String>)>,
}

impl Selector {
    /// An empty selector (add labels or expressions).
    pub fn new() -> Self {
        Selector::default()
    }

    /// Requires the label `key` with exactly `value` (`matchLabels`).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.labels.insert(key.into(), value.into());
        self
    }

    /// Requires the label `key` with one of `values`.
    pub fn key_in<V: Into<String>>(
        self,
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        self.expression(key, SelectorOperator::In, values)
    }

    /// Requires the label `key` to be absent or have none of `values`.
    pub fn key_not_in<V: Into<String>>(
        self,
        key: impl Into<String>,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        self.expression(key, SelectorOperator::NotIn, values)
    }

    /// Requires the label `key` to be present.
    pub fn exists(self, key: impl Into<String>) -> Self {
        self.expression(key, SelectorOperator::Exists, Vec::<String>::new())
    }

    /// Requires the label `key` to be absent.
    pub fn does_not_exist(self, key: impl Into<String>) -> Self {
        self.expression(key, SelectorOperator::DoesNotExist, Vec::<String>::new())
    }

    fn expression<V: Into<String>>(
        mut self,
        key: impl Into<String>,
        operator: SelectorOperator,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        self.expressions.push((
            key.into(),
            operator,
            values.into_iter().map(Into::into).collect(),
        ));
        self
    }

    /// Whether the selector has neither labels nor expressions (it would select every pod).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.expressions.is_empty()
    }

    /// The exact-match labels.
    pub fn labels(&self) -> &BTreeMap<String, String> {
        &self.labels
    }

    /// Whether pods with `labels` are selected.
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        label_selector_matches(&self.to_k8s_unchecked(), labels)
    }

    /// The k8s form, unchecked: for objects whose selector the validation pass checks.
    pub(crate) fn to_k8s_unchecked(&self) -> LabelSelector {
        LabelSelector {
            match_labels: (!self.labels.is_empty()).then(|| self.labels.clone()),
            match_expressions: (!self.expressions.is_empty()).then(|| {
                self.expressions
                    .iter()
                    .map(|(key, operator, values)| LabelSelectorRequirement {
                        key: key.clone(),
                        operator: operator.as_str().to_owned(),
                        values: match operator {
                            SelectorOperator::In | SelectorOperator::NotIn => Some(values.clone()),
                            SelectorOperator::Exists | SelectorOperator::DoesNotExist => {
                                (!values.is_empty()).then(|| values.clone())
                            }
                        },
                    })
                    .collect()
            }),
        }
    }

    /// The k8s form, with every key, operator and value checked (rule 8) at `path` by the
    /// validation pass's selector check.
    pub(crate) fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> LabelSelector {
        let selector = self.to_k8s_unchecked();
        crate::validate::meta::label_selector(&selector, path, report);
        selector
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> From<[(K, V); N]> for Selector {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs
            .into_iter()
            .fold(Selector::new(), |selector, (k, v)| selector.label(k, v))
    }
}

impl From<BTreeMap<String, String>> for Selector {
    fn from(labels: BTreeMap<String, String>) -> Self {
        Selector {
            labels,
            expressions: Vec::new(),
        }
    }
}

/// Whether a k8s `LabelSelector` selects pods with `labels` (an empty selector selects every
/// pod; an unknown operator selects none).
///
/// ```
/// use std::collections::BTreeMap;
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, LabelSelectorRequirement};
///
/// let selector = LabelSelector {
///     match_labels: Some(BTreeMap::from([("app".to_string(), "web".to_string())])),
///     match_expressions: Some(vec![LabelSelectorRequirement {
///         key: "track".to_string(),
///         operator: "NotIn".to_string(),
///         values: Some(vec!["canary".to_string()]),
///         ..Default::default()
///     }]),
///     ..Default::default()
/// };
/// let pod = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
///     pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
/// };
/// assert!(label_selector_matches(&selector, &pod(&[("app", "web")])));
/// assert!(label_selector_matches(&selector, &pod(&[("app", "web"), ("track", "stable")])));
/// assert!(!label_selector_matches(&selector, &pod(&[("app", "web"), ("track", "canary")])));
/// assert!(!label_selector_matches(&selector, &pod(&[("app", "api")])));
/// assert!(label_selector_matches(&LabelSelector::default(), &pod(&[])));
/// ```
pub fn label_selector_matches(selector: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    let exact = selector
        .match_labels
        .iter()
        .flatten()
        .all(|(k, v)| labels.get(k) == Some(v));
    exact
        && selector.match_expressions.iter().flatten().all(|req| {
            let value = labels.get(&req.key);
            let values = req.values.as_deref().unwrap_or_default();
            match req.operator.as_str() {
                "In" => value.is_some_and(|v| values.contains(v)),
                "NotIn" => value.is_none_or(|v| !values.contains(v)),
                "Exists" => value.is_some(),
                "DoesNotExist" => value.is_none(),
                _ => false,
            }
        })
}

/// A selector as `kubectl` writes it: `app=web,tier in (a,b)`.
pub(crate) fn describe_selector(selector: &LabelSelector) -> String {
    let mut parts: Vec<String> = selector
        .match_labels
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    for req in selector.match_expressions.iter().flatten() {
        let values = req.values.as_deref().unwrap_or_default().join(",");
        parts.push(match req.operator.as_str() {
            "In" => format!("{} in ({values})", req.key),
            "NotIn" => format!("{} notin ({values})", req.key),
            "Exists" => req.key.clone(),
            "DoesNotExist" => format!("!{}", req.key),
            other => format!("{} {other} ({values})", req.key),
        });
    }
    parts.join(",")
}

/// Labels as `app=web,tier=edge`.
pub(crate) fn describe_labels(labels: &BTreeMap<String, String>) -> String {
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn matching_follows_the_operators() {
        let l = labels(&[("app", "web"), ("tier", "edge")]);
        assert!(Selector::from([("app", "web")]).matches(&l));
        assert!(!Selector::from([("app", "db")]).matches(&l));
        assert!(Selector::new().key_in("tier", ["edge", "x"]).matches(&l));
        assert!(!Selector::new().key_not_in("tier", ["edge"]).matches(&l));
        assert!(Selector::new()
            .exists("app")
            .does_not_exist("zone")
            .matches(&l));
        assert!(!Selector::new().does_not_exist("app").matches(&l));
        assert!(Selector::new().matches(&l));
    }

    #[test]
    fn rule_8_selector_keys_and_values_are_checked() {
        let mut report = Report::new();
        let path = crate::validate::FieldPath::parse("spec.selector");
        let _ = Selector::new()
            .label("bad key", "v")
            .key_in("tier", Vec::<String>::new())
            .to_k8s(&path.at(), &mut report);
        let errors = report.finish(()).unwrap_err();
        assert!(errors.has("spec.selector.matchLabels", 8));
        assert!(errors.has("spec.selector.matchExpressions[0].values", 8));
    }

    #[test]
    fn describes_like_kubectl() {
        let s = Selector::new()
            .label("app", "web")
            .key_in("tier", ["a", "b"])
            .to_k8s_unchecked();
        assert_eq!(describe_selector(&s), "app=web,tier in (a,b)");
        assert_eq!(
            describe_labels(&labels(&[("a", "1"), ("b", "2")])),
            "a=1,b=2"
        );
    }
}
