//! The keys of `pod!`, `job!` and `cronjob!` that map to the builders' scheduling, DNS,
//! security, volume and Job policy setters: each macro call and the builder chain it stands for
//! give byte-identical YAML, so the macros add no model of their own.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use k8s_dsl::emit::to_yaml;
use k8s_dsl::prelude::*;

fn pod_yaml(pod: Pod) -> String {
    let pod = pod
        .build()
        .unwrap_or_else(|e| panic!("the pod builds: {e}"));
    to_yaml(&pod).expect("the pod emits")
}

fn job_yaml(job: Job) -> String {
    let job = job
        .build()
        .unwrap_or_else(|e| panic!("the job builds: {e}"));
    to_yaml(&job).expect("the job emits")
}

fn app() -> Container {
    Container::new("app").image("nginx:1.27")
}

#[test]
fn pod_flags_and_dns_config_equal_builders() {
    let macro_pod = k8s_dsl::pod! {
        name: "dns",
        dnsPolicy: None,
        dnsConfig: {
            nameservers: ["1.1.1.1", "8.8.8.8"],
            searches: ["svc.cluster.local"],
            options: [ { name: "ndots", value: "2" }, { name: "single-request-reopen" } ],
        },
        shareProcessNamespace: true,
        setHostnameAsFQDN: false,
        enableServiceLinks: false,
        schedulerName: "my-scheduler",
        priority: 1000,
        containers: [ { name: "app", image: "nginx:1.27", stdin: true, stdinOnce: true, tty: true } ],
    };
    let builder_pod = Pod::new("dns")
        .dns_policy(DnsPolicy::None)
        .dns_config(
            DnsConfig::new()
                .nameserver("1.1.1.1")
                .nameserver("8.8.8.8")
                .search("svc.cluster.local")
                .option("ndots", "2")
                .flag("single-request-reopen"),
        )
        .share_process_namespace(true)
        .set_hostname_as_fqdn(false)
        .enable_service_links(false)
        .scheduler_name("my-scheduler")
        .priority(1000)
        .container(app().stdin(true).stdin_once(true).tty(true));
    let yaml = pod_yaml(builder_pod);
    assert!(yaml.contains("shareProcessNamespace: true"), "{yaml}");
    assert!(yaml.contains("setHostnameAsFQDN: false"), "{yaml}");
    assert!(yaml.contains("nameservers:"), "{yaml}");
    assert_eq!(pod_yaml(macro_pod), yaml);
}

#[test]
fn tolerations_equal_builders() {
    let macro_pod = k8s_dsl::pod! {
        name: "tolerant",
        tolerations: [
            { key: "dedicated", operator: Equal, value: "gpu", effect: NoSchedule },
            { key: "example.com/spot", operator: Exists },
            { key: "node.kubernetes.io/unreachable", operator: Exists, effect: NoExecute, tolerationSeconds: 5m },
            { key: "zone", value: "a" },
            { operator: Exists },
        ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
    let builder_pod = Pod::new("tolerant")
        .toleration(Toleration::equal("dedicated", "gpu").effect(TaintEffect::NoSchedule))
        .toleration(Toleration::exists("example.com/spot"))
        .toleration(
            Toleration::exists("node.kubernetes.io/unreachable")
                .effect(TaintEffect::NoExecute)
                .for_duration("5m"),
        )
        .toleration(Toleration::equal("zone", "a"))
        .toleration(Toleration::everything())
        .container(app());
    let yaml = pod_yaml(builder_pod);
    assert!(yaml.contains("tolerationSeconds: 300"), "{yaml}");
    assert_eq!(pod_yaml(macro_pod), yaml);
}

#[test]
fn affinity_equal_builders() {
    let zone = "eu-west-1a";
    let macro_pod = k8s_dsl::pod! {
        name: "placed",
        labels: { app: "web" },
        affinity: {
            nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [
                        { matchExpressions: [
                            { key: "kubernetes.io/arch", operator: In, values: ["amd64", "arm64"] },
                            { key: "example.com/cores", operator: Gt, values: ["4"] },
                        ] },
                        { matchExpressions: [ { key: "example.com/legacy", operator: DoesNotExist } ] },
                    ],
                },
                preferredDuringSchedulingIgnoredDuringExecution: [
                    { weight: 50, preference: { matchExpressions: [ { key: "topology.kubernetes.io/zone", operator: In, values: [zone] } ] } },
                    { weight: 10, preference: { matchExpressions: [ { key: "example.com/memory", operator: Lt, values: ["64"] } ] } },
                ],
            },
            podAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                    { topologyKey: "topology.kubernetes.io/zone", labelSelector: { matchLabels: { app: "cache" } }, namespaces: ["shop"] },
                ],
                preferredDuringSchedulingIgnoredDuringExecution: [
                    { weight: 20, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchExpressions: [ { key: "tier", operator: NotIn, values: ["batch"] } ] } } },
                ],
            },
            podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                    { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "web" } } },
                ],
                preferredDuringSchedulingIgnoredDuringExecution: [
                    { weight: 100, podAffinityTerm: { topologyKey: "topology.kubernetes.io/zone", labelSelector: { matchExpressions: [ { key: "app", operator: Exists } ] } } },
                ],
            },
        },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
    let affinity = Affinity::new()
        .require_node(
            NodeTerm::new()
                .matching(Requirement::is_in("kubernetes.io/arch", ["amd64", "arm64"]))
                .matching(Requirement::greater_than("example.com/cores", 4)),
        )
        .require_node(NodeTerm::new().matching(Requirement::does_not_exist("example.com/legacy")))
        .prefer_node(
            50,
            NodeTerm::new().matching(Requirement::is_in("topology.kubernetes.io/zone", [zone])),
        )
        .prefer_node(
            10,
            NodeTerm::new().matching(Requirement::less_than("example.com/memory", 64)),
        )
        .require_pod(
            PodTerm::new("topology.kubernetes.io/zone")
                .label("app", "cache")
                .namespace("shop"),
        )
        .prefer_pod(
            20,
            PodTerm::new("kubernetes.io/hostname").matching(Requirement::not_in("tier", ["batch"])),
        )
        .avoid_pod(PodTerm::new("kubernetes.io/hostname").label("app", "web"))
        .prefer_avoid_pod(
            100,
            PodTerm::new("topology.kubernetes.io/zone").matching(Requirement::exists("app")),
        );
    let builder_pod = Pod::new("placed")
        .label("app", "web")
        .affinity(affinity)
        .container(app());
    let yaml = pod_yaml(builder_pod);
    assert!(yaml.contains("podAntiAffinity:"), "{yaml}");
    assert!(yaml.contains("operator: Gt"), "{yaml}");
    assert_eq!(pod_yaml(macro_pod), yaml);
}

#[test]
fn security_contexts_equal_builders() {
    let macro_pod = k8s_dsl::pod! {
        name: "secure",
        securityContext: {
            runAsNonRoot: true,
            fsGroup: 2000,
            fsGroupChangePolicy: OnRootMismatch,
            supplementalGroups: [3000, 4000],
            seccompProfile: { type: RuntimeDefault },
        },
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            securityContext: { seccompProfile: { type: Localhost, localhostProfile: "profiles/audit.json" } },
        } ],
    };
    let builder_pod = Pod::new("secure")
        .security_context(
            PodSecurityContext::new()
                .run_as_non_root(true)
                .fs_group(2000)
                .fs_group_change_policy(FsGroupChangePolicy::OnRootMismatch)
                .supplemental_group(3000)
                .supplemental_group(4000)
                .seccomp_profile(SeccompProfileType::RuntimeDefault),
        )
        .container(
            app().security_context(SecurityContext::new().seccomp_localhost("profiles/audit.json")),
        );
    let yaml = pod_yaml(builder_pod);
    assert!(
        yaml.contains("fsGroupChangePolicy: OnRootMismatch"),
        "{yaml}"
    );
    assert!(
        yaml.contains("localhostProfile: profiles/audit.json"),
        "{yaml}"
    );
    assert_eq!(pod_yaml(macro_pod), yaml);
}

#[test]
fn mounts_and_projected_volumes_equal_builders() {
    let macro_pod = k8s_dsl::pod! {
        name: "volumes",
        serviceAccountName: "app",
        volumes: [
            { name: "logs", emptyDir: {} },
            {
                name: "bundle",
                projected: {
                    defaultMode: 0o440,
                    sources: [
                        { configMap: { name: "app-config" } },
                        { configMap: { name: "extra", items: [ { key: "a.yaml", path: "extra/a.yaml" } ] } },
                        { secret: { name: "app-secret", items: [ { key: "token", path: "token" } ] } },
                        { downwardAPI: { items: [ { path: "labels", fieldRef: { fieldPath: "metadata.labels" } } ] } },
                        { serviceAccountToken: { path: "vault-token", audience: "vault", expirationSeconds: 1h } },
                    ],
                },
            },
            { name: "limits", downwardAPI: { items: [ { path: "mem", resourceFieldRef: { containerName: "app", resource: "limits.memory" } } ] } },
        ],
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            resources: { limits: { memory: "128Mi" } },
            env: [ { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } } ],
            volumeMounts: [
                { name: "logs", mountPath: "/var/log/app", subPathExpr: "$(POD_NAME)", mountPropagation: HostToContainer },
                { name: "bundle", mountPath: "/etc/bundle", readOnly: true },
                { name: "limits", mountPath: "/etc/limits", readOnly: false, mountPropagation: None },
            ],
        } ],
    };
    let builder_pod = Pod::new("volumes")
        .service_account_name("app")
        .volume(Volume::empty_dir("logs"))
        .volume(
            Volume::projected("bundle")
                .default_mode(0o440)
                .config_map("app-config")
                .config_map_items("extra", [("a.yaml", "extra/a.yaml")])
                .secret_items("app-secret", [("token", "token")])
                .field_item("labels", "metadata.labels")
                .service_account_token(
                    ServiceAccountToken::new("vault-token")
                        .audience("vault")
                        .expiration("1h"),
                ),
        )
        .volume(Volume::downward_api("limits").resource_item("mem", "app", "limits.memory"))
        .container(
            app()
                .limit("memory", "128Mi")
                .env_var(EnvVar::field("POD_NAME", "metadata.name"))
                .volume_mount(
                    VolumeMount::new("logs", "/var/log/app")
                        .sub_path_expr("$(POD_NAME)")
                        .propagation(MountPropagation::HostToContainer),
                )
                .volume_mount(VolumeMount::new("bundle", "/etc/bundle").read_only())
                .volume_mount(
                    VolumeMount::new("limits", "/etc/limits").propagation(MountPropagation::None),
                ),
        );
    let yaml = pod_yaml(builder_pod);
    assert!(yaml.contains("subPathExpr: \"$(POD_NAME)\""), "{yaml}");
    assert!(yaml.contains("serviceAccountToken:"), "{yaml}");
    assert!(yaml.contains("expirationSeconds: 3600"), "{yaml}");
    assert_eq!(pod_yaml(macro_pod), yaml);
}

#[test]
fn job_policies_equal_builders() {
    let macro_job = k8s_dsl::job! {
        name: "indexed",
        completionMode: Indexed,
        completions: 5,
        parallelism: 5,
        backoffLimitPerIndex: 1,
        maxFailedIndexes: 2,
        podReplacementPolicy: Failed,
        suspend: true,
        managedBy: "example.com/queue",
        podFailurePolicy: {
            rules: [
                { action: FailJob, onExitCodes: { containerName: "main", operator: In, values: [42] } },
                { action: Ignore, onPodConditions: [ { type: "DisruptionTarget", status: True } ] },
                { action: FailIndex, onExitCodes: { operator: NotIn, values: [0, 1] } },
            ],
        },
        successPolicy: { rules: [ { succeededIndexes: "0-2", succeededCount: 2 } ] },
        template: {
            restartPolicy: Never,
            containers: [ { name: "main", image: "busybox:1.36" } ],
        },
    };
    let builder_job = Job::new("indexed")
        .completion_mode(CompletionMode::Indexed)
        .completions(5)
        .parallelism(5)
        .backoff_limit_per_index(1)
        .max_failed_indexes(2)
        .pod_replacement_policy(PodReplacementPolicy::Failed)
        .suspend(true)
        .managed_by("example.com/queue")
        .pod_failure_rule(
            PodFailureRule::fail_job()
                .on_exit_codes(OnExitCodesOperator::In, [42])
                .container("main"),
        )
        .pod_failure_rule(
            PodFailureRule::ignore().on_pod_condition("DisruptionTarget", ConditionStatus::True),
        )
        .pod_failure_rule(
            PodFailureRule::fail_index().on_exit_codes(OnExitCodesOperator::NotIn, [0, 1]),
        )
        .success_rule(
            SuccessRule::new()
                .succeeded_indexes("0-2")
                .succeeded_count(2),
        )
        .restart_policy(JobRestartPolicy::Never)
        .template(Pod::template().container(Container::new("main").image("busybox:1.36")));
    let yaml = job_yaml(builder_job);
    assert!(yaml.contains("podFailurePolicy:"), "{yaml}");
    assert!(yaml.contains("successPolicy:"), "{yaml}");
    assert_eq!(job_yaml(macro_job), yaml);
}

#[test]
fn job_manual_selector_equals_builders() {
    let macro_job = k8s_dsl::job! {
        name: "selected",
        manualSelector: true,
        selector: {
            matchLabels: { app: "batch" },
            matchExpressions: [
                { key: "tier", operator: In, values: ["jobs"] },
                { key: "legacy", operator: DoesNotExist },
            ],
        },
        template: {
            labels: { app: "batch", tier: "jobs" },
            restartPolicy: Never,
            containers: [ { name: "main", image: "busybox:1.36" } ],
        },
    };
    let builder_job = Job::new("selected")
        .manual_selector(
            Selector::new()
                .label("app", "batch")
                .key_in("tier", ["jobs"])
                .does_not_exist("legacy"),
        )
        .restart_policy(JobRestartPolicy::Never)
        .template(
            Pod::template()
                .label("app", "batch")
                .label("tier", "jobs")
                .container(Container::new("main").image("busybox:1.36")),
        );
    let yaml = job_yaml(builder_job);
    assert!(yaml.contains("manualSelector: true"), "{yaml}");
    assert_eq!(job_yaml(macro_job), yaml);
}

#[test]
fn cronjob_job_template_takes_the_new_job_keys() {
    let macro_cron = k8s_dsl::cronjob! {
        name: "nightly",
        schedule: "0 3 * * *",
        jobTemplate: {
            backoffLimit: 2,
            podFailurePolicy: { rules: [ { action: Ignore, onPodConditions: [ { type: "DisruptionTarget", status: True } ] } ] },
            template: {
                restartPolicy: Never,
                tolerations: [ { key: "batch", operator: Exists } ],
                containers: [ { name: "main", image: "busybox:1.36" } ],
            },
        },
    };
    let builder_cron = CronJob::new("nightly", "0 3 * * *").job(
        Job::unnamed()
            .backoff_limit(2)
            .pod_failure_rule(
                PodFailureRule::ignore()
                    .on_pod_condition("DisruptionTarget", ConditionStatus::True),
            )
            .restart_policy(JobRestartPolicy::Never)
            .template(
                Pod::template()
                    .toleration(Toleration::exists("batch"))
                    .container(Container::new("main").image("busybox:1.36")),
            ),
    );
    let built = |c: CronJob| {
        to_yaml(
            &c.build()
                .unwrap_or_else(|e| panic!("the cronjob builds: {e}")),
        )
        .unwrap()
    };
    let yaml = built(builder_cron);
    assert!(yaml.contains("onPodConditions:"), "{yaml}");
    assert_eq!(built(macro_cron), yaml);
}

/// Values computed at run time (a variable, an expression) are not checked while compiling:
/// the macro passes them to the builder, whose `build()` reports them with their field path.
#[test]
fn computed_values_are_checked_by_build() {
    let version = "1.27 ";
    let name = "Web_Server";
    let port_name = String::from("http_alt");
    let errors = k8s_dsl::pod! {
        name: name,
        containers: [ {
            name: "app",
            image: format!("nginx:{version}"),
            ports: [ { containerPort: 8080, name: port_name } ],
        } ],
    }
    .build()
    .expect_err("the computed values are invalid");
    assert!(errors.has("metadata.name", 1), "{errors}");
    assert!(errors.has("spec.containers[0].image", 14), "{errors}");
    assert!(
        errors.has("spec.containers[0].ports[0].name", 21),
        "{errors}"
    );
    assert_eq!(errors.len(), 3, "{errors}");

    let schedule = "60 * * * *";
    let errors = k8s_dsl::cronjob! {
        name: "report",
        schedule: schedule,
        jobTemplate: { template: { restartPolicy: Never, containers: [ { name: "report", image: "ubuntu:24.04" } ] } },
    }
    .build()
    .expect_err("the computed schedule is invalid");
    assert!(errors.has("spec.schedule", 61), "{errors}");
}

#[test]
fn pod_placement_keys_equal_builders() {
    let macro_pod = k8s_dsl::pod! {
        name: "placed",
        labels: { app: "placed" },
        os: { name: linux },
        hostPID: true,
        hostIPC: false,
        hostAliases: [ { ip: "10.0.0.5", hostnames: ["db.internal", "db"] } ],
        topologySpreadConstraints: [ {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: DoNotSchedule,
            labelSelector: { matchLabels: { app: "placed" } },
            matchLabelKeys: ["pod-template-hash"],
            minDomains: 2,
            nodeTaintsPolicy: Honor,
        } ],
        schedulingGates: ["example.com/quota"],
        readinessGates: [ { conditionType: "example.com/lb-ready" } ],
        resources: { requests: { cpu: "1" }, limits: { memory: "1Gi" } },
        volumes: [
            { name: "shared", nfs: { server: "nfs.example.com", path: "/exports", readOnly: true } },
            { name: "model", image: { reference: "quay.io/example/model:v1", pullPolicy: Always } },
        ],
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            env: [ { name: "MEM", valueFrom: { resourceFieldRef: { containerName: "app", resource: "limits.memory" } } } ],
        } ],
    };
    let builder_pod = Pod::new("placed")
        .label("app", "placed")
        .os(OsName::Linux)
        .host_pid(true)
        .host_ipc(false)
        .host_alias(HostAlias::new("10.0.0.5", ["db.internal", "db"]))
        .topology_spread(
            TopologySpread::zones(1)
                .label("app", "placed")
                .match_label_key("pod-template-hash")
                .min_domains(2)
                .node_taints_policy(NodeInclusionPolicy::Honor),
        )
        .scheduling_gate("example.com/quota")
        .readiness_gate("example.com/lb-ready")
        .request("cpu", "1")
        .limit("memory", "1Gi")
        .volume(Volume::nfs("shared", "nfs.example.com", "/exports").read_only())
        .volume(
            Volume::image("model", "quay.io/example/model:v1").pull_policy(ImagePullPolicy::Always),
        )
        .container(app().env_var(EnvVar::container_resource("MEM", "app", "limits.memory")));
    assert_eq!(pod_yaml(macro_pod), pod_yaml(builder_pod));
}
