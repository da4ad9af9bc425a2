//! The pod's container lists as a whole (`validateContainers`, `validateInitContainers`,
//! `validateEphemeralContainers`): at least one app container (rule 12), unique names across
//! every list (rule 13), host ports used once (rule 19).

use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::shown;
use crate::validate::{At, Report};

/// Rule 12 (`validateContainers`): at least one app container. Sidecars of any kind and init
/// containers do not count. `path` is the pod spec's `containers`.
pub(crate) fn has_app_container(path: &At<'_>, has_init: bool, report: &mut Report) {
    let message = if has_init {
        "a pod needs at least one app container; init containers and native sidecars (sidecar, \
         ambassador, adapter) do not count"
    } else {
        "a pod needs at least one container"
    };
    report.error(
        path,
        12,
        message,
        "add one with `.container(Container::new(..))`",
    );
}

/// Rule 13 (`validateContainers`, `validateInitContainers`, `validateEphemeralContainers`):
/// names are unique across app, init and ephemeral containers. As the API server does, a clash
/// between an init and an app container is reported at the init container; a clash within one
/// list at the later container. `spec` is the pod spec's path.
pub(crate) fn unique_names(
    spec: &At<'_>,
    app: &[k8s::Container],
    init: &[k8s::Container],
    ephemeral: &[k8s::EphemeralContainer],
    report: &mut Report,
) {
    // Each name with the list and index of its first container; paths are made for errors only.
    let mut seen: BTreeMap<&str, (&'static str, usize)> = BTreeMap::new();
    let app_names = app.iter().map(|c| c.name.as_str());
    let init_names = init.iter().map(|c| c.name.as_str());
    let ephemeral_names = ephemeral.iter().map(|c| c.name.as_str());
    let all = app_names
        .enumerate()
        .map(|(i, n)| ("containers", i, n))
        .chain(
            init_names
                .enumerate()
                .map(|(i, n)| ("initContainers", i, n)),
        )
        .chain(
            ephemeral_names
                .enumerate()
                .map(|(i, n)| ("ephemeralContainers", i, n)),
        );
    for (field, i, name) in all {
        match seen.get(name) {
            Some((first_field, first_index)) => {
                let first_list = spec.field(first_field);
                let first = first_list.index(*first_index);
                let list = spec.field(field);
                report.error(
                    &list.index(i).field("name"),
                    13,
                    format!(
                        "container name {} is already used by `{first}`",
                        shown(name)
                    ),
                    "give each container (init, sidecar and app) its own name",
                );
            }
            None => {
                seen.insert(name, (field, i));
            }
        }
    }
}

/// Rule 19 (`checkHostPortConflicts`): a (protocol, hostIP, hostPort) triple is used once across
/// all app containers, and once within each init container. `spec` is the pod spec's path.
pub(crate) fn host_ports(
    spec: &At<'_>,
    app: &[k8s::Container],
    init: &[k8s::Container],
    report: &mut Report,
) {
    fn check<'a>(
        at: &At<'_>,
        container: &'a k8s::Container,
        seen: &mut BTreeSet<(&'a str, &'a str, i32)>,
        report: &mut Report,
    ) {
        for (j, port) in container.ports.iter().flatten().enumerate() {
            let Some(host_port) = port.host_port.filter(|p| *p != 0) else {
                continue;
            };
            let protocol = port.protocol.as_deref().unwrap_or("TCP");
            let ip = port.host_ip.as_deref().unwrap_or("");
            if !seen.insert((protocol, ip, host_port)) {
                report.error(
                    &at.field("ports").index(j).field("hostPort"),
                    19,
                    format!("host port {host_port}/{protocol} is used twice in this pod"),
                    "give each host port (per protocol and host IP) to one container port only",
                );
            }
        }
    }
    let mut seen = BTreeSet::new();
    let containers = spec.field("containers");
    for (i, c) in app.iter().enumerate() {
        check(&containers.index(i), c, &mut seen, report);
    }
    let init_containers = spec.field("initContainers");
    for (i, c) in init.iter().enumerate() {
        check(&init_containers.index(i), c, &mut BTreeSet::new(), report);
    }
}
