fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        affinity: {
            nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [ { matchExpressions: [
                        { key: "example.com/gpu", operator: Exists, values: ["true"] },
                    ] } ],
                },
            },
        },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
