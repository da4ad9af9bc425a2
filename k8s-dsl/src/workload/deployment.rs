//! Deployments: replicated pods that keep running, rolled out step by step (rule 65).

use k8s_openapi::api::apps::v1 as apps;

use super::apps::selector_and_template;
use super::common::{meta_methods, seconds_i32};
use super::int_or_percent::IntOrPercent;
use super::selector::Selector;
use crate::meta::Meta;
use crate::pod::Pod;
use crate::rules::duration::Duration;
use crate::rules::names;
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

/// The limits of a rolling update (Deployments and DaemonSets): how many extra pods may be
/// created (`maxSurge`) and how many may be unavailable (`maxUnavailable`), each a number or
/// a percentage. Limits left out take the API default; both may not be 0 (rule 65).
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
///
/// let template = Pod::template()
///     .label("app", "web")
///     .container(Container::new("web").image("nginx:1.27"));
/// let web = Deployment::new("web")
///     .strategy(RollingUpdate::new().max_surge("50%").max_unavailable(0))
///     .template(template.clone())
///     .build()?;
/// let limits = web.spec.strategy.unwrap().rolling_update.unwrap();
/// assert_eq!(limits.max_surge, Some(IntOrString::String("50%".into())));
/// assert_eq!(limits.max_unavailable, Some(IntOrString::Int(0)));
///
/// // Nothing extra and nothing unavailable: the rollout could never start.
/// let errors = Deployment::new("web")
///     .strategy(RollingUpdate::new().max_surge(0).max_unavailable(0))
///     .template(template)
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.strategy.rollingUpdate.maxUnavailable", 65));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RollingUpdate {
    max_surge: Option<IntOrPercent>,
    max_unavailable: Option<IntOrPercent>,
}

impl RollingUpdate {
    /// A rolling update with the API's default limits.
    pub fn new() -> Self {
        RollingUpdate::default()
    }

    /// Sets `maxSurge`: `1` or `"25%"`.
    pub fn max_surge(mut self, value: impl Into<IntOrPercent>) -> Self {
        self.max_surge = Some(value.into());
        self
    }

    /// Sets `maxUnavailable`: `0` or `"25%"` (at most 100%).
    pub fn max_unavailable(mut self, value: impl Into<IntOrPercent>) -> Self {
        self.max_unavailable = Some(value.into());
        self
    }

    /// Checks the limits (rule 65) at `path` (`spec.strategy.rollingUpdate`).
    pub(crate) fn check(
        &self,
        path: &At<'_>,
        report: &mut Report,
    ) -> (
        Option<k8s_openapi::apimachinery::pkg::util::intstr::IntOrString>,
        Option<k8s_openapi::apimachinery::pkg::util::intstr::IntOrString>,
    ) {
        let surge = self
            .max_surge
            .as_ref()
            .and_then(|v| v.check(report, &path.field("maxSurge"), 65, None));
        let unavailable_path = path.field("maxUnavailable");
        let unavailable = self
            .max_unavailable
            .as_ref()
            .and_then(|v| v.check(report, &unavailable_path, 65, Some(100)));
        // Both 0 is checked with the spec (`validate::apps`).
        (surge.map(|(v, _)| v), unavailable.map(|(v, _)| v))
    }
}

/// How a Deployment replaces old pods with new ones (`spec.strategy`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let template = Pod::template()
///     .label("app", "db")
///     .container(Container::new("db").image("postgres:17"));
/// let db = Deployment::new("db")
///     .strategy(DeploymentStrategy::Recreate)
///     .template(template.clone())
///     .build()?;
/// let strategy = db.spec.strategy.unwrap();
/// assert_eq!(strategy.type_.as_deref(), Some("Recreate"));
/// assert!(strategy.rolling_update.is_none());
///
/// let web = Deployment::new("web")
///     .strategy(DeploymentStrategy::rolling_update().max_surge(1))
///     .template(template)
///     .build()?;
/// let strategy = web.spec.strategy.unwrap();
/// assert_eq!(strategy.type_.as_deref(), Some("RollingUpdate"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeploymentStrategy {
    /// Kill all old pods before creating new ones.
    Recreate,
    /// Replace pods gradually.
    RollingUpdate(RollingUpdate),
}

impl DeploymentStrategy {
    /// A rolling update: `DeploymentStrategy::rolling_update().max_surge(1).max_unavailable(0)`.
    pub fn rolling_update() -> RollingUpdate {
        RollingUpdate::new()
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> apps::DeploymentStrategy {
        match self {
            DeploymentStrategy::Recreate => apps::DeploymentStrategy {
                type_: Some("Recreate".to_owned()),
                rolling_update: None,
            },
            DeploymentStrategy::RollingUpdate(update) => {
                let (max_surge, max_unavailable) =
                    update.check(&path.field("rollingUpdate"), report);
                let rolling_update = (max_surge.is_some() || max_unavailable.is_some()).then_some(
                    apps::RollingUpdateDeployment {
                        max_surge,
                        max_unavailable,
                    },
                );
                apps::DeploymentStrategy {
                    type_: Some("RollingUpdate".to_owned()),
                    rolling_update,
                }
            }
        }
    }
}

impl From<RollingUpdate> for DeploymentStrategy {
    fn from(update: RollingUpdate) -> Self {
        DeploymentStrategy::RollingUpdate(update)
    }
}

/// A Deployment: `replicas` copies of a pod, replaced by a rolling update or recreated.
///
/// The selector is derived from the template labels unless given with
/// [`selector`](Self::selector), which must then match them (rule 65).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let deployment = Deployment::new("web")
///     .replicas(3)
///     .strategy(DeploymentStrategy::rolling_update().max_surge(1).max_unavailable(0))
///     .template(
///         Pod::template()
///             .label("app", "web")
///             .container(Container::new("web").image("nginx:1.27").port(ContainerPort::tcp(80).name("http"))),
///     )
///     .build()?;
/// let yaml = k8s_dsl::emit::to_yaml(&deployment)?;
/// assert!(yaml.contains("  selector:\n    matchLabels:\n      app: web\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Deployment {
    pub(crate) meta: Meta,
    pss: crate::pss::Policy,
    template: Option<Pod>,
    selector: Option<Selector>,
    replicas: Option<i32>,
    strategy: Option<DeploymentStrategy>,
    min_ready: Option<Parsed<Duration>>,
    progress_deadline: Option<Parsed<Duration>>,
    revision_history_limit: Option<i32>,
    paused: Option<bool>,
}

impl Deployment {
    /// A Deployment called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        Deployment {
            meta: Meta::new(name),
            pss: crate::pss::Policy::default(),
            template: None,
            selector: None,
            replicas: None,
            strategy: None,
            min_ready: None,
            progress_deadline: None,
            revision_history_limit: None,
            paused: None,
        }
    }

    meta_methods!();

    crate::pss::pss_methods!(template);

    /// The pod template (`Pod::template().label(..).container(..)`); its checks report under
    /// `spec.template`.
    pub fn template(mut self, pod: Pod) -> Self {
        self.template = Some(pod.with_pss(self.pss));
        self
    }

    /// A selector of your own; by default the template labels are the selector. It must match
    /// the template labels (rule 65).
    pub fn selector(mut self, selector: impl Into<Selector>) -> Self {
        self.selector = Some(selector.into());
        self
    }

    /// How many pods to run (`spec.replicas`, ≥ 0, rule 65).
    pub fn replicas(mut self, replicas: i32) -> Self {
        self.replicas = Some(replicas);
        self
    }

    /// How pods are replaced: `DeploymentStrategy::Recreate` or
    /// `DeploymentStrategy::rolling_update()...`.
    pub fn strategy(mut self, strategy: impl Into<DeploymentStrategy>) -> Self {
        self.strategy = Some(strategy.into());
        self
    }

    /// How long a new pod must be ready before it counts as available (`spec.minReadySeconds`).
    pub fn min_ready(mut self, duration: impl Into<Parsed<Duration>>) -> Self {
        self.min_ready = Some(duration.into());
        self
    }

    /// How long a rollout may make no progress before it is reported as failed
    /// (`spec.progressDeadlineSeconds`; must exceed `minReadySeconds`, rule 65).
    pub fn progress_deadline(mut self, duration: impl Into<Parsed<Duration>>) -> Self {
        self.progress_deadline = Some(duration.into());
        self
    }

    /// How many old ReplicaSets to keep for rollbacks (`spec.revisionHistoryLimit`, ≥ 0).
    pub fn revision_history_limit(mut self, limit: i32) -> Self {
        self.revision_history_limit = Some(limit);
        self
    }

    /// Creates the Deployment paused (`spec.paused`).
    pub fn paused(mut self, paused: bool) -> Self {
        self.paused = Some(paused);
        self
    }

    /// The k8s-openapi `Deployment`, or every error found.
    pub fn build(self) -> Result<apps::Deployment, Errors> {
        self.build_with_warnings().map(|(d, _)| d)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(apps::Deployment, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let deployment = self.to_k8s(&mut report);
        report.finish(deployment)
    }

    /// The Deployment, checking everything into `report`.
    // Some fields are `Option<_>` in older Kubernetes versions of k8s-openapi and required in
    // newer ones (`spec`, `value`); `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    pub(crate) fn to_k8s(&self, report: &mut Report) -> apps::Deployment {
        let metadata = self
            .meta
            .to_k8s(&At::root().field("metadata"), report, |name| {
                names::object_name(name, 0, "deployment name")
            });
        let path = At::root().field("spec");
        let (selector, template) = selector_and_template(
            "Deployment",
            self.template.as_ref(),
            self.selector.as_ref(),
            &[],
            &path,
            report,
        );
        let min_ready_seconds = seconds_i32(
            report,
            &path.field("minReadySeconds"),
            self.min_ready.as_ref(),
            65,
        );
        let deadline_path = path.field("progressDeadlineSeconds");
        let progress_deadline_seconds =
            seconds_i32(report, &deadline_path, self.progress_deadline.as_ref(), 65);
        let strategy = self
            .strategy
            .as_ref()
            .map(|s| s.to_k8s(&path.field("strategy"), report));
        let spec = apps::DeploymentSpec {
            min_ready_seconds,
            paused: self.paused,
            progress_deadline_seconds,
            replicas: self.replicas,
            revision_history_limit: self.revision_history_limit,
            selector,
            strategy,
            template,
        };
        crate::validate::apps::deployment_spec(&spec, &path, report);
        apps::Deployment {
            metadata,
            spec: spec.into(),
            ..apps::Deployment::default()
        }
    }
}
