//! DaemonSets: one pod per node (rule 65).

use k8s_openapi::api::apps::v1 as apps;

use super::apps::selector_and_template;
use super::common::{meta_methods, seconds_i32};
use super::deployment::RollingUpdate;
use super::selector::Selector;
use crate::meta::Meta;
use crate::pod::Pod;
use crate::rules::duration::Duration;
use crate::rules::names;
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

/// How a DaemonSet updates its pods (`spec.updateStrategy`).
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
///
/// let template = Pod::template()
///     .label("app", "agent")
///     .container(Container::new("agent").image("fluent/fluent-bit:3.1"));
/// let agent = DaemonSet::new("agent")
///     .update_strategy(DaemonSetStrategy::rolling_update().max_unavailable("10%"))
///     .template(template.clone())
///     .build()?;
/// let strategy = agent.spec.update_strategy.unwrap();
/// assert_eq!(strategy.type_.as_deref(), Some("RollingUpdate"));
/// let limits = strategy.rolling_update.unwrap();
/// assert_eq!(limits.max_unavailable, Some(IntOrString::String("10%".into())));
///
/// let manual = DaemonSet::new("agent")
///     .update_strategy(DaemonSetStrategy::OnDelete)
///     .template(template)
///     .build()?;
/// assert_eq!(manual.spec.update_strategy.unwrap().type_.as_deref(), Some("OnDelete"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DaemonSetStrategy {
    /// Replace pods node by node, within the limits.
    RollingUpdate(RollingUpdate),
    /// Only replace a pod when it is deleted.
    OnDelete,
}

impl DaemonSetStrategy {
    /// A rolling update: `DaemonSetStrategy::rolling_update().max_unavailable(1)`.
    pub fn rolling_update() -> RollingUpdate {
        RollingUpdate::new()
    }
}

impl From<RollingUpdate> for DaemonSetStrategy {
    fn from(update: RollingUpdate) -> Self {
        DaemonSetStrategy::RollingUpdate(update)
    }
}

/// A DaemonSet: one copy of a pod on every (selected) node.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let agent = DaemonSet::new("log-agent")
///     .template(
///         Pod::template()
///             .label("app", "log-agent")
///             .container(Container::new("agent").image("fluent/fluent-bit:3.1")),
///     )
///     .build()?;
/// assert_eq!(agent.metadata.name.as_deref(), Some("log-agent"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct DaemonSet {
    pub(crate) meta: Meta,
    pss: crate::pss::Policy,
    template: Option<Pod>,
    selector: Option<Selector>,
    update_strategy: Option<DaemonSetStrategy>,
    min_ready: Option<Parsed<Duration>>,
    revision_history_limit: Option<i32>,
}

impl DaemonSet {
    /// A DaemonSet called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        DaemonSet {
            meta: Meta::new(name),
            pss: crate::pss::Policy::default(),
            template: None,
            selector: None,
            update_strategy: None,
            min_ready: None,
            revision_history_limit: None,
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

    /// `DaemonSetStrategy::rolling_update()...` or `DaemonSetStrategy::OnDelete`.
    pub fn update_strategy(mut self, strategy: impl Into<DaemonSetStrategy>) -> Self {
        self.update_strategy = Some(strategy.into());
        self
    }

    /// How long a new pod must be ready before it counts as available.
    pub fn min_ready(mut self, duration: impl Into<Parsed<Duration>>) -> Self {
        self.min_ready = Some(duration.into());
        self
    }

    /// How many old revisions to keep (`spec.revisionHistoryLimit`, ≥ 0).
    pub fn revision_history_limit(mut self, limit: i32) -> Self {
        self.revision_history_limit = Some(limit);
        self
    }

    /// The k8s-openapi `DaemonSet`, or every error found.
    pub fn build(self) -> Result<apps::DaemonSet, Errors> {
        self.build_with_warnings().map(|(d, _)| d)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(apps::DaemonSet, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let set = self.to_k8s(&mut report);
        report.finish(set)
    }

    /// The DaemonSet, checking everything into `report`.
    // Some fields are `Option<_>` in older Kubernetes versions of k8s-openapi and required in
    // newer ones (`spec`, `value`); `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    pub(crate) fn to_k8s(&self, report: &mut Report) -> apps::DaemonSet {
        let metadata = self
            .meta
            .to_k8s(&At::root().field("metadata"), report, |name| {
                names::object_name(name, 0, "daemonset name")
            });
        let path = At::root().field("spec");
        let (selector, template) = selector_and_template(
            "DaemonSet",
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
        let update_strategy = self.update_strategy.as_ref().map(|s| match s {
            DaemonSetStrategy::OnDelete => apps::DaemonSetUpdateStrategy {
                type_: Some("OnDelete".to_owned()),
                rolling_update: None,
            },
            DaemonSetStrategy::RollingUpdate(update) => {
                let (max_surge, max_unavailable) =
                    update.check(&path.field("updateStrategy").field("rollingUpdate"), report);
                apps::DaemonSetUpdateStrategy {
                    type_: Some("RollingUpdate".to_owned()),
                    rolling_update: (max_surge.is_some() || max_unavailable.is_some()).then_some(
                        apps::RollingUpdateDaemonSet {
                            max_surge,
                            max_unavailable,
                        },
                    ),
                }
            }
        });
        let spec = apps::DaemonSetSpec {
            min_ready_seconds,
            revision_history_limit: self.revision_history_limit,
            selector,
            template,
            update_strategy,
        };
        crate::validate::apps::daemon_set_spec(&spec, &path, report);
        apps::DaemonSet {
            metadata,
            spec: spec.into(),
            ..apps::DaemonSet::default()
        }
    }
}
