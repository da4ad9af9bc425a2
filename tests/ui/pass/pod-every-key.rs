//! Every key of `pod!`, with literals and with Rust expressions.

fn main() {
    let version = "1.27";
    let team = String::from("web");
    let grace = k8s_dsl::prelude::Duration::seconds(45);
    let pod = k8s_dsl::pod! {
        name: "myapp-pod",
        namespace: "default",
        labels: { app: "myapp", "app.kubernetes.io/name": "myapp", team: team.clone() },
        annotations: { build: "two" },
        initContainers: [ { name: "init-myservice", image: "busybox:1.28", command: ["sh", "-c", "until nslookup myservice; do sleep 2; done"] } ],
        sidecars: [ {
            name: "log-shipper",
            image: "fluent/fluent-bit:3.0",
            volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ],
            startupProbe: { exec: { command: ["cat", "/ready"] } },
        } ],
        classicSidecars: [ { name: "reloader", image: "jimmidyson/configmap-reload:v0.9.0" } ],
        ambassadors: [ { name: "db-proxy", image: "haproxy:3.0", ports: [ { containerPort: 5432, name: "postgres" } ] } ],
        adapters: [ { name: "exporter", image: "nginx/nginx-prometheus-exporter:1.4", ports: [ { containerPort: 9113, name: "metrics" } ] } ],
        containers: [ {
            name: "myapp-container",
            image: format!("nginx:{version}"),
            imagePullPolicy: IfNotPresent,
            command: ["sh", "-c", "echo The app is running! && sleep 3600"],
            args: ["--verbose", team.clone()],
            workingDir: "/app",
            ports: [ { containerPort: 8080, name: "http", protocol: TCP, hostPort: 8080 }, { containerPort: 9000, name: "grpc" } ],
            env: [
                { name: "A", value: "x" },
                { name: "B", valueFrom: { configMapKeyRef: { name: "cm", key: "k" } } },
                { name: "C", valueFrom: { secretKeyRef: { name: "s", key: "k", optional: true } } },
                { name: "D", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                { name: "E", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1m" } } },
                { name: "F", value: team },
            ],
            envFrom: [ { configMapRef: { name: "cm" }, prefix: "X_" }, { secretRef: { name: "s", optional: false } } ],
            resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: 1, memory: "2Gi" } },
            volumeMounts: [ { name: "logs", mountPath: "/logs", subPath: "app" }, { name: "cfg", mountPath: "/etc/app", readOnly: true } ],
            readinessProbe: {
                httpGet: { path: "/api/ready", port: "http", scheme: HTTP, httpHeaders: [ { name: "X-Probe", value: "1" } ] },
                initialDelaySeconds: 10s,
                periodSeconds: 5s,
                timeoutSeconds: 1s,
                failureThreshold: 8,
            },
            livenessProbe: { tcpSocket: { port: "http" }, periodSeconds: 1m, successThreshold: 1, terminationGracePeriodSeconds: 10s },
            startupProbe: { grpc: { port: 9000, service: "health" }, failureThreshold: 30 },
            lifecycle: {
                postStart: { exec: { command: ["sh", "-c", "echo started"] } },
                preStop: { sleep: { seconds: 5s } },
            },
            securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } },
            terminationMessagePolicy: FallbackToLogsOnError,
        } ],
        volumes: [
            { name: "logs", emptyDir: {} },
            { name: "cache", emptyDir: { medium: Memory, sizeLimit: "64Mi" } },
            { name: "cfg", configMap: { name: "wildfly-parameters", items: [ { key: "app.conf", path: "app.conf" } ] } },
            { name: "podinfo", downwardAPI: { items: [ { path: "labels", fieldRef: { fieldPath: "metadata.labels" } } ] } },
            { name: "data", persistentVolumeClaim: { claimName: "data", readOnly: true } },
            { name: "s", secret: { secretName: "x", defaultMode: 256 } },
            { name: "host", hostPath: { path: "/var/lib/app", type: "DirectoryOrCreate" } },
        ],
        restartPolicy: Always,
        serviceAccountName: "sa",
        priorityClassName: "high-priority",
        nodeSelector: { disktype: "ssd" },
        terminationGracePeriodSeconds: grace,
        activeDeadlineSeconds: 1h30m,
        securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000 },
        imagePullSecrets: ["regcred"],
        hostname: "myapp",
        subdomain: "apps",
        dnsPolicy: ClusterFirst,
        hostNetwork: false,
        automountServiceAccountToken: false,
    };
    let built: k8s_openapi::api::core::v1::Pod = pod.build().expect("valid");
    let spec = built.spec.expect("spec");
    assert_eq!(spec.containers.len(), 2);
    assert_eq!(spec.init_containers.map(|c| c.len()), Some(4));
}
