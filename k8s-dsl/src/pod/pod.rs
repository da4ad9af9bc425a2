//! The `Pod` builder: metadata, containers in their roles, volumes and pod-level settings.
//! Turning it into k8s-openapi types (and checking it) is in `template.rs`.

use std::collections::BTreeMap;

use super::resources::Resources;
use super::roles::Role;
use super::scheduling::{Affinity, Toleration};
use super::topology::TopologySpread;
use super::volume::Volume;
use super::Container;
use crate::meta::Meta;
use crate::pss::{Policy, Profile};
use crate::rules::duration::Duration;
use crate::rules::enums::{DnsPolicy, OsName, RestartPolicy, SeccompProfileType};
use crate::rules::quantity::Quantity;
use crate::value::Parsed;

/// A Pod, or the pod template of a workload.
///
/// Containers are added in their role ([`Pod::container`], [`Pod::init_container`],
/// [`Pod::sidecar`], [`Pod::classic_sidecar`], [`Pod::ambassador`], [`Pod::adapter`]);
/// volumes are declared once with [`Pod::volume`] and mounted by the containers.
/// [`Pod::build`] checks everything and reports every mistake at once.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("myapp-pod")
///     .label("app", "myapp")
///     .init_container(
///         Container::new("init-myservice")
///             .image("busybox:1.28")
///             .command(["sh", "-c", "until nslookup myservice; do sleep 2; done"]),
///     )
///     .container(
///         Container::new("myapp-container")
///             .image("busybox:1.28")
///             .command(["sh", "-c", "echo The app is running! && sleep 3600"]),
///     )
///     .build()?;
/// assert_eq!(pod.metadata.name.as_deref(), Some("myapp-pod"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct Pod {
    pub(super) meta: Meta,
    pub(super) members: Vec<(Role, Container)>,
    pub(super) volumes: Vec<Volume>,
    pub(super) restart_policy: Option<RestartPolicy>,
    pub(super) service_account_name: Option<String>,
    pub(super) automount_service_account_token: Option<bool>,
    pub(super) priority_class_name: Option<String>,
    pub(super) priority: Option<i32>,
    pub(super) runtime_class_name: Option<String>,
    pub(super) scheduler_name: Option<String>,
    pub(super) node_selector: BTreeMap<String, String>,
    pub(super) tolerations: Vec<Toleration>,
    pub(super) affinity: Option<Affinity>,
    pub(super) termination_grace_period: Option<Parsed<Duration>>,
    pub(super) active_deadline: Option<Parsed<Duration>>,
    pub(super) security_context: Option<PodSecurityContext>,
    pub(super) image_pull_secrets: Vec<String>,
    pub(super) hostname: Option<String>,
    pub(super) subdomain: Option<String>,
    pub(super) dns_policy: Option<DnsPolicy>,
    pub(super) dns_config: Option<DnsConfig>,
    pub(super) host_network: Option<bool>,
    pub(super) share_process_namespace: Option<bool>,
    pub(super) set_hostname_as_fqdn: Option<bool>,
    pub(super) enable_service_links: Option<bool>,
    pub(super) host_pid: Option<bool>,
    pub(super) host_ipc: Option<bool>,
    pub(super) os: Option<OsName>,
    pub(super) topology_spread: Vec<TopologySpread>,
    pub(super) host_aliases: Vec<HostAlias>,
    pub(super) scheduling_gates: Vec<String>,
    pub(super) readiness_gates: Vec<String>,
    /// Pod-level `resources`.
    pub(super) resources: Resources,
    pub(super) role_annotations: bool,
    pub(super) pss: Policy,
}

impl Pod {
    /// A Pod object called `name` (rule 1: a DNS-1123 subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        Pod::with_meta(Meta::new(name))
    }

    /// A Pod object named by the API server: `prefix` and five random characters
    /// (`metadata.generateName`). The prefix follows rule 1, with a trailing `-` allowed.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let pod = Pod::generated("debug-")
    ///     .container(Container::new("shell").image("busybox:1.36"))
    ///     .build()?;
    /// assert_eq!(pod.metadata.name, None);
    /// assert_eq!(pod.metadata.generate_name.as_deref(), Some("debug-"));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn generated(prefix: impl Into<String>) -> Self {
        Pod::with_meta(Meta::generated(prefix))
    }

    /// The pod template of a workload (Deployment, Job, ...): no name, and the rules that
    /// apply to Pods only are left out (rule 14's image whitespace, rule 45).
    pub fn template() -> Self {
        Pod::with_meta(Meta::unnamed())
    }

    fn with_meta(meta: Meta) -> Self {
        Pod {
            meta,
            members: Vec::new(),
            volumes: Vec::new(),
            restart_policy: None,
            service_account_name: None,
            automount_service_account_token: None,
            priority_class_name: None,
            priority: None,
            runtime_class_name: None,
            scheduler_name: None,
            node_selector: BTreeMap::new(),
            tolerations: Vec::new(),
            affinity: None,
            termination_grace_period: None,
            active_deadline: None,
            security_context: None,
            image_pull_secrets: Vec::new(),
            hostname: None,
            subdomain: None,
            dns_policy: None,
            dns_config: None,
            host_network: None,
            share_process_namespace: None,
            set_hostname_as_fqdn: None,
            enable_service_links: None,
            host_pid: None,
            host_ipc: None,
            os: None,
            topology_spread: Vec::new(),
            host_aliases: Vec::new(),
            scheduling_gates: Vec::new(),
            readiness_gates: Vec::new(),
            resources: Resources::default(),
            role_annotations: false,
            pss: Policy::default(),
        }
    }

    /// Sets `metadata.namespace`.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.meta = self.meta.namespace(namespace);
        self
    }

    /// Adds the label `key: value` (rule 8).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Adds several labels (rule 8).
    pub fn labels<K: Into<String>, V: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.meta = self.meta.labels(labels);
        self
    }

    /// Adds the annotation `key: value` (rule 9).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// Adds several annotations (rule 9).
    pub fn annotations<K: Into<String>, V: Into<String>>(
        mut self,
        annotations: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.meta = self.meta.annotations(annotations);
        self
    }

    fn member(mut self, role: Role, container: Container) -> Self {
        self.members.push((role, container));
        self
    }

    /// Adds an app container (`spec.containers`). A pod needs at least one (rule 12).
    pub fn container(self, container: Container) -> Self {
        self.member(Role::App, container)
    }

    /// Adds a plain init container: it runs to completion, after the init containers and
    /// native sidecars declared before it and before the app. No probes or lifecycle hooks
    /// (rule 17).
    pub fn init_container(self, container: Container) -> Self {
        self.member(Role::Init, container)
    }

    /// Adds a native sidecar: an init container with `restartPolicy: Always` (Kubernetes
    /// 1.29+, GA in 1.33). It starts before the init containers declared after it and the
    /// app, runs for the pod's life, stops after the app, and may have probes.
    pub fn sidecar(self, container: Container) -> Self {
        self.member(Role::Sidecar, container)
    }

    /// Adds a classic sidecar: a second app container, started together with the app.
    pub fn classic_sidecar(self, container: Container) -> Self {
        self.member(Role::ClassicSidecar, container)
    }

    /// Adds an ambassador as a native sidecar: a proxy for the app's outbound connections,
    /// listening on localhost (declare that port).
    pub fn ambassador(self, container: Container) -> Self {
        self.member(Role::Ambassador, container)
    }

    /// Adds an ambassador as a second app container (classic sidecar form).
    pub fn classic_ambassador(self, container: Container) -> Self {
        self.member(Role::ClassicAmbassador, container)
    }

    /// Adds an adapter as a native sidecar: it presents the app's output in a standard form,
    /// such as Prometheus metrics on a named port `metrics`.
    pub fn adapter(self, container: Container) -> Self {
        self.member(Role::Adapter, container)
    }

    /// Adds an adapter as a second app container (classic sidecar form).
    pub fn classic_adapter(self, container: Container) -> Self {
        self.member(Role::ClassicAdapter, container)
    }

    /// Declares a volume (`spec.volumes`); containers mount it by handle or name. Takes the
    /// volume or a reference to it, so the same handle can be passed to `Container::mount`.
    pub fn volume(mut self, volume: impl Into<Volume>) -> Self {
        self.volumes.push(volume.into());
        self
    }

    /// The pod's restart policy. Workloads set it themselves where they allow only some values
    /// (Jobs: `Never`/`OnFailure`).
    pub fn restart_policy(mut self, policy: RestartPolicy) -> Self {
        self.restart_policy = Some(policy);
        self
    }

    /// Runs the pod as service account `name` (rule 11).
    pub fn service_account_name(mut self, name: impl Into<String>) -> Self {
        self.service_account_name = Some(name.into());
        self
    }

    /// Whether the service account token is mounted into the containers.
    pub fn automount_service_account_token(mut self, mount: bool) -> Self {
        self.automount_service_account_token = Some(mount);
        self
    }

    /// Uses the PriorityClass `name` (rule 11).
    pub fn priority_class_name(mut self, name: impl Into<String>) -> Self {
        self.priority_class_name = Some(name.into());
        self
    }

    /// Sets the priority directly (normally filled in from the PriorityClass by the admission
    /// controller, which rejects a value that differs from the class).
    pub fn priority(mut self, priority: i32) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Uses the RuntimeClass `name` (rule 11).
    pub fn runtime_class_name(mut self, name: impl Into<String>) -> Self {
        self.runtime_class_name = Some(name.into());
        self
    }

    /// Has the pod scheduled by the scheduler `name` instead of the default one.
    pub fn scheduler_name(mut self, name: impl Into<String>) -> Self {
        self.scheduler_name = Some(name.into());
        self
    }

    /// Runs only on nodes with label `key: value` (rule 43).
    pub fn node_selector(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.node_selector.insert(key.into(), value.into());
        self
    }

    /// Adds a toleration (rule 43).
    pub fn toleration(mut self, toleration: Toleration) -> Self {
        self.tolerations.push(toleration);
        self
    }

    /// Sets node and pod (anti-)affinity.
    pub fn affinity(mut self, affinity: Affinity) -> Self {
        self.affinity = Some(affinity);
        self
    }

    /// How long the containers get to stop after SIGTERM (`"30s"`, `Duration::seconds(30)`);
    /// also the upper bound of sleep hooks (rules 26, 40).
    pub fn termination_grace_period(mut self, period: impl Into<Parsed<Duration>>) -> Self {
        self.termination_grace_period = Some(period.into());
        self
    }

    /// How long the pod may run before it is stopped (`activeDeadlineSeconds`, rule 42).
    pub fn active_deadline(mut self, deadline: impl Into<Parsed<Duration>>) -> Self {
        self.active_deadline = Some(deadline.into());
        self
    }

    /// Sets the pod security context (users, groups, seccomp).
    pub fn security_context(mut self, context: PodSecurityContext) -> Self {
        self.security_context = Some(context);
        self
    }

    /// Pulls images with the credentials in Secret `name` (rule 44).
    pub fn image_pull_secret(mut self, name: impl Into<String>) -> Self {
        self.image_pull_secrets.push(name.into());
        self
    }

    /// Sets the pod's hostname (rule 10: a DNS-1123 label).
    pub fn hostname(mut self, hostname: impl Into<String>) -> Self {
        self.hostname = Some(hostname.into());
        self
    }

    /// Sets the pod's subdomain, giving it the name `<hostname>.<subdomain>.<namespace>.svc`
    /// with a headless Service of that name (rule 10).
    pub fn subdomain(mut self, subdomain: impl Into<String>) -> Self {
        self.subdomain = Some(subdomain.into());
        self
    }

    /// Sets the DNS policy (rule 41). `DnsPolicy::None` needs a [`Pod::dns_config`] with a
    /// nameserver.
    pub fn dns_policy(mut self, policy: DnsPolicy) -> Self {
        self.dns_policy = Some(policy);
        self
    }

    /// Sets nameservers, search domains and resolver options (rule 41).
    pub fn dns_config(mut self, config: DnsConfig) -> Self {
        self.dns_config = Some(config);
        self
    }

    /// Runs the pod in the node's network namespace (then host ports must equal container
    /// ports, rule 23).
    pub fn host_network(mut self, host_network: bool) -> Self {
        self.host_network = Some(host_network);
        self
    }

    /// Lets the containers see each other's processes (one PID namespace).
    pub fn share_process_namespace(mut self, share: bool) -> Self {
        self.share_process_namespace = Some(share);
        self
    }

    /// Whether the pod's hostname is its fully qualified domain name
    /// (`<hostname>.<subdomain>.<namespace>.svc.<cluster-domain>`) rather than its short name
    /// (`setHostnameAsFQDN`).
    pub fn set_hostname_as_fqdn(mut self, fqdn: bool) -> Self {
        self.set_hostname_as_fqdn = Some(fqdn);
        self
    }

    /// Whether Service addresses are injected as environment variables (`enableServiceLinks`).
    pub fn enable_service_links(mut self, enable: bool) -> Self {
        self.enable_service_links = Some(enable);
        self
    }

    /// Runs the pod in the node's process namespace (`hostPID`; refused by the baseline Pod
    /// Security Standard, and on Windows pods: rule 46).
    pub fn host_pid(mut self, host_pid: bool) -> Self {
        self.host_pid = Some(host_pid);
        self
    }

    /// Runs the pod in the node's IPC namespace (`hostIPC`; then no IPC sysctls, rule 94).
    pub fn host_ipc(mut self, host_ipc: bool) -> Self {
        self.host_ipc = Some(host_ipc);
        self
    }

    /// The operating system the pod's containers need (`os.name`): the scheduler places the
    /// pod on such nodes, and the fields of the other system are refused (rule 46).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let pod = Pod::new("iis")
    ///     .os(OsName::Windows)
    ///     .container(Container::new("iis").image("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"))
    ///     .build()?;
    /// assert_eq!(pod.spec.unwrap().os.unwrap().name, "windows");
    ///
    /// // Rule 46: a Windows pod has no Linux user ids.
    /// let errors = Pod::new("iis")
    ///     .os(OsName::Windows)
    ///     .security_context(PodSecurityContext::new().run_as_user(1000))
    ///     .container(Container::new("iis").image("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("spec.securityContext.runAsUser", 46));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn os(mut self, os: OsName) -> Self {
        self.os = Some(os);
        self
    }

    /// Adds a topology spread constraint (rule 93; see [`TopologySpread`]).
    pub fn topology_spread(mut self, constraint: TopologySpread) -> Self {
        self.topology_spread.push(constraint);
        self
    }

    /// Adds an `/etc/hosts` entry (`hostAliases`, rule 44: an IP address and DNS
    /// subdomains; see [`HostAlias`]).
    pub fn host_alias(mut self, alias: HostAlias) -> Self {
        self.host_aliases.push(alias);
        self
    }

    /// Holds the pod back from scheduling until the gate `name` is removed (`schedulingGates`,
    /// rule 95: a qualified name, listed once), as a quota or provisioning controller does.
    pub fn scheduling_gate(mut self, name: impl Into<String>) -> Self {
        self.scheduling_gates.push(name.into());
        self
    }

    /// The pod is ready only when its condition `condition_type` is also `True`
    /// (`readinessGates`, rule 96: a qualified name), as a load balancer controller sets it.
    pub fn readiness_gate(mut self, condition_type: impl Into<String>) -> Self {
        self.readiness_gates.push(condition_type.into());
        self
    }

    /// Requests `quantity` of `resource` for the pod as a whole (pod-level `resources`, rule
    /// 97: `cpu`, `memory` or huge pages; at least what the containers request together).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let pod = Pod::new("app")
    ///     .request("cpu", "1")
    ///     .limit("memory", "1Gi")
    ///     .container(Container::new("app").image("app:1.4").request("cpu", "500m"))
    ///     .sidecar(Container::new("proxy").image("envoy:1.32").request("cpu", "250m"))
    ///     .build()?;
    /// let resources = pod.spec.unwrap().resources.unwrap();
    /// assert_eq!(resources.requests.unwrap()["cpu"].0, "1");
    ///
    /// let errors = Pod::new("app")
    ///     .request("cpu", "500m")
    ///     .container(Container::new("app").image("app:1.4").request("cpu", "1"))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("spec.resources.requests[cpu]", 97));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn request(
        mut self,
        resource: impl Into<String>,
        quantity: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.resources.request(resource.into(), quantity.into());
        self
    }

    /// Limits the pod as a whole to `quantity` of `resource` (pod-level `resources`, rule 97;
    /// no container's limit above it).
    pub fn limit(
        mut self,
        resource: impl Into<String>,
        quantity: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.resources.limit(resource.into(), quantity.into());
        self
    }

    /// Adds the annotation `k8s-dsl.io/roles` listing each non-app container's role
    /// (`init=init-db,sidecar=log-shipper,adapter=exporter`). Off by default, so the output
    /// carries only the fields the user set.
    pub fn role_annotations(mut self) -> Self {
        self.role_annotations = true;
        self
    }

    /// The "restricted" Pod Security Standard preset: sets the pod's `runAsNonRoot: true` and
    /// `seccompProfile: RuntimeDefault`, and on every container (also those added later)
    /// `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]`, wherever they are not
    /// set. It also requires the profile, so `build()` reports every explicit setting that
    /// breaks it (a host namespace, a `hostPath` volume, `privileged: true`, ...) with its path.
    /// Asked for, never a default. See [`crate::pss`].
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let pod = Pod::new("web")
    ///     .restricted()
    ///     .container(Container::new("web").image("nginx:1.27"))
    ///     .build()?;
    /// let context = pod.spec.unwrap_or_default().containers[0].security_context.clone().unwrap_or_default();
    /// assert_eq!(context.allow_privilege_escalation, Some(false));
    ///
    /// let errors = Pod::new("web")
    ///     .restricted()
    ///     .volume(Volume::host_path("docker", "/var/run/docker.sock"))
    ///     .container(Container::new("web").image("nginx:1.27").mount("docker", "/var/run/docker.sock"))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("spec.volumes[0].hostPath", 0));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn restricted(self) -> Self {
        self.with_pss(Policy::default().preset(Profile::Restricted))
    }

    /// The "baseline" Pod Security Standard preset. Baseline only forbids settings, so nothing
    /// is set: the pod is required to meet the profile, and `build()` reports every setting
    /// that breaks it (host namespaces, privileged containers, added capabilities beyond the
    /// default set, `hostPath` volumes, host ports, ...). See [`crate::pss`].
    pub fn baseline(self) -> Self {
        self.with_pss(Policy::default().preset(Profile::Baseline))
    }

    /// Requires the pod to meet `profile` without setting anything: `build()` fails with every
    /// violation, each with its path and the control it breaks.
    pub fn require_profile(self, profile: Profile) -> Self {
        self.with_pss(Policy::default().require(profile))
    }

    /// Adds a preset or requirement (from a workload's `.restricted()`).
    pub(crate) fn with_pss(mut self, policy: Policy) -> Self {
        self.pss = self.pss.merge(policy);
        self
    }

    /// The pod's labels, for workload selectors.
    pub fn labels_map(&self) -> &BTreeMap<String, String> {
        &self.meta.labels
    }

    /// The pod's metadata.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Every container: init containers and native sidecars first, then app containers
    /// (classic sidecars included), each in declaration order, as in the output.
    pub fn containers(&self) -> impl Iterator<Item = &Container> {
        self.members_in_output_order().map(|(_, c)| c)
    }

    /// Every container with its role, in output order (see [`Pod::containers`]).
    pub fn roles(&self) -> impl Iterator<Item = (Role, &Container)> {
        self.members_in_output_order()
    }

    pub(super) fn members_in_output_order(&self) -> impl Iterator<Item = (Role, &Container)> {
        let init = self
            .members
            .iter()
            .filter(|(r, _)| r.kind() != super::ContainerKind::App);
        let app = self
            .members
            .iter()
            .filter(|(r, _)| r.kind() == super::ContainerKind::App);
        init.chain(app).map(|(r, c)| (*r, c))
    }

    /// Sets the restart policy in place (for workloads that offer only some values).
    #[allow(dead_code)] // used by the workload builders
    pub(crate) fn set_restart_policy(&mut self, policy: RestartPolicy) {
        self.restart_policy = Some(policy);
    }

    /// The restart policy set, if any.
    #[allow(dead_code)] // used by the workload builders
    pub(crate) fn restart_policy_value(&self) -> Option<RestartPolicy> {
        self.restart_policy
    }
}

/// The pod-level security context: users, groups and the seccomp profile of every container
/// (a container's own security context overrides them).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let context = PodSecurityContext::new()
///     .run_as_user(1000)
///     .run_as_group(3000)
///     .run_as_non_root(true)
///     .fs_group(2000)
///     .seccomp_profile(SeccompProfileType::RuntimeDefault);
/// let pod = Pod::new("secure")
///     .security_context(context)
///     .container(Container::new("app").image("busybox:1.36"))
///     .build()?;
/// assert!(pod.spec.and_then(|s| s.security_context).is_some());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodSecurityContext {
    pub(super) run_as_user: Option<i64>,
    pub(super) run_as_group: Option<i64>,
    pub(super) run_as_non_root: Option<bool>,
    pub(super) fs_group: Option<i64>,
    pub(super) fs_group_change_policy: Option<FsGroupChangePolicy>,
    pub(super) supplemental_groups: Vec<i64>,
    pub(super) seccomp: Option<SeccompProfileType>,
    pub(super) seccomp_localhost: Option<String>,
    pub(super) sysctls: Vec<(String, String)>,
}

impl PodSecurityContext {
    /// An empty context.
    pub fn new() -> Self {
        PodSecurityContext::default()
    }

    /// Runs the containers' processes as user `uid` (0 to 2147483647).
    pub fn run_as_user(mut self, uid: i64) -> Self {
        self.run_as_user = Some(uid);
        self
    }

    /// Runs the containers' processes with primary group `gid`.
    pub fn run_as_group(mut self, gid: i64) -> Self {
        self.run_as_group = Some(gid);
        self
    }

    /// Refuses to start a container whose image runs as root.
    pub fn run_as_non_root(mut self, non_root: bool) -> Self {
        self.run_as_non_root = Some(non_root);
        self
    }

    /// The group that owns the pod's volumes.
    pub fn fs_group(mut self, gid: i64) -> Self {
        self.fs_group = Some(gid);
        self
    }

    /// When the kubelet changes the ownership and permissions of a volume to the
    /// [`fs_group`](PodSecurityContext::fs_group) (`fsGroupChangePolicy`): on every mount, or
    /// only when the volume's root does not match already.
    pub fn fs_group_change_policy(mut self, policy: FsGroupChangePolicy) -> Self {
        self.fs_group_change_policy = Some(policy);
        self
    }

    /// Adds a supplemental group to every container's processes.
    pub fn supplemental_group(mut self, gid: i64) -> Self {
        self.supplemental_groups.push(gid);
        self
    }

    /// The seccomp profile (`RuntimeDefault` is what the restricted Pod Security Standard
    /// asks for). For `Localhost`, use [`PodSecurityContext::seccomp_localhost`].
    pub fn seccomp_profile(mut self, profile: SeccompProfileType) -> Self {
        self.seccomp = Some(profile);
        self
    }

    /// Sets the namespaced kernel parameter `name` to `value` for the pod (`sysctls`, rule 94:
    /// a sysctl name, once; no `net.*` with `hostNetwork`, no IPC ones with `hostIPC`). The
    /// kubelet refuses the pod on a node that does not allow an unsafe one.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let context = PodSecurityContext::new().sysctl("net.ipv4.ip_local_port_range", "1024 65000");
    /// let pod = Pod::new("proxy")
    ///     .security_context(context)
    ///     .container(Container::new("proxy").image("haproxy:3.0"))
    ///     .build()?;
    /// let sysctls = pod.spec.unwrap().security_context.unwrap().sysctls.unwrap();
    /// assert_eq!(sysctls[0].name, "net.ipv4.ip_local_port_range");
    ///
    /// let errors = Pod::new("proxy")
    ///     .host_network(true)
    ///     .security_context(PodSecurityContext::new().sysctl("net.core.somaxconn", "1024"))
    ///     .container(Container::new("proxy").image("haproxy:3.0"))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("spec.securityContext.sysctls[0].name", 94));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn sysctl(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.sysctls.push((name.into(), value.into()));
        self
    }

    /// A `Localhost` seccomp profile from the file `profile` (relative to the kubelet's
    /// seccomp directory).
    pub fn seccomp_localhost(mut self, profile: impl Into<String>) -> Self {
        self.seccomp = Some(SeccompProfileType::Localhost);
        self.seccomp_localhost = Some(profile.into());
        self
    }
}

/// When the kubelet applies the pod's `fsGroup` to a volume (`fsGroupChangePolicy`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let context = PodSecurityContext::new()
///     .fs_group(2000)
///     .fs_group_change_policy(FsGroupChangePolicy::OnRootMismatch);
/// let pod = Pod::new("data")
///     .security_context(context)
///     .container(Container::new("app").image("busybox:1.36"))
///     .build()?;
/// let policy = pod.spec.and_then(|s| s.security_context).and_then(|c| c.fs_group_change_policy);
/// assert_eq!(policy.as_deref(), Some("OnRootMismatch"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub use crate::rules::enums::FsGroupChangePolicy;

/// The pod's resolver settings (`dnsConfig`, rule 41): merged with those of the DNS policy,
/// or the only ones with `DnsPolicy::None`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("custom-dns")
///     .dns_policy(DnsPolicy::None)
///     .dns_config(DnsConfig::new().nameserver("1.1.1.1").search("svc.cluster.local").option("ndots", "2"))
///     .container(Container::new("app").image("busybox:1.36"))
///     .build()?;
/// assert!(pod.spec.and_then(|s| s.dns_config).is_some());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DnsConfig {
    pub(super) nameservers: Vec<String>,
    pub(super) searches: Vec<String>,
    pub(super) options: Vec<(String, Option<String>)>,
}

impl DnsConfig {
    /// An empty configuration.
    pub fn new() -> Self {
        DnsConfig::default()
    }

    /// Adds a nameserver IP address (at most 3).
    pub fn nameserver(mut self, ip: impl Into<String>) -> Self {
        self.nameservers.push(ip.into());
        self
    }

    /// Adds a search domain (at most 32, 2048 characters in all).
    pub fn search(mut self, domain: impl Into<String>) -> Self {
        self.searches.push(domain.into());
        self
    }

    /// Adds a resolver option with a value (`ndots`, `"2"`).
    pub fn option(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.push((name.into(), Some(value.into())));
        self
    }

    /// Adds a resolver option without a value (`single-request-reopen`).
    pub fn flag(mut self, name: impl Into<String>) -> Self {
        self.options.push((name.into(), None));
        self
    }
}

/// An entry of the pod's `/etc/hosts` (`hostAliases`, rule 44): host names for an IP address,
/// for names no DNS server answers.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("app")
///     .host_alias(HostAlias::new("10.0.0.5", ["db.internal", "db"]))
///     .container(Container::new("app").image("app:1.4"))
///     .build()?;
/// let aliases = pod.spec.unwrap().host_aliases.unwrap();
/// assert_eq!(aliases[0].ip, "10.0.0.5");
///
/// let errors = Pod::new("app")
///     .host_alias(HostAlias::new("10.0.0", ["db"]))
///     .container(Container::new("app").image("app:1.4"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.hostAliases[0].ip", 44));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostAlias {
    pub(super) ip: String,
    pub(super) hostnames: Vec<String>,
}

impl HostAlias {
    /// The address `ip` under the names `hostnames`.
    pub fn new<H: Into<String>>(
        ip: impl Into<String>,
        hostnames: impl IntoIterator<Item = H>,
    ) -> Self {
        HostAlias {
            ip: ip.into(),
            hostnames: hostnames.into_iter().map(Into::into).collect(),
        }
    }

    /// Adds a host name.
    pub fn hostname(mut self, hostname: impl Into<String>) -> Self {
        self.hostnames.push(hostname.into());
        self
    }
}
