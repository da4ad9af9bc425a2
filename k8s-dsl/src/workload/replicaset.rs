//! ReplicaSets: a number of copies of a pod, without rollouts (rule 65).

use k8s_openapi::api::apps::v1 as apps;

use super::apps::selector_and_template;
use super::common::{meta_methods, seconds_i32};
use super::selector::Selector;
use crate::meta::Meta;
use crate::pod::Pod;
use crate::rules::duration::Duration;
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

/// A ReplicaSet: `replicas` copies of a pod, kept running. A Deployment manages ReplicaSets
/// for you and rolls out changes; use a ReplicaSet alone when you manage updates yourself.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let set = ReplicaSet::new("frontend")
///     .replicas(3)
///     .template(
///         Pod::template()
///             .label("tier", "frontend")
///             .container(Container::new("php-redis").image("us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5")),
///     )
///     .build()?;
/// // `spec` is optional in some Kubernetes versions of k8s-openapi: read it as JSON.
/// let spec = &serde_json::to_value(&set)?["spec"];
/// assert_eq!(spec["replicas"], 3);
/// assert_eq!(spec["selector"]["matchLabels"]["tier"], "frontend");
///
/// let errors = ReplicaSet::new("frontend").replicas(-1).build().unwrap_err();
/// assert!(errors.has("spec.replicas", 65));
/// assert!(errors.has("spec.template.spec.containers", 12));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ReplicaSet {
    pub(crate) meta: Meta,
    pss: crate::pss::Policy,
    template: Option<Pod>,
    selector: Option<Selector>,
    replicas: Option<i32>,
    min_ready: Option<Parsed<Duration>>,
}

impl ReplicaSet {
    /// A ReplicaSet called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        ReplicaSet {
            meta: Meta::new(name),
            pss: crate::pss::Policy::default(),
            template: None,
            selector: None,
            replicas: None,
            min_ready: None,
        }
    }

    meta_methods!();

    crate::pss::pss_methods!(template);

    /// The pod template; its checks report under `spec.template`.
    pub fn template(mut self, pod: Pod) -> Self {
        self.template = Some(pod.with_pss(self.pss));
        self
    }

    /// A selector of your own; by default the template labels (rule 65).
    pub fn selector(mut self, selector: impl Into<Selector>) -> Self {
        self.selector = Some(selector.into());
        self
    }

    /// How many pods to run (`spec.replicas`, ≥ 0, rule 65).
    pub fn replicas(mut self, replicas: i32) -> Self {
        self.replicas = Some(replicas);
        self
    }

    /// How long a new pod must be ready before it counts as available.
    pub fn min_ready(mut self, duration: impl Into<Parsed<Duration>>) -> Self {
        self.min_ready = Some(duration.into());
        self
    }

    /// The k8s-openapi `ReplicaSet`, or every error found.
    pub fn build(self) -> Result<apps::ReplicaSet, Errors> {
        self.build_with_warnings().map(|(set, _)| set)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(apps::ReplicaSet, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let set = self.to_k8s(&mut report);
        report.finish(set)
    }

    /// The ReplicaSet, checking everything into `report`.
    // `spec` is `Option<_>` in older Kubernetes versions of k8s-openapi and required in newer
    // ones; `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    fn to_k8s(&self, report: &mut Report) -> apps::ReplicaSet {
        let metadata = self.meta.to_k8s(
            &At::root().field("metadata"),
            report,
            crate::validate::meta::replica_set_name,
        );
        let path = At::root().field("spec");
        let (selector, template) = selector_and_template(
            "ReplicaSet",
            self.template.as_ref(),
            self.selector.as_ref(),
            &[],
            &path,
            report,
        );
        let replicas = self.replicas;
        let min_ready_seconds = seconds_i32(
            report,
            &path.field("minReadySeconds"),
            self.min_ready.as_ref(),
            65,
        );
        let spec = apps::ReplicaSetSpec {
            min_ready_seconds,
            replicas,
            selector,
            template: Some(template),
        };
        crate::validate::apps::replica_set_spec(&spec, &path, report);
        apps::ReplicaSet {
            metadata,
            spec: spec.into(),
            ..apps::ReplicaSet::default()
        }
    }
}
