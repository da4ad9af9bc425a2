//! Small pieces every workload builder shares: reading `spec` fields whose optionality
//! differs between Kubernetes versions, durations as whole seconds, counts that must not be
//! negative, and the metadata methods.

use crate::rules::duration::Duration;
use crate::validate::{At, Report};
use crate::value::Parsed;

/// Read access to a `spec` field that is `Option<T>` in some Kubernetes versions of
/// k8s-openapi and plain `T` in others (`CronJob.spec` became required in 1.36,
/// `Deployment.spec` in 1.37). Writing needs no helper: `spec: value.into()` fits both.
pub(crate) trait SpecRef<T> {
    /// The spec, if present.
    fn spec_ref(&self) -> Option<&T>;
}

impl<T> SpecRef<T> for Option<T> {
    fn spec_ref(&self) -> Option<&T> {
        self.as_ref()
    }
}

/// Implements [`SpecRef`] for spec types that some Kubernetes versions make required.
macro_rules! required_spec {
    ($($ty:ty),* $(,)?) => {
        $(
            impl SpecRef<$ty> for $ty {
                fn spec_ref(&self) -> Option<&$ty> {
                    Some(self)
                }
            }
        )*
    };
}

required_spec!(
    k8s_openapi::api::batch::v1::CronJobSpec,
    k8s_openapi::api::apps::v1::DeploymentSpec,
    k8s_openapi::api::apps::v1::StatefulSetSpec,
    k8s_openapi::api::apps::v1::DaemonSetSpec,
    k8s_openapi::api::apps::v1::ReplicaSetSpec,
    k8s_openapi::api::autoscaling::v2::HorizontalPodAutoscalerSpec,
);

/// A duration field as whole seconds, checked to lie in `0..=max` (`rule` on failure).
pub(crate) fn seconds(
    report: &mut Report,
    path: &At<'_>,
    value: Option<&Parsed<Duration>>,
    rule: u16,
    max: i64,
) -> Option<i64> {
    let duration = report.check(path, value?.parse())?;
    let secs = duration.as_secs();
    if secs < 0 {
        report.error(
            path,
            rule,
            format!("must be greater than or equal to 0, not {secs}s"),
            "use a duration of zero or more seconds",
        );
        return None;
    }
    if secs > max {
        report.error(
            path,
            rule,
            format!("{duration} ({secs}s) is more than the largest allowed value, {max}s"),
            format!("use at most {max} seconds"),
        );
        return None;
    }
    Some(secs)
}

/// A duration field as an `i32` number of seconds (most `*Seconds` fields).
pub(crate) fn seconds_i32(
    report: &mut Report,
    path: &At<'_>,
    value: Option<&Parsed<Duration>>,
    rule: u16,
) -> Option<i32> {
    seconds(report, path, value, rule, i64::from(i32::MAX)).and_then(|s| i32::try_from(s).ok())
}

/// The `namespace`, `label` and `annotation` methods of a builder with a `meta: Meta` field.
macro_rules! meta_methods {
    () => {
        /// Sets `metadata.namespace` (checked as a DNS label when built).
        pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
            self.meta = self.meta.namespace(namespace);
            self
        }

        /// Adds a label to `metadata.labels` (key and value checked when built, rule 8).
        pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            self.meta = self.meta.label(key, value);
            self
        }

        /// Adds an annotation to `metadata.annotations` (checked when built, rule 9).
        pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            self.meta = self.meta.annotation(key, value);
            self
        }
    };
}
pub(crate) use meta_methods;
