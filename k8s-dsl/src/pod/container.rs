//! One container of a pod: image, command, ports, env, resources, mounts, probes, hooks and
//! security context; `build()` checks them with the pod spec (rules 6, 14-17, 20-38, 47, 48).

mod mount;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests;

use k8s_openapi::api::core::v1 as api;

use crate::rules::enums::{
    ImagePullPolicy, ResizeResource, ResizeRestartPolicy, TerminationMessagePolicy,
};
use crate::rules::quantity::Quantity;
use crate::rules::shown;
use crate::validate::{At, Report};
use crate::value::Parsed;

use super::env::{self, EnvFrom, EnvVar};
use super::lifecycle::Handler;
use super::port::{self, ContainerPort};
use super::probe::{Probe, ProbeKind};
use super::resources::Resources;
use super::security::SecurityContext;
use super::{ContainerKind, PodContext, VolumeName};

pub(crate) use mount::mounts_to_k8s;
pub use mount::VolumeMount;

/// A container: what runs in a pod, and everything the kubelet needs to run it.
///
/// Every setter records what was given; `build()` of the pod (or workload) checks it all and
/// reports every mistake with its field path. Nothing is emitted that was not set.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let web = Container::new("web")
///     .image("nginx:1.27")
///     .port(ContainerPort::tcp(8080).name("http"))
///     .env("LOG_LEVEL", "info")
///     .env_var(EnvVar::secret_key("API_TOKEN", "web-secrets", "token"))
///     .cpu("250m", "1")
///     .memory("128Mi", "256Mi")
///     .mount_read_only("config", "/etc/web")
///     .readiness_probe(Probe::http_get("/ready", "http").period(Duration::seconds(5)))
///     .liveness_probe(Probe::tcp_socket("http").initial_delay("30s"))
///     .security_context(SecurityContext::restricted());
/// assert_eq!(web.name(), "web");
/// assert_eq!(web.port_names().collect::<Vec<_>>(), ["http"]);
/// assert_eq!(web.volume_names().collect::<Vec<_>>(), ["config"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Container {
    name: String,
    image: Option<String>,
    image_pull_policy: Option<ImagePullPolicy>,
    command: Option<Vec<String>>,
    args: Option<Vec<String>>,
    working_dir: Option<String>,
    ports: Vec<ContainerPort>,
    env: Vec<EnvVar>,
    env_from: Vec<EnvFrom>,
    resources: Resources,
    mounts: Vec<VolumeMount>,
    readiness_probe: Option<Probe>,
    liveness_probe: Option<Probe>,
    startup_probe: Option<Probe>,
    post_start: Option<Handler>,
    pre_stop: Option<Handler>,
    security_context: Option<SecurityContext>,
    termination_message_policy: Option<TerminationMessagePolicy>,
    termination_message_path: Option<String>,
    stdin: Option<bool>,
    stdin_once: Option<bool>,
    tty: Option<bool>,
    resize_policies: Vec<(ResizeResource, ResizeRestartPolicy)>,
}

impl Container {
    /// A container named `name` (rule 6: a DNS-1123 label, unique in the pod).
    pub fn new(name: impl Into<String>) -> Self {
        Container {
            name: name.into(),
            image: None,
            image_pull_policy: None,
            command: None,
            args: None,
            working_dir: None,
            ports: Vec::new(),
            env: Vec::new(),
            env_from: Vec::new(),
            resources: Resources::default(),
            mounts: Vec::new(),
            readiness_probe: None,
            liveness_probe: None,
            startup_probe: None,
            post_start: None,
            pre_stop: None,
            security_context: None,
            termination_message_policy: None,
            termination_message_path: None,
            stdin: None,
            stdin_once: None,
            tty: None,
            resize_policies: Vec::new(),
        }
    }

    /// What happens when `resource` is resized in place (`resizePolicy`, rule 18): resized
    /// without a restart (`NotRequired`), or with one (`RestartContainer`; not in a pod with
    /// `restartPolicy: Never`). Not for init containers; sidecars take it.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let app = Container::new("app")
    ///     .image("app:1.4")
    ///     .resize_policy(ResizeResource::Cpu, ResizeRestartPolicy::NotRequired)
    ///     .resize_policy(ResizeResource::Memory, ResizeRestartPolicy::RestartContainer);
    /// let pod = Pod::new("app").container(app).build()?;
    /// let policies = pod.spec.unwrap().containers[0].resize_policy.clone().unwrap();
    /// assert_eq!(policies[1].restart_policy, "RestartContainer");
    ///
    /// let errors = Pod::new("job-pod")
    ///     .restart_policy(RestartPolicy::Never)
    ///     .container(
    ///         Container::new("work")
    ///             .image("app:1.4")
    ///             .resize_policy(ResizeResource::Memory, ResizeRestartPolicy::RestartContainer),
    ///     )
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("spec.containers[0].resizePolicy", 18));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn resize_policy(mut self, resource: ResizeResource, policy: ResizeRestartPolicy) -> Self {
        self.resize_policies.push((resource, policy));
        self
    }

    /// The image to run (rule 14: required; `build()` warns about a missing tag or `latest`).
    pub fn image(mut self, image: impl Into<String>) -> Self {
        self.image = Some(image.into());
        self
    }

    /// When the kubelet pulls the image.
    pub fn image_pull_policy(mut self, policy: ImagePullPolicy) -> Self {
        self.image_pull_policy = Some(policy);
        self
    }

    /// The entrypoint, replacing the image's `ENTRYPOINT`.
    pub fn command<I, S>(mut self, command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.command = Some(command.into_iter().map(Into::into).collect());
        self
    }

    /// The arguments, replacing the image's `CMD`.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args = Some(args.into_iter().map(Into::into).collect());
        self
    }

    /// The working directory of the entrypoint.
    pub fn working_dir(mut self, dir: impl Into<String>) -> Self {
        self.working_dir = Some(dir.into());
        self
    }

    /// Declares a port the container listens on (rules 20-23).
    pub fn port(mut self, port: ContainerPort) -> Self {
        self.ports.push(port);
        self
    }

    /// Sets an environment variable to a literal value (rule 30 for the name).
    pub fn env(self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.env_var(EnvVar::value(name, value))
    }

    /// Adds an environment variable from any source (rules 30-34).
    pub fn env_var(mut self, var: EnvVar) -> Self {
        self.env.push(var);
        self
    }

    /// Adds every key of a ConfigMap or Secret as environment variables (rule 35).
    pub fn env_from(mut self, source: EnvFrom) -> Self {
        self.env_from.push(source);
        self
    }

    /// Requests `quantity` of `resource` (`cpu`, `memory`, `ephemeral-storage`,
    /// `hugepages-2Mi`, `example.com/gpu`; rule 48). Setting a resource again replaces it.
    pub fn request(
        mut self,
        resource: impl Into<String>,
        quantity: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.resources.request(resource.into(), quantity.into());
        self
    }

    /// Limits `resource` to `quantity` (rule 48: a request may not exceed its limit).
    pub fn limit(
        mut self,
        resource: impl Into<String>,
        quantity: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.resources.limit(resource.into(), quantity.into());
        self
    }

    /// Requests and limits CPU: `.cpu("250m", "1")`.
    pub fn cpu(
        self,
        request: impl Into<Parsed<Quantity>>,
        limit: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.request("cpu", request).limit("cpu", limit)
    }

    /// Requests and limits memory: `.memory("128Mi", "256Mi")`.
    pub fn memory(
        self,
        request: impl Into<Parsed<Quantity>>,
        limit: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.request("memory", request).limit("memory", limit)
    }

    /// Mounts the pod's volume `volume` at `path`, read-write (rule 37: the pod must declare
    /// the volume).
    pub fn mount(self, volume: impl VolumeName, path: impl Into<String>) -> Self {
        self.volume_mount(VolumeMount::new(volume, path))
    }

    /// Mounts the pod's volume `volume` at `path`, read-only.
    pub fn mount_read_only(self, volume: impl VolumeName, path: impl Into<String>) -> Self {
        self.volume_mount(VolumeMount::new(volume, path).read_only())
    }

    /// Adds a mount with sub path or propagation settings.
    pub fn volume_mount(mut self, mount: VolumeMount) -> Self {
        self.mounts.push(mount);
        self
    }

    /// When the container is ready for traffic (not allowed on plain init containers, rule 17).
    pub fn readiness_probe(mut self, probe: Probe) -> Self {
        self.readiness_probe = Some(probe);
        self
    }

    /// When the container is restarted (rule 29: success threshold 1).
    pub fn liveness_probe(mut self, probe: Probe) -> Self {
        self.liveness_probe = Some(probe);
        self
    }

    /// When the container has started; the other probes wait for it (rule 29).
    pub fn startup_probe(mut self, probe: Probe) -> Self {
        self.startup_probe = Some(probe);
        self
    }

    /// Runs right after the container starts.
    pub fn post_start(mut self, handler: Handler) -> Self {
        self.post_start = Some(handler);
        self
    }

    /// Runs before the container is stopped (rule 26 for a sleep).
    pub fn pre_stop(mut self, handler: Handler) -> Self {
        self.pre_stop = Some(handler);
        self
    }

    /// The container's security context (rule 47).
    pub fn security_context(mut self, context: SecurityContext) -> Self {
        self.security_context = Some(context);
        self
    }

    /// Where the termination message comes from.
    pub fn termination_message_policy(mut self, policy: TerminationMessagePolicy) -> Self {
        self.termination_message_policy = Some(policy);
        self
    }

    /// The file the container writes its termination message to (default
    /// `/dev/termination-log`).
    pub fn termination_message_path(mut self, path: impl Into<String>) -> Self {
        self.termination_message_path = Some(path.into());
        self
    }

    /// Whether the container has a stdin stream.
    pub fn stdin(mut self, yes: bool) -> Self {
        self.stdin = Some(yes);
        self
    }

    /// Whether stdin closes after the first client detaches.
    pub fn stdin_once(mut self, yes: bool) -> Self {
        self.stdin_once = Some(yes);
        self
    }

    /// Whether the container gets a TTY.
    pub fn tty(mut self, yes: bool) -> Self {
        self.tty = Some(yes);
        self
    }

    /// The container's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The declared ports.
    pub fn ports(&self) -> &[ContainerPort] {
        &self.ports
    }

    /// The names of the declared ports (for Service `targetPort` checks).
    pub fn port_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.ports.iter().filter_map(ContainerPort::port_name)
    }

    /// The names of the volumes this container mounts, in mount order (a volume mounted twice
    /// appears twice).
    pub fn volume_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.mounts.iter().map(VolumeMount::volume)
    }

    /// The k8s-openapi form, after checking every container rule. `path` is the container's
    /// own path (`spec.initContainers[1]`); problems go to `report` with paths below it. The
    /// builder's strings move into the result.
    ///
    /// `restartPolicy` is never set here (rule 16): the pod sets it on native sidecars.
    pub(crate) fn into_k8s(
        mut self,
        path: &At<'_>,
        ctx: &PodContext,
        report: &mut Report,
    ) -> api::Container {
        // The name (rule 6), image (rule 14), mounts (rule 37), resources (rule 48) and
        // security context (rule 47) are checked with the pod spec (`validate::pod`).
        let mut out = api::Container {
            // rule 15: only valid values are representable
            image_pull_policy: self.image_pull_policy.map(|p| p.as_str().to_owned()),
            ports: port::ports_to_k8s(&self.ports),
            env: env::env_to_k8s(&self.env, &path.field("env"), report),
            env_from: env::env_from_to_k8s(&self.env_from, &path.field("envFrom"), report),
            resources: std::mem::take(&mut self.resources).into_k8s(),
            volume_mounts: mounts_to_k8s(&self.mounts),
            security_context: self.security_context.as_ref().map(SecurityContext::to_k8s),
            termination_message_policy: self
                .termination_message_policy
                .map(|p| p.as_str().to_owned()),
            stdin: self.stdin,
            stdin_once: self.stdin_once,
            tty: self.tty,
            resize_policy: (!self.resize_policies.is_empty()).then(|| {
                self.resize_policies
                    .iter()
                    .map(|(resource, policy)| api::ContainerResizePolicy {
                        resource_name: resource.as_str().to_owned(),
                        restart_policy: policy.as_str().to_owned(),
                    })
                    .collect()
            }),
            ..api::Container::default()
        };
        // Which containers may have probes and hooks (rule 17), and their rules (24-29), are
        // checked with the pod spec (`validate::pod`).
        self.probes_to_k8s(&mut out, path, report);
        out.lifecycle = self.lifecycle_to_k8s(&path.field("lifecycle"), report);
        if ctx.kind == ContainerKind::App
            && !self.ports.is_empty()
            && self.readiness_probe.is_none()
        {
            let numbers: Vec<String> = self.ports.iter().map(|p| p.number().to_string()).collect();
            report.warn(
                &path.field("readinessProbe"),
                format!(
                    "container {} serves port {} but has no readiness probe, so it gets traffic before it is ready; add `.readiness_probe(...)`",
                    shown(&self.name),
                    numbers.join(", ")
                ),
            );
        }
        out.image = self.image;
        out.name = self.name;
        out.command = self.command;
        out.args = self.args;
        out.working_dir = self.working_dir;
        out.termination_message_path = self.termination_message_path;
        out
    }

    /// The three probes.
    fn probes_to_k8s(&self, out: &mut api::Container, path: &At<'_>, report: &mut Report) {
        let probe = |probe: &Option<Probe>, kind: ProbeKind, report: &mut Report| {
            probe
                .as_ref()
                .map(|p| p.to_k8s(&path.field(kind.field()), report))
        };
        out.liveness_probe = probe(&self.liveness_probe, ProbeKind::Liveness, report);
        out.readiness_probe = probe(&self.readiness_probe, ProbeKind::Readiness, report);
        out.startup_probe = probe(&self.startup_probe, ProbeKind::Startup, report);
    }

    /// The lifecycle hooks; `path` is the container's `lifecycle`.
    fn lifecycle_to_k8s(&self, path: &At<'_>, report: &mut Report) -> Option<api::Lifecycle> {
        if self.post_start.is_none() && self.pre_stop.is_none() {
            return None;
        }
        let hook = |h: &Option<Handler>, field: &str, report: &mut Report| {
            h.as_ref().map(|h| h.to_k8s(&path.field(field), report))
        };
        Some(api::Lifecycle {
            post_start: hook(&self.post_start, "postStart", report),
            pre_stop: hook(&self.pre_stop, "preStop", report),
            ..api::Lifecycle::default()
        })
    }
}
