//! Containers' in-place resize policies (rule 18: `validateResizePolicy`); on an init container
//! that is not a sidecar the API server takes one, and nothing uses it: a warning.

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::{ResizeResource, ResizeRestartPolicy};
use crate::validate::{At, Report};

/// Rule 18 over every container of a pod spec at `path`; `restart_policy` is the pod's
/// (`Always` when unset, as the API server defaults it).
pub(crate) fn resize_policies(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    let never = spec.restart_policy.as_deref() == Some("Never");
    let init_path = path.field("initContainers");
    for (i, c) in spec.init_containers.iter().flatten().enumerate() {
        let Some(policies) = c.resize_policy.as_deref().filter(|p| !p.is_empty()) else {
            continue;
        };
        let at = init_path.index(i);
        let at = at.field("resizePolicy");
        if c.restart_policy.as_deref() == Some("Always") {
            container(&at, policies, never, report);
        } else {
            // The API server takes it; the kubelet resizes no init container in place.
            report.warn(
                &at,
                format!(
                    "init container `{}` sets `resizePolicy`, which only sidecars and app containers use (rule 18); remove it, or make the container a sidecar (`restartPolicy: Always`)",
                    c.name
                ),
            );
        }
    }
    let app_path = path.field("containers");
    for (i, c) in spec.containers.iter().enumerate() {
        if let Some(policies) = c.resize_policy.as_deref() {
            let at = app_path.index(i);
            container(&at.field("resizePolicy"), policies, never, report);
        }
    }
}

/// One container's `resizePolicy` at `path`: known resources, once each, known policies, and
/// `NotRequired` when the pod never restarts its containers.
fn container(
    path: &At<'_>,
    policies: &[k8s::ContainerResizePolicy],
    never: bool,
    report: &mut Report,
) {
    let mut seen = BTreeSet::new();
    for (i, policy) in policies.iter().enumerate() {
        let name = policy.resource_name.as_str();
        if !seen.insert(name) {
            report.error(
                &path.index(i),
                18,
                format!("resize policy for `{name}` is given twice"),
                "give one policy per resource",
            );
        }
        report.check(path, name.parse::<ResizeResource>());
        let restart = policy.restart_policy.as_str();
        report.check(path, restart.parse::<ResizeRestartPolicy>());
        if never && restart != ResizeRestartPolicy::NotRequired.as_str() {
            report.error(
                path,
                18,
                format!(
                    "resize policy `{restart}` for `{name}` with pod `restartPolicy: Never`; it must be `NotRequired`"
                ),
                "use `ResizeRestartPolicy::NotRequired`, or another pod restart policy",
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn spec(policies: &[(&str, &str)], restart: Option<&str>, init: bool) -> k8s::PodSpec {
        let container = k8s::Container {
            name: "app".into(),
            image: Some("nginx:1.27".into()),
            resize_policy: Some(
                policies
                    .iter()
                    .map(|(r, p)| k8s::ContainerResizePolicy {
                        resource_name: (*r).into(),
                        restart_policy: (*p).into(),
                    })
                    .collect(),
            ),
            ..Default::default()
        };
        let mut spec = k8s::PodSpec {
            restart_policy: restart.map(Into::into),
            ..Default::default()
        };
        if init {
            spec.init_containers = Some(vec![container]);
        } else {
            spec.containers = vec![container];
        }
        spec
    }

    fn errors(spec: &k8s::PodSpec) -> Vec<(String, u16)> {
        let mut report = Report::new();
        resize_policies(&At::root().field("spec"), spec, &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_18_known_resources_and_policies_pass() {
        let s = spec(
            &[("cpu", "NotRequired"), ("memory", "RestartContainer")],
            None,
            false,
        );
        assert!(errors(&s).is_empty());
    }

    #[test]
    fn rule_18_unknown_resource_and_policy_are_refused() {
        let s = spec(&[("gpu", "NotRequired")], None, false);
        assert_eq!(
            errors(&s),
            [("spec.containers[0].resizePolicy".to_owned(), 18)]
        );
        let s = spec(&[("cpu", "notRequired")], None, false);
        assert_eq!(
            errors(&s),
            [("spec.containers[0].resizePolicy".to_owned(), 18)]
        );
    }

    #[test]
    fn rule_18_a_resource_twice_is_refused() {
        let s = spec(
            &[("cpu", "NotRequired"), ("cpu", "RestartContainer")],
            None,
            false,
        );
        assert_eq!(
            errors(&s),
            [("spec.containers[0].resizePolicy[1]".to_owned(), 18)]
        );
    }

    #[test]
    fn rule_18_restart_container_needs_a_restarting_pod() {
        let s = spec(&[("memory", "RestartContainer")], Some("Never"), false);
        assert_eq!(
            errors(&s),
            [("spec.containers[0].resizePolicy".to_owned(), 18)]
        );
        let s = spec(&[("memory", "NotRequired")], Some("Never"), false);
        assert!(errors(&s).is_empty());
        let s = spec(&[("memory", "RestartContainer")], Some("OnFailure"), false);
        assert!(errors(&s).is_empty());
    }

    #[test]
    fn rule_18_a_resize_policy_on_an_init_container_is_a_warning() {
        // The API server takes it on a plain init container: a warning, not an error.
        let s = spec(&[("cpu", "NotRequired")], None, true);
        assert!(errors(&s).is_empty());
        let mut report = Report::new();
        resize_policies(&At::root().field("spec"), &s, &mut report);
        assert_eq!(report.warnings().len(), 1);
        let mut sidecar = spec(&[("cpu", "NotRequired")], None, true);
        if let Some(c) = sidecar.init_containers.as_mut().and_then(|c| c.first_mut()) {
            c.restart_policy = Some("Always".into());
        }
        assert!(errors(&sidecar).is_empty());
    }
}
