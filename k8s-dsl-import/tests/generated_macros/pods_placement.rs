// `tests/corpus/pods/placement.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/placement.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `placed` (document 1)
        k8s_dsl::pod! {
            name: "placed",
            labels: { app: "placed" },
            containers: [ {
                name: "app",
                image: "app:1.4",
                env: [ {
                    name: "MEM",
                    valueFrom: {
                        resourceFieldRef: {
                            containerName: "app",
                            resource: "limits.memory",
                            divisor: "1Mi",
                        },
                    },
                } ],
                resources: { requests: { cpu: "500m" }, limits: { memory: "512Mi" } },
                volumeMounts: [
                    { name: "shared", mountPath: "/srv", readOnly: true },
                    { name: "secrets", mountPath: "/mnt/secrets", readOnly: true },
                    { name: "model", mountPath: "/models", readOnly: true },
                    { name: "info", mountPath: "/etc/info", readOnly: true },
                ],
            } ],
            volumes: [
                {
                    name: "shared",
                    nfs: { server: "nfs.example.com", path: "/exports", readOnly: true },
                },
                {
                    name: "secrets",
                    csi: {
                        driver: "secrets-store.csi.k8s.io",
                        readOnly: true,
                        fsType: "ext4",
                        volumeAttributes: { secretProviderClass: "db" },
                    },
                },
                {
                    name: "model",
                    image: { reference: "quay.io/example/model:v1", pullPolicy: IfNotPresent },
                },
                {
                    name: "info",
                    projected: {
                        sources: [ {
                            downwardAPI: {
                                items: [ {
                                    path: "mem",
                                    resourceFieldRef: {
                                        containerName: "app",
                                        resource: "limits.memory",
                                    },
                                } ],
                            },
                        } ],
                    },
                },
            ],
            hostPID: false,
            hostIPC: false,
            os: { name: linux },
            hostAliases: [ { ip: "10.0.0.5", hostnames: ["db.internal", "db"] } ],
            topologySpreadConstraints: [
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
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
        }
        .build()?
        .into(),
    ])
}
