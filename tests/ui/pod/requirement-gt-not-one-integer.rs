fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        affinity: {
            nodeAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [ {
                    weight: 50,
                    preference: { matchExpressions: [
                        { key: "example.com/cores", operator: Gt, values: ["four"] },
                    ] },
                } ],
            },
        },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
