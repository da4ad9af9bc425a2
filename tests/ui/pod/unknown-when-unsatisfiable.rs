fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        labels: { app: "web" },
        topologySpreadConstraints: [ {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: doNotSchedule,
            labelSelector: { matchLabels: { app: "web" } },
        } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
