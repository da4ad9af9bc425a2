fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        affinity: {
            podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [ {
                    topologyKey: "kubernetes.io/hostname",
                    labelSelector: { matchExpressions: [ { key: "app", operator: Gt, values: ["1"] } ] },
                } ],
            },
            podAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [ {
                    topologyKey: "kubernetes.io/hostname",
                    labelSelector: { matchExpressions: [ { key: "app", operator: Exist } ] },
                } ],
            },
        },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
