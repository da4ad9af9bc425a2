//! The scheduling, DNS, security and volume keys of `pod!`, every value of the enums the
//! builders define themselves (`fsGroupChangePolicy`, the selector operators), and Rust
//! expressions where values are computed.

fn main() {
    let zone = "eu-west-1a";
    let cores = 4_i64;
    let dedicated = k8s_dsl::pod::Toleration::exists("dedicated");
    let pod = k8s_dsl::pod! {
        name: "placed",
        labels: { app: "web" },
        serviceAccountName: "web",
        tolerations: [
            { key: "example.com/gpu", operator: Equal, value: "a100", effect: NoSchedule },
            { key: "node.kubernetes.io/not-ready", operator: Exists, effect: NoExecute, tolerationSeconds: 5m },
            { operator: Exists, effect: PreferNoSchedule },
            dedicated,
        ],
        affinity: {
            nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [ { matchExpressions: [
                        { key: "kubernetes.io/arch", operator: In, values: ["amd64", "arm64"] },
                        { key: "kubernetes.io/os", operator: NotIn, values: ["windows"] },
                        { key: "example.com/gpu", operator: Exists },
                        { key: "example.com/legacy", operator: DoesNotExist },
                        { key: "example.com/cores", operator: Gt, values: [cores] },
                        { key: "example.com/memory", operator: Lt, values: ["512"] },
                    ] } ],
                },
                preferredDuringSchedulingIgnoredDuringExecution: [
                    { weight: 10, preference: { matchExpressions: [ { key: "topology.kubernetes.io/zone", operator: In, values: [zone] } ] } },
                ],
            },
            podAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [ {
                    weight: 20,
                    podAffinityTerm: {
                        topologyKey: "kubernetes.io/hostname",
                        labelSelector: { matchExpressions: [
                            { key: "app", operator: In, values: ["cache"] },
                            { key: "tier", operator: NotIn, values: ["batch"] },
                            { key: "team", operator: Exists },
                            { key: "legacy", operator: DoesNotExist },
                        ] },
                        namespaces: ["shop"],
                    },
                } ],
            },
            podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                    { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "web" } } },
                ],
            },
        },
        dnsPolicy: None,
        dnsConfig: { nameservers: ["1.1.1.1"], searches: ["svc.cluster.local"], options: [ { name: "ndots", value: "2" }, { name: "edns0" } ] },
        shareProcessNamespace: true,
        setHostnameAsFQDN: false,
        enableServiceLinks: false,
        schedulerName: "my-scheduler",
        priority: 100,
        securityContext: {
            fsGroup: 2000,
            fsGroupChangePolicy: OnRootMismatch,
            supplementalGroups: [3000],
            seccompProfile: { type: RuntimeDefault },
        },
        volumes: [
            { name: "logs", emptyDir: {} },
            { name: "bundle", projected: { defaultMode: 0o440, sources: [
                { configMap: { name: "app-config", items: [ { key: "app.yaml", path: "app.yaml" } ] } },
                { secret: { name: "app-secret" } },
                { downwardAPI: { items: [ { path: "labels", fieldRef: { fieldPath: "metadata.labels" } } ] } },
                { serviceAccountToken: { path: "token", audience: "vault", expirationSeconds: 1h } },
            ] } },
            { name: "limits", downwardAPI: { items: [ { path: "cpu", resourceFieldRef: { containerName: "app", resource: "limits.cpu" } } ] } },
        ],
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            stdin: true,
            stdinOnce: false,
            tty: true,
            resources: { limits: { cpu: "1" } },
            securityContext: { seccompProfile: { type: Localhost, localhostProfile: "profiles/app.json" } },
            volumeMounts: [
                { name: "logs", mountPath: "/logs", subPathExpr: "$(POD_NAME)", mountPropagation: HostToContainer },
                { name: "bundle", mountPath: "/etc/bundle", readOnly: true, mountPropagation: None },
                { name: "limits", mountPath: "/etc/limits", readOnly: false },
            ],
        } ],
    };
    pod.build().expect("valid pod");

    // Every value of the enums the builders define outside the shared rules.
    for policy in [
        k8s_dsl::pod! { name: "a", securityContext: { fsGroupChangePolicy: Always }, containers: [ { name: "a", image: "busybox:1.36" } ] },
        k8s_dsl::pod! { name: "b", securityContext: { fsGroupChangePolicy: OnRootMismatch }, containers: [ { name: "a", image: "busybox:1.36" } ] },
    ] {
        policy.build().expect("valid pod");
    }
}
