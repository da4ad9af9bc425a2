//! The placement, platform and host keys of `pod!`, and the volume sources outside the pod.

fn main() {
    let zone = "topology.kubernetes.io/zone";
    let pod = k8s_dsl::pod! {
        name: "placed",
        labels: { app: "placed" },
        os: { name: linux },
        hostPID: false,
        hostIPC: false,
        hostAliases: [ { ip: "10.0.0.5", hostnames: ["db.internal", "db"] } ],
        topologySpreadConstraints: [
            {
                maxSkew: 1,
                topologyKey: zone,
                whenUnsatisfiable: DoNotSchedule,
                labelSelector: { matchLabels: { app: "placed" } },
                minDomains: 2,
                nodeAffinityPolicy: Honor,
                nodeTaintsPolicy: Ignore,
            },
            {
                maxSkew: 2,
                topologyKey: "kubernetes.io/hostname",
                whenUnsatisfiable: ScheduleAnyway,
                labelSelector: { matchLabels: { app: "placed" } },
                matchLabelKeys: ["pod-template-hash"],
            },
        ],
        schedulingGates: ["example.com/quota"],
        readinessGates: [ { conditionType: "example.com/lb-ready" } ],
        resources: { requests: { cpu: "1" }, limits: { memory: "1Gi" } },
        volumes: [
            { name: "shared", nfs: { server: "nfs.example.com", path: "/exports", readOnly: true } },
            { name: "secrets", csi: { driver: "secrets-store.csi.k8s.io", readOnly: true, fsType: "ext4", volumeAttributes: { secretProviderClass: "db" } } },
            { name: "model", image: { reference: "quay.io/example/model:v1", pullPolicy: IfNotPresent } },
            { name: "info", projected: { sources: [ { downwardAPI: { items: [ { path: "mem", resourceFieldRef: { containerName: "app", resource: "limits.memory" } } ] } } ] } },
        ],
        containers: [ {
            name: "app",
            image: "app:1.4",
            env: [ { name: "MEM", valueFrom: { resourceFieldRef: { containerName: "app", resource: "limits.memory", divisor: "1Mi" } } } ],
            resources: { requests: { cpu: "500m" }, limits: { memory: "512Mi" } },
            volumeMounts: [
                { name: "shared", mountPath: "/srv", readOnly: true },
                { name: "secrets", mountPath: "/mnt/secrets", readOnly: true },
                { name: "model", mountPath: "/models", readOnly: true },
                { name: "info", mountPath: "/etc/info", readOnly: true },
            ],
        } ],
    };
    let pod = pod.build().unwrap();
    let spec = pod.spec.unwrap();
    assert_eq!(spec.os.unwrap().name, "linux");
    assert_eq!(spec.topology_spread_constraints.unwrap().len(), 2);
    assert_eq!(spec.scheduling_gates.unwrap()[0].name, "example.com/quota");
    assert_eq!(spec.host_aliases.unwrap()[0].hostnames.as_ref().unwrap().len(), 2);
    assert_eq!(spec.volumes.unwrap().len(), 4);
}
